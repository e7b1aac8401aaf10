// The record sheets a summary counts rows of per period (workouts from the Exercises sheet, sleep
// sessions from the Sleep sheet): those the sync has written for the account (found by their
// stored sheet id, so a renamed one is still found), by their date-time column's header. A sheet
// never written leaves its column out and costs no Sheets call.
import type { RecordSheetId } from '../../core/records';
import { findColumn } from '../../core/upsert-plan';
import type { RecordCount } from './summary-sheet';

export interface CountedSheet {
  id: RecordSheetId;
  /** The summary column's header. */
  header: string;
  /** The column whose local date-time places a row in a period, by header. */
  dateHeader: string;
}

export const COUNTED_SHEETS: readonly CountedSheet[] = [
  { id: 'sleep', header: 'Sleep sessions', dateHeader: 'End' },
  { id: 'exercises', header: 'Workouts', dateHeader: 'Start' },
];

/** The counts to write, from each counted sheet's name and header row as found. */
export function recordCounts(
  found: readonly { sheet: CountedSheet; name: string; header: readonly unknown[] }[],
): RecordCount[] {
  const out: RecordCount[] = [];
  for (const { sheet, name, header } of found) {
    const column = findColumn(header, sheet.dateHeader);
    if (column !== null) out.push({ header: sheet.header, sheetName: name, column });
  }
  return out;
}
