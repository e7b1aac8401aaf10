// Which record sheets (Exercises, ...) a sync fills, kept in DOCUMENT properties beside the chosen
// metrics: the sheets belong to the spreadsheet, so everyone who syncs it fills the same ones.
/**
 * API: `RECORD_SHEETS_KEY`, `selectedRecordSheets(store)` (none when unset: a record sheet is
 * added only when someone turns it on), `saveRecordSheetChoice(store, input)`.
 */
import type { KeyValueStore } from '../core/ports';
import { isRecordSheetId, type RecordSheetId } from '../core/records';
import { syncRecordSheetIds } from '../providers/record-sheets';

export const RECORD_SHEETS_KEY = 'addon.recordSheets';

export function selectedRecordSheets(store: KeyValueStore | null): RecordSheetId[] {
  const raw = store?.get(RECORD_SHEETS_KEY);
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed)) return [];
    return syncRecordSheetIds().filter((id) => parsed.includes(id));
  } catch {
    return [];
  }
}

export type RecordSheetChoiceResult = { ok: true } | { ok: false; error: string };

/** `input`: the ids of the record sheets to fill (an empty list turns them all off). */
export function saveRecordSheetChoice(
  store: KeyValueStore | null,
  input: unknown,
): RecordSheetChoiceResult {
  if (!store) return { ok: false, error: 'Open the spreadsheet to change its settings.' };
  if (!Array.isArray(input)) return { ok: false, error: 'Send the list of record sheets to fill.' };
  const known = syncRecordSheetIds();
  if (!input.every((id) => isRecordSheetId(id) && known.includes(id)))
    return { ok: false, error: 'Unknown record sheet chosen.' };
  store.set(RECORD_SHEETS_KEY, JSON.stringify(known.filter((id) => input.includes(id))));
  return { ok: true };
}
