// The weeks and months a summary sheet lists, from the first to the last date of the daily sheet:
// weeks start on the person's chosen weekday, months on the 1st. Pure civil-date arithmetic.
import { addDays, dateParts, fromParts, toEpochDay, type CivilDate } from '../../core/dates';
import type { WeekStart } from './settings';

export type PeriodKind = 'week' | 'month';

/** Monday = 1 ... Sunday = 7 (Sheets' WEEKDAY(date, 2)). 1970-01-01 was a Thursday. */
export function isoWeekday(date: CivilDate): WeekStart {
  return (((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1) as WeekStart;
}

export function weekStartOf(date: CivilDate, weekStart: WeekStart): CivilDate {
  return addDays(date, -((isoWeekday(date) - weekStart + 7) % 7));
}

export function monthStartOf(date: CivilDate): CivilDate {
  const p = dateParts(date);
  return fromParts({ ...p, day: 1 });
}

function nextMonth(start: CivilDate): CivilDate {
  const p = dateParts(start);
  return p.month === 12
    ? fromParts({ year: p.year + 1, month: 1, day: 1 })
    : fromParts({ year: p.year, month: p.month + 1, day: 1 });
}

/** Every period start from the one holding `first` to the one holding `last`, oldest first. */
export function periodStarts(
  kind: PeriodKind,
  first: CivilDate,
  last: CivilDate,
  weekStart: WeekStart,
): CivilDate[] {
  if (last < first) return [];
  const out: CivilDate[] = [];
  let start = kind === 'week' ? weekStartOf(first, weekStart) : monthStartOf(first);
  while (start <= last) {
    out.push(start);
    start = kind === 'week' ? addDays(start, 7) : nextMonth(start);
  }
  return out;
}
