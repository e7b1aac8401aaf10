// Parsed day values and the result of parsing one response, plus how results from many requests
// (and pages) accumulate into the cells the sheet gets.
/**
 * API:
 * - `DayValues`: date -> { metricId: number | string } as one response carried it (days the
 *   provider left out are absent; a true zero is 0; a text value such as a cardio fitness level
 *   is a string).
 * - `ParseResult`: `{ kind: 'ok', requestId, values, next, records? }` where `next` is the
 *   follow-up page request or null and `records` the record-sheet rows the answer carries (a
 *   request may carry both), or `{ kind: 'malformed', requestId, message }` (never partial data).
 * - `DayCells`: date -> { metricId: DayValue | null }: a value is written, null means "asked for
 *   and absent" (the cell is cleared), a missing key means "not fetched" (the cell is left alone).
 * - `addResult(cells, result, covers)`: merges one ok result; once the last page of a request has
 *   arrived (`next === null`), every covered (day, metric) without a value becomes null.
 */
import { eachDay, type CivilDate } from './dates';
import type { PlannedRequest, RequestCoverage } from './planned-request';
import type { SheetRecord } from './records';

/** A cell's value: numbers for measurements, text for enumerated levels. */
export type DayValue = number | string;

export type DayValues = Record<CivilDate, Record<string, DayValue>>;

export type ParseResult =
  | {
      kind: 'ok';
      requestId: string;
      values: DayValues;
      next: PlannedRequest | null;
      records?: SheetRecord[];
    }
  | { kind: 'malformed'; requestId: string; message: string };

export type DayCells = Record<CivilDate, Record<string, DayValue | null>>;

export function addResult(
  cells: DayCells,
  result: Extract<ParseResult, { kind: 'ok' }>,
  covers: RequestCoverage,
): DayCells {
  for (const [date, values] of Object.entries(result.values)) {
    const row = (cells[date] ??= {});
    for (const [metricId, value] of Object.entries(values)) row[metricId] = value;
  }
  // A page of a paged answer does not yet say which days are absent: only the last page does.
  if (result.next === null) {
    for (const date of eachDay(covers)) {
      const row = (cells[date] ??= {});
      for (const metricId of covers.metricIds) {
        if (row[metricId] === undefined) row[metricId] = null;
      }
    }
  }
  return cells;
}
