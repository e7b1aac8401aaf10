// Writes a run's records into their record sheets: per sheet, find it (or create it) by the id
// stored for the account, read it once, plan the upsert and apply it, whatever the row count.
/**
 * API: `writeRecords(workbook, doc, scope, records, sheets, units)` -> `RecordWriteSummary[]`:
 * every listed sheet is found or created (with its header, even when no record is for it).
 * The sheet ids live in DOCUMENT properties under the account's keys (accounts.recordSheetPlace).
 * Nothing needs repairing after an interrupted write: rows are only appended below the last row
 * (one setValues: a row is never written without its key), and updates rewrite rows in place with
 * the version last, so the next run's upsert finds every row it wrote and redoes what is older.
 */
import type { KeyValueStore } from '../../core/ports';
import { planRecordUpsert } from '../../core/record-upsert';
import type { RecordSheetId, SheetRecord } from '../../core/records';
import type { UnitSystem } from '../../core/units';
import { knownRecordSheetIds, recordSheet } from '../../providers/record-sheets';
import { recordSheetPlace, type SyncScope } from './accounts';
import type { Workbook } from './ports';

export interface RecordWriteSummary {
  sheet: RecordSheetId;
  sheetName: string;
  updated: number;
  appended: number;
  /** Keys the sheet holds more than once (the first row is updated, the others left). */
  duplicates: string[];
}

function storedId(doc: KeyValueStore, key: string): number | null {
  const raw = doc.get(key);
  return raw !== null && /^\d+$/.test(raw) ? Number(raw) : null;
}

export function writeRecords(
  workbook: Workbook,
  doc: KeyValueStore,
  scope: SyncScope,
  records: readonly SheetRecord[],
  sheets: readonly RecordSheetId[],
  units: UnitSystem,
): RecordWriteSummary[] {
  const summaries: RecordWriteSummary[] = [];
  for (const id of knownRecordSheetIds()) {
    const mine = records.filter((r) => r.sheet === id);
    if (mine.length === 0 && !sheets.includes(id)) continue;
    const layout = recordSheet(id);
    const place = recordSheetPlace(scope, layout.sheetName, id);
    const stored = storedId(doc, place.sheetIdKey);
    const sheet = workbook.recordSheet(stored, place.sheetName);
    if (sheet.sheetId !== stored) doc.set(place.sheetIdKey, String(sheet.sheetId));
    const plan = planRecordUpsert({
      table: sheet.readTable(),
      layout: {
        keyHeader: layout.keyHeader,
        versionHeader: layout.versionHeader,
        orderHeader: layout.orderHeader,
        headers: layout.headers(units),
      },
      records: mine,
    });
    sheet.apply(plan, { ownColumnsOnly: layout.ownColumnsOnly });
    summaries.push({
      sheet: id,
      sheetName: place.sheetName,
      updated: plan.updated,
      appended: plan.appended,
      duplicates: plan.duplicates,
    });
  }
  return summaries;
}
