// The record sheets a summary counts rows of per period (workouts from the Exercises sheet, nights
// from the Sleep sheet's main sleeps): those the sync has written for the account (found by their
// stored sheet id, so a renamed one is still found), by their date-time column's header. A sheet
// never written leaves its column out and costs no Sheets call.
import type { RecordSheetId } from '../../core/records';
import { findColumn } from '../../core/upsert-plan';
import { exerciseHeaders, sleepHeaders } from '../../providers/record-sheets';
import type { RecordCount } from './summary-sheet';

export interface CountedSheet {
  id: RecordSheetId;
  /** The summary column's header. */
  header: string;
  /** The column whose local date-time places a row in a period, by header. */
  dateHeader: string;
  /** Only rows whose column (by header) holds this text. */
  where?: { header: string; value: string };
}

export const COUNTED_SHEETS: readonly CountedSheet[] = [
  // A night is a main sleep, counted on the day it ended (as the daily sleep columns are).
  {
    id: 'sleep',
    header: 'Nights',
    dateHeader: sleepHeaders().end,
    where: { header: sleepHeaders().kind, value: 'Main sleep' },
  },
  { id: 'exercises', header: 'Workouts', dateHeader: exerciseHeaders('metric').start },
];

/** The counts to write, from each counted sheet's name and header row as found. */
export function recordCounts(
  found: readonly { sheet: CountedSheet; name: string; header: readonly unknown[] }[],
): RecordCount[] {
  const out: RecordCount[] = [];
  for (const { sheet, name, header } of found) {
    const column = findColumn(header, sheet.dateHeader);
    if (column === null) continue;
    if (!sheet.where) {
      out.push({ header: sheet.header, sheetName: name, column });
      continue;
    }
    const whereColumn = findColumn(header, sheet.where.header);
    if (whereColumn !== null)
      out.push({
        header: sheet.header,
        sheetName: name,
        column,
        where: { column: whereColumn, value: sheet.where.value },
      });
  }
  return out;
}
