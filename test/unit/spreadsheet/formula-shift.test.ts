// Formula text: tokens and references read as Sheets writes them, and references rewritten when
// rows/columns of the sheet they point into are inserted, deleted or moved, or the sheet renamed.
import type { DimensionChange } from '../../../dev/runtime/services/spreadsheet/dimension-change';
import { shiftFormula } from '../../../dev/runtime/services/spreadsheet/formula-shift';
import { tokenize, untokenize } from '../../../dev/runtime/services/spreadsheet/formula-tokens';

const refs = (body: string) =>
  tokenize(body)
    .filter((t) => t.kind === 'ref')
    .map((t) => t.text);

describe('formula tokens', () => {
  it('tells references from function names and names that look like cells', () => {
    expect(refs("SUM('It''s (x)'!B2:B)+LOG10(A1)+Data!$A$1-B:C+2:5+TRUE")).toEqual([
      "'It''s (x)'!B2:B",
      'A1',
      'Data!$A$1',
      'B:C',
      '2:5',
    ]);
    expect(tokenize('LOG10(1)').map((t) => t.kind)).toEqual(['func', 'paren', 'number', 'paren']);
  });

  it('writes function names, booleans and references upper-case and keeps the rest as typed', () => {
    expect(untokenize(tokenize('sum(a1:b2, "x" & true)  +data!c3'))).toBe(
      'SUM(A1:B2, "x" & TRUE)  +data!C3',
    );
    expect(untokenize(tokenize("'Sheet 1'!a1+sheet2!a1"))).toBe("'Sheet 1'!A1+sheet2!A1");
  });
});

describe('shifting references', () => {
  type Kind =
    | { kind: 'insert'; at: number; count: number }
    | { kind: 'delete'; start: number; count: number }
    | { kind: 'move'; start: number; count: number; destination: number };
  const columns = (change: Kind) =>
    ({ sheetId: 1, dimension: 'COLUMNS', ...change }) as DimensionChange;
  const rows = (change: Kind) => ({ sheetId: 1, dimension: 'ROWS', ...change }) as DimensionChange;
  const shift = (formula: string, change: DimensionChange, own = 'Weekly') =>
    shiftFormula(formula, own, { kind: 'dimension', sheetName: 'Data', change });

  it('moves only references into the changed sheet', () => {
    const f = '=SUM(Data!B:B)+SUM(B:B)';
    expect(shift(f, columns({ kind: 'insert', at: 1, count: 2 }))).toBe('=SUM(Data!D:D)+SUM(B:B)');
    expect(shift(f, columns({ kind: 'insert', at: 1, count: 2 }), 'Data')).toBe(
      '=SUM(Data!D:D)+SUM(D:D)',
    );
  });

  it('trims a range with a deletion over one end and keeps open ends open', () => {
    expect(shift('=SUM(Data!B3:B10)', rows({ kind: 'delete', start: 2, count: 3 }))).toBe(
      '=SUM(Data!B2:B7)',
    );
    expect(shift('=SUM(Data!B3:B)', rows({ kind: 'delete', start: 2, count: 3 }))).toBe(
      '=SUM(Data!B2:B)',
    );
    expect(shift('=SUM(Data!B3:B)', rows({ kind: 'insert', at: 3, count: 1 }))).toBe(
      '=SUM(Data!B4:B)',
    );
    expect(shift('=Data!B3:C4', rows({ kind: 'delete', start: 3, count: 2 }))).toBe('=#REF!');
  });

  it('carries the end columns of a range to where they were moved', () => {
    // Columns B:C moved before F: they are now D:E, and D:E moved left to B:C.
    const move = columns({ kind: 'move', start: 2, count: 2, destination: 6 });
    expect(shift('=Data!B1+Data!D1+Data!F1', move)).toBe('=Data!D1+Data!B1+Data!F1');
    expect(shift('=SUM(Data!A:B)', move)).toBe('=SUM(Data!A:D)');
  });

  it('renames and deletes sheets in references', () => {
    expect(
      shiftFormula("=SUM(Data!B:B)+'Other'!A1", 'Weekly', {
        kind: 'rename',
        from: 'data',
        to: 'Activity (x)',
      }),
    ).toBe("=SUM('Activity (x)'!B:B)+Other!A1"); // quotes only where the name needs them
    expect(
      shiftFormula('=SUM(Data!B:B)+A1', 'Weekly', { kind: 'deleteSheet', sheetName: 'Data' }),
    ).toBe('=SUM(#REF!)+A1');
  });

  it('leaves a formula that does not parse as typed', () => {
    expect(shift('=SUM(Data!B:B,"x', columns({ kind: 'insert', at: 1, count: 1 }))).toBe(
      '=SUM(Data!B:B,"x',
    );
  });
});
