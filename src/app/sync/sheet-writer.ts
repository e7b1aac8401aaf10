// Writes a run's rows into the data sheet: finds (or creates) the sheet, deletes blank rows an
// interrupted write left, upserts the rows (converting unit columns, leaving duplicate dates), and
// records insertions before making them.
/**
 * API: `SHEET_NAME`, `SHEET_ID_KEY`, `writeDays(workbook, doc, rows, headers)`.
 * The sheet id and the pending insertions live in DOCUMENT properties next to the sheet.
 */
import type { KeyValueStore } from '../../core/ports';
import { planUpsert, type DuplicateDate, type UpsertRow } from '../../core/upsert-plan';
import { KEY_HEADER, unitColumnsFor } from '../../providers/metrics';
import { blankRowsToDelete, insertedRanges, type RowRange } from './insert-repair';
import type { Workbook } from './ports';

export const SHEET_NAME = 'Activity';
export const SHEET_ID_KEY = 'sync.sheetId';
const INSERTS_KEY = 'sync.pendingInserts';

function storedSheetId(doc: KeyValueStore): number | null {
  const raw = doc.get(SHEET_ID_KEY);
  return raw !== null && /^\d+$/.test(raw) ? Number(raw) : null;
}

/** Insertions recorded by a write that may not have finished. */
function readInserts(doc: KeyValueStore, sheetId: number): RowRange[] {
  const raw = doc.get(INSERTS_KEY);
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
  rows: UpsertRow[],
  headers: string[],
): DuplicateDate[] {
  const stored = storedSheetId(doc);
  const sheet = workbook.dataSheet(stored, SHEET_NAME);
  if (sheet.sheetId !== stored) doc.set(SHEET_ID_KEY, String(sheet.sheetId));
  let snapshot = sheet.read(KEY_HEADER);
  const pending = readInserts(doc, sheet.sheetId);
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
      INSERTS_KEY,
      JSON.stringify({ sheetId: sheet.sheetId, ranges: insertedRanges(plan.insertRows) }),
    );
  sheet.apply(plan, KEY_HEADER);
  if (plan.insertRows.length > 0 || pending.length > 0) doc.delete(INSERTS_KEY);
  return plan.duplicates;
}
