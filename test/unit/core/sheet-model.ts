// A tiny in-memory sheet for the upsert planner's tests: reads what the gas layer would read
// and applies a plan the way SpreadsheetApp would (getValues and setValues of the unit
// conversions, insertRowsBefore, setValues).
import { isCivilDate } from '../../../src/core/dates';
import { conversionSpan, conversionWrites } from '../../../src/core/unit-columns';
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

function writeBlock(rows: CellValue[][], block: UpsertPlan['writes'][number]): void {
  block.values.forEach((values, i) => {
    const row = rows[block.row - 1 + i];
    if (!row) throw new Error(`write outside the sheet at row ${block.row + i}`);
    values.forEach((v, j) => {
      while (row.length < block.column - 1 + j) row.push('');
      row[block.column - 1 + j] = v;
    });
  });
}

export function applyPlan(grid: Grid, plan: UpsertPlan): Grid {
  const rows = grid.map((r) => [...r]);
  for (const conversion of plan.conversions) {
    const column = Array.from(
      { length: conversionSpan(conversion) },
      (_, i) => rows[i]?.[conversion.column - 1] ?? '',
    );
    for (const block of conversionWrites(conversion, column)) writeBlock(rows, block);
  }
  for (const op of plan.insertRows) {
    if (op.beforeRow < 1 || op.beforeRow > rows.length)
      throw new Error(`insertRowsBefore(${op.beforeRow}) outside the sheet`);
    rows.splice(op.beforeRow - 1, 0, ...Array.from({ length: op.count }, () => [] as CellValue[]));
  }
  while (rows.length < plan.minRows) rows.push([]);
  for (const block of plan.writes) writeBlock(rows, block);
  // Normalise ragged rows so grids compare cell by cell.
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill('')]);
}
