// What the dashboard writes into a sheet, as data: rectangular blocks of cell text (formulas start
// with '=') with a number format per cell, written by the adapter with one call per block each.

export interface GridBlock {
  row: number;
  column: number;
  /** Formulas ('=...') and plain texts; '' leaves a cell empty. */
  cells: string[][];
  /** One number format per cell ('General' where none applies). */
  formats: string[][];
}

/** The box a block covers: what the next refresh clears before writing its own. */
export interface GridArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface SheetPlan {
  blocks: GridBlock[];
  /** Header cells drawn bold. */
  bold: GridArea[];
  frozenRows: number;
  /** The sheet must have at least this many rows and columns for the blocks. */
  minRows: number;
  minColumns: number;
}

export const GENERAL = 'General';

export function areaOf(block: GridBlock): GridArea {
  return {
    row: block.row,
    column: block.column,
    numRows: block.cells.length,
    numColumns: block.cells[0]?.length ?? 0,
  };
}

/** Builds a block from columns (header + cells each), all of the same height. */
export function blockFromColumns(
  row: number,
  column: number,
  columns: readonly { cells: string[]; formats: string[] }[],
): GridBlock {
  const height = columns[0]?.cells.length ?? 0;
  const cells: string[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < height; r++) {
    cells.push(columns.map((c) => c.cells[r]));
    formats.push(columns.map((c) => c.formats[r]));
  }
  return { row, column, cells, formats };
}

export function sheetPlanOf(blocks: GridBlock[], bold: GridArea[], frozenRows: number): SheetPlan {
  const areas = blocks.map(areaOf);
  return {
    blocks,
    bold,
    frozenRows,
    minRows: Math.max(1, ...areas.map((a) => a.row + a.numRows - 1)),
    minColumns: Math.max(1, ...areas.map((a) => a.column + a.numColumns - 1)),
  };
}
