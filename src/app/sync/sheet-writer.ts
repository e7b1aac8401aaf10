// Writes a run's rows into the data sheet: finds (or creates) the sheet, deletes blank rows an
// interrupted write left, upserts the rows (converting unit columns, leaving duplicate dates), and
// records insertions before making them.
/**
 * API: `writeDays(workbook, doc, scope, rows, headers)`.
 * The sheet id and the pending insertions live in DOCUMENT properties under the account's keys.
 */
import type { KeyValueStore } from '../../core/ports';
import { planUpsert, type DuplicateDate, type UpsertRow } from '../../core/upsert-plan';
import { KEY_HEADER, numberFormatsFor, unitColumnsFor } from '../../providers/metrics';
import { blankRowsToDelete, insertedRanges, type RowRange } from './insert-repair';
import type { SyncScope } from './accounts';
import type { Workbook } from './ports';

export function storedSheetId(doc: KeyValueStore, scope: SyncScope): number | null {
  const raw = doc.get(scope.keys.sheetId);
  return raw !== null && /^\d+$/.test(raw) ? Number(raw) : null;
}

/** Insertions recorded by a write that may not have finished. */
function readInserts(doc: KeyValueStore, key: string, sheetId: number): RowRange[] {
  const raw = doc.get(key);
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as { sheetId: number; ranges: RowRange[] };
    return parsed.sheetId === sheetId && Array.isArray(parsed.ranges) ? parsed.ranges : [];
  } catch {
    return [];
  }
}

/** Writes the days; returns the dates the sheet holds more than once (left as they are). */
export function writeDays(
  workbook: Workbook,
  doc: KeyValueStore,
  scope: SyncScope,
  rows: UpsertRow[],
  headers: string[],
): DuplicateDate[] {
  const { keys } = scope;
  const stored = storedSheetId(doc, scope);
  const sheet = workbook.dataSheet(stored, scope.sheetName);
  if (sheet.sheetId !== stored) doc.set(keys.sheetId, String(sheet.sheetId));
  let snapshot = sheet.read(KEY_HEADER);
  const pending = readInserts(doc, keys.inserts, sheet.sheetId);
  if (pending.length > 0) {
    const blank = blankRowsToDelete(pending, snapshot.keys);
    if (blank.length > 0) {
      sheet.deleteBlankRows(blank);
      snapshot = sheet.read(KEY_HEADER);
    }
  }
  const plan = planUpsert({
    ...snapshot,
    keyHeader: KEY_HEADER,
    managedHeaders: headers,
    unitColumns: unitColumnsFor(headers),
    rows,
  });
  if (plan.insertRows.length > 0)
    doc.set(
      keys.inserts,
      JSON.stringify({ sheetId: sheet.sheetId, ranges: insertedRanges(plan.insertRows) }),
    );
  sheet.apply(plan, KEY_HEADER, numberFormatsFor(headers));
  if (plan.insertRows.length > 0 || pending.length > 0) doc.delete(keys.inserts);
  return plan.duplicates;
}
