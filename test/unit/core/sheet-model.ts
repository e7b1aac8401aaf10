// A tiny in-memory sheet for the upsert planner's tests: reads what the gas layer would read
// and applies a plan the way SpreadsheetApp would (deleteRows, insertRowsBefore, setValues).
import { isCivilDate } from '../../../src/core/dates';
import {
  findColumn,
  type CellValue,
  type UpsertInput,
  type UpsertPlan,
} from '../../../src/core/upsert-plan';

export type Grid = CellValue[][];

/** What the gas layer reads: the header row, the key column below it and getLastRow(). */
export function readSheet(
  grid: Grid,
  keyHeader: string,
): Pick<UpsertInput, 'header' | 'keys' | 'lastRow'> {
  const lastRow = grid.length;
  const header = grid[0] ?? [];
  const keyCol = findColumn(header, keyHeader);
  const keys =
    keyCol === null
      ? []
      : grid
          .slice(1)
          .map((row) => (isCivilDate(row[keyCol - 1]) ? (row[keyCol - 1] as string) : null));
  return { header, keys, lastRow };
}

export function applyPlan(grid: Grid, plan: UpsertPlan): Grid {
  const rows = grid.map((r) => [...r]);
  for (const op of plan.deleteRows) rows.splice(op.row - 1, op.count);
  for (const op of plan.insertRows) {
    if (op.beforeRow < 1 || op.beforeRow > rows.length)
      throw new Error(`insertRowsBefore(${op.beforeRow}) outside the sheet`);
    rows.splice(op.beforeRow - 1, 0, ...Array.from({ length: op.count }, () => [] as CellValue[]));
  }
  while (rows.length < plan.minRows) rows.push([]);
  for (const block of plan.writes) {
    block.values.forEach((values, i) => {
      const row = rows[block.row - 1 + i];
      if (!row) throw new Error(`write outside the sheet at row ${block.row + i}`);
      values.forEach((v, j) => {
        while (row.length < block.column - 1 + j) row.push('');
        row[block.column - 1 + j] = v;
      });
    });
  }
  // Normalise ragged rows so grids compare cell by cell.
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill('')]);
}
