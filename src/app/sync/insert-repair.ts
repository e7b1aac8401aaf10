// Rows inserted for new dates are blank until the setValues that follows: if the execution is
// killed in between, the next write finds them (recorded before inserting) and deletes them.
/**
 * API: `insertedRanges(insertRows)` (where the inserted rows end up once every insertion of a
 * plan is applied bottom-up), `blankRowsToDelete(ranges, keys)` (the recorded ranges whose key
 * cells are still empty, bottom-up, as deleteRows entries).
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
