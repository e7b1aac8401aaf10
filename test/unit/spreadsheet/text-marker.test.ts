// Strings that look like formulas: a leading apostrophe keeps them text (and is dropped), and a cell
// formatted as plain text keeps '=...' as the text it is, as typed input does in Sheets.
import { harness } from './harness';

describe('Text that starts with = or an apostrophe', () => {
  it('is a formula when written bare', () => {
    const sheet = harness().app.getActiveSheet();
    sheet.getRange('A1').setValues([['=1+1']]);
    expect(sheet.getRange('A1').getValue()).toBe(2);
  });

  it('stays text without its apostrophe when written with one', () => {
    const sheet = harness().app.getActiveSheet();
    sheet.getRange('A1:B1').setValues([["'=1+1", "''quoted"]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['=1+1', "'quoted"]]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '']]);
  });

  it('stays text in a cell formatted as plain text', () => {
    const sheet = harness().app.getActiveSheet();
    sheet.getRange('A1').setNumberFormat('@');
    sheet.getRange('A1').setValues([['=1+1']]);
    expect(sheet.getRange('A1').getValue()).toBe('=1+1');
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });
});
