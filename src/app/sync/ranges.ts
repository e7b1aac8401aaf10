// Which days a sync covers: "Sync now" re-reads a late-upload window before the last synced day
// (devices upload days late), a first sync takes the last 30 days, a backfill starts where asked.
import {
  addDays,
  compareDates,
  isCivilDate,
  type CivilDate,
  type DateRange,
} from '../../core/dates';

/** Days before the last synced day that "Sync now" reads again: trackers upload late. */
export const LATE_UPLOAD_WINDOW_DAYS = 3;
/** A first sync without history reads this many days, ending today. */
export const FIRST_SYNC_DAYS = 30;
/** The earliest backfill start offered: Fitbit trackers predate it by little. */
export const EARLIEST_BACKFILL: CivilDate = '2009-01-01';

export function syncNowRange(lastSynced: CivilDate | null, today: CivilDate): DateRange {
  if (lastSynced === null || compareDates(lastSynced, today) > 0)
    return { start: addDays(today, -(FIRST_SYNC_DAYS - 1)), end: today };
  const start = addDays(lastSynced, -LATE_UPLOAD_WINDOW_DAYS);
  return { start, end: today };
}

export type BackfillRange = { ok: true; range: DateRange } | { ok: false; error: string };

export const BACKFILL_ERRORS = {
  missing: 'Pick a start date first.',
  notADate:
    'That is not a date: check the day and the month (30 February does not exist), or pick a day in the calendar.',
  future: (today: CivilDate) =>
    `The start date is in the future: pick today (${today}) or an earlier day.`,
  tooEarly: `Pick a start date on or after ${EARLIEST_BACKFILL}: there is no tracker data before it.`,
} as const;

/**
 * The backfill range from an ISO date string ('yyyy-MM-dd' or a full ISO timestamp's date). The
 * sidebar runs the same check before asking, so both say the same thing.
 */
export function backfillRange(startIso: unknown, today: CivilDate): BackfillRange {
  const start = typeof startIso === 'string' ? startIso.trim().slice(0, 10) : '';
  if (start === '') return { ok: false, error: BACKFILL_ERRORS.missing };
  if (!isCivilDate(start)) return { ok: false, error: BACKFILL_ERRORS.notADate };
  if (compareDates(start, today) > 0) return { ok: false, error: BACKFILL_ERRORS.future(today) };
  if (compareDates(start, EARLIEST_BACKFILL) < 0)
    return { ok: false, error: BACKFILL_ERRORS.tooEarly };
  return { ok: true, range: { start, end: today } };
}
