// Rows inserted for new dates are blank until the setValues that follows: if the execution is
// killed in between, the next write finds them (recorded before inserting) and deletes them:
// only rows still entirely empty, so nothing the person typed there in the meantime is lost.
/**
 * API: `insertedRanges(insertRows)` (where the inserted rows end up once every insertion of a
 * plan is applied bottom-up), `blankRowsToDelete(ranges, keys)` (the recorded ranges whose key
 * cells are still empty, bottom-up: the candidates), `blankRuns(firstRow, values)` (the runs of
 * entirely empty rows in a block read from the sheet, bottom-up: what is actually deleted).
 */
import type { UpsertPlan } from '../../core/upsert-plan';
import type { RowRange } from './ports';

export type { RowRange };

export function insertedRanges(insertRows: UpsertPlan['insertRows']): RowRange[] {
  // Applied in the listed (bottom-up) order: each later insertion above pushes earlier ones down.
  return insertRows.map((ins, i) => {
    const above = insertRows.slice(i + 1).filter((later) => later.beforeRow <= ins.beforeRow);
    return { row: ins.beforeRow + above.reduce((n, l) => n + l.count, 0), count: ins.count };
  });
}

export function blankRowsToDelete(
  ranges: RowRange[],
  keys: readonly (string | null)[],
): RowRange[] {
  return ranges
    .filter((r) => {
      for (let row = r.row; row < r.row + r.count; row++) if (keys[row - 2]) return false;
      return r.row >= 2;
    })
    .sort((a, b) => b.row - a.row);
}

/** Runs of rows whose every cell is empty in a block starting at `firstRow`, bottom-up. */
export function blankRuns(firstRow: number, values: readonly (readonly unknown[])[]): RowRange[] {
  const runs: RowRange[] = [];
  values.forEach((row, i) => {
    if (!row.every((cell) => cell === '' || cell === null || cell === undefined)) return;
    const last = runs[runs.length - 1];
    if (last && last.row + last.count === firstRow + i) last.count++;
    else runs.push({ row: firstRow + i, count: 1 });
  });
  return runs.reverse();
}
