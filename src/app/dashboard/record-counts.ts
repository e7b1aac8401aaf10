// The record sheets a summary counts rows of per period (workouts from the Exercises sheet, sleep
// sessions from the Sleep sheet), found by name next to the account's daily sheet and by their
// date-time column's header: a sheet that does not exist leaves its column out.
import { findColumn } from '../../core/upsert-plan';
import type { RecordCount } from './summary-sheet';

export interface CountedSheet {
  /** The summary column's header. */
  header: string;
  /** The first account's sheet name (another account's gets the same suffix as its daily sheet). */
  sheetTitle: string;
  /** The column whose local date-time places a row in a period, by header. */
  dateHeader: string;
}

export const COUNTED_SHEETS: readonly CountedSheet[] = [
  { header: 'Sleep sessions', sheetTitle: 'Sleep', dateHeader: 'End' },
  { header: 'Workouts', sheetTitle: 'Exercises', dateHeader: 'Start' },
];

/** The counts to write, from each counted sheet's header row (null: the sheet is not there). */
export function recordCounts(
  found: readonly { sheet: CountedSheet; name: string; header: readonly unknown[] | null }[],
): RecordCount[] {
  const out: RecordCount[] = [];
  for (const { sheet, name, header } of found) {
    const column = header ? findColumn(header, sheet.dateHeader) : null;
    if (column !== null) out.push({ header: sheet.header, sheetName: name, column });
  }
  return out;
}
