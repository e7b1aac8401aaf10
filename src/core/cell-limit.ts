// Sheets' 10,000,000-cell limit per spreadsheet, as arithmetic: the cells a spreadsheet has (every
// sheet's grid, used or not, counts), the cells rows added to one sheet make, and whether that
// stays under the limit less the margin the add-on keeps.
/**
 * API: `SHEETS_CELL_LIMIT`, `CELL_MARGIN`, `NEW_SHEET_GRID`, `SheetGrid`, `cellsAfterRows(grid,
 * rows, columns)`, `checkCellRoom(opts)` -> { ok: true, after } | { ok: false, after, message }.
 * A sheet's grid grows by whole rows of its current width: rows appended to a 26-column sheet cost
 * 26 cells each even when 5 are filled. Rows are counted as all new (the upsert may find some of
 * them already there), so the check never lets a range through that would not fit.
 */

/** Sheets: a spreadsheet holds at most 10 million cells (platform-facts.md). */
export const SHEETS_CELL_LIMIT = 10_000_000;
/**
 * Kept free by the add-on: 10% of the limit, so the daily sheet, the other add-on sheets and what
 * the person adds can still grow after an intraday fetch.
 */
export const CELL_MARGIN = 1_000_000;
/** A sheet Sheets inserts has 1000 rows and 26 columns. */
export const NEW_SHEET_GRID: SheetGrid = { rows: 1000, columns: 26, usedRows: 0 };

export interface SheetGrid {
  /** getMaxRows / getMaxColumns: the grid, used or not. */
  rows: number;
  columns: number;
  /** getLastRow: rows holding anything (the header included). */
  usedRows: number;
}

/** The grid's cells after `rows` more rows of `columns` values go below its used rows. */
export function cellsAfterRows(grid: SheetGrid, rows: number, columns: number): number {
  const neededRows = Math.max(grid.rows, Math.max(grid.usedRows, 1) + rows);
  return neededRows * Math.max(grid.columns, columns);
}

/** 1234567 -> "1,234,567" (no locale data needed). */
function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function checkCellRoom(opts: {
  /** Every sheet's grid cells now, the target sheet's included when it exists. */
  spreadsheetCells: number;
  /** The target sheet's grid, or null when it is still to be created. */
  target: SheetGrid | null;
  /** The grid a created target starts with (default: Sheets' new sheet, 1000 x 26). */
  newSheet?: SheetGrid;
  rows: number;
  columns: number;
  /** What the rows are, for the message ("Intraday for 400 days"). */
  what: string;
  /** Rows per day: the refusal then says how many days would fit. */
  rowsPerDay?: number;
}): { ok: true; after: number } | { ok: false; after: number; message: string } {
  const grid = opts.target ?? opts.newSheet ?? NEW_SHEET_GRID;
  const before = opts.target ? opts.target.rows * opts.target.columns : 0;
  const after = opts.spreadsheetCells - before + cellsAfterRows(grid, opts.rows, opts.columns);
  const ceiling = SHEETS_CELL_LIMIT - CELL_MARGIN;
  if (after <= ceiling) return { ok: true, after };
  const width = Math.max(grid.columns, opts.columns);
  const others = opts.spreadsheetCells - before;
  const fitRows = Math.max(0, Math.floor((ceiling - others) / width) - Math.max(grid.usedRows, 1));
  const fit = opts.rowsPerDay
    ? ` At most ${fmt(Math.floor(fitRows / opts.rowsPerDay))} days fit now.`
    : '';
  return {
    ok: false,
    after,
    message:
      `${opts.what} would take this spreadsheet to ${fmt(after)} cells ` +
      `(${fmt(opts.rows)} rows x ${width} columns added to ${fmt(opts.spreadsheetCells)} cells now), ` +
      `too near Sheets' limit of ${fmt(SHEETS_CELL_LIMIT)} cells: the add-on keeps ` +
      `${fmt(CELL_MARGIN)} cells free. Pick fewer days, or delete rows or sheets you no longer need.${fit}`,
  };
}
