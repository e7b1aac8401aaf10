// Provider text written to a sheet keeps its exact value: no formula runs, no apostrophe is lost.
import { asCellText } from '../../../src/core/cell-text';

describe('asCellText', () => {
  it('marks text starting with = so Sheets does not run it as a formula', () => {
    expect(asCellText('=IMPORTXML("x")')).toBe(`'=IMPORTXML("x")`);
  });

  it('marks text starting with an apostrophe so the apostrophe is kept', () => {
    expect(asCellText("'90s run")).toBe("''90s run");
  });

  it('leaves other text, numbers and empties as they are', () => {
    expect(asCellText('Morning run')).toBe('Morning run');
    expect(asCellText('a=b')).toBe('a=b');
    expect(asCellText(42)).toBe(42);
    expect(asCellText(null)).toBeNull();
    expect(asCellText('')).toBe('');
  });
});
