// A rectangle of cells the sheet adapter writes with one setValues: shared by the upsert planner
// and the unit conversions it plans.
export type CellValue = string | number;

/** Cells from (row, column) down and right, 1-based, one setValues. */
export interface WriteBlock {
  row: number;
  column: number;
  values: CellValue[][];
}
