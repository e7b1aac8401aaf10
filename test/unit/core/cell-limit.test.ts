// The 10,000,000-cell arithmetic: whole rows of the sheet's width, a new sheet's 26 columns, the
// margin kept, and a refusal that names the numbers.
import {
  CELL_MARGIN,
  SHEETS_CELL_LIMIT,
  cellsAfterRows,
  checkCellRoom,
} from '../../../src/core/cell-limit';

test('rows go below the used rows, in the sheet’s width, and the grid never shrinks', () => {
  expect(cellsAfterRows({ rows: 1000, columns: 26, usedRows: 0 }, 10_080, 5)).toBe(10_081 * 26);
  expect(cellsAfterRows({ rows: 20_000, columns: 5, usedRows: 10_081 }, 10_080, 5)).toBe(
    20_161 * 5,
  );
  // Rows that fit in the blank grid cost nothing more.
  expect(cellsAfterRows({ rows: 1000, columns: 5, usedRows: 1 }, 500, 5)).toBe(5000);
  // A narrower sheet widens to the columns written.
  expect(cellsAfterRows({ rows: 10, columns: 3, usedRows: 1 }, 9, 5)).toBe(50);
});

test('a week into a new sheet fits: the new sheet’s cells replace nothing', () => {
  const r = checkCellRoom({
    spreadsheetCells: 26_000,
    target: null,
    rows: 10_080,
    columns: 5,
    what: 'Intraday for 7 days',
  });
  expect(r).toEqual({ ok: true, after: 26_000 + 10_081 * 26 });
});

test('a sheet the add-on creates with its own columns only: the new grid it starts with', () => {
  const r = checkCellRoom({
    spreadsheetCells: 26_000,
    target: null,
    newSheet: { rows: 1000, columns: 5, usedRows: 0 },
    rows: 10_080,
    columns: 5,
    what: 'Intraday for 7 days',
  });
  expect(r).toEqual({ ok: true, after: 26_000 + 10_081 * 5 });
});

test('the limit less the margin is allowed exactly; one row more is refused with the numbers', () => {
  const ceiling = SHEETS_CELL_LIMIT - CELL_MARGIN;
  const target = { rows: 1000, columns: 5, usedRows: 1 };
  const others = 5_000_000;
  const fitRows = (ceiling - others) / 5 - 1;
  const ok = checkCellRoom({
    spreadsheetCells: others + 5000,
    target,
    rows: fitRows,
    columns: 5,
    what: 'x',
  });
  expect(ok).toEqual({ ok: true, after: ceiling });
  const over = checkCellRoom({
    spreadsheetCells: others + 5000,
    target,
    rows: fitRows + 1,
    columns: 5,
    what: 'Intraday for 560 days',
    rowsPerDay: 1440,
  });
  expect(over.ok).toBe(false);
  if (over.ok) return;
  expect(over.after).toBe(ceiling + 5);
  expect(over.message).toContain(
    'Intraday for 560 days would take this spreadsheet to 9,000,005 cells',
  );
  expect(over.message).toContain("Sheets' limit of 10,000,000 cells");
  expect(over.message).toContain('keeps 1,000,000 cells free');
  expect(over.message).toContain(`At most ${Math.floor(fitRows / 1440)} days fit now.`);
});
