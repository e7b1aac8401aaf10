// Civil (calendar) dates as 'yyyy-MM-dd' strings, with arithmetic on UTC epoch days so no time
// zone or DST transition can ever shift a day.
/**
 * API:
 * - `CivilDate` ('yyyy-MM-dd'), `DateRange` ({start, end}, both INCLUSIVE).
 * - `isCivilDate`, `assertCivilDate`, `dateParts` ({year, month, day}), `fromParts`.
 * - `toEpochDay` / `fromEpochDay` (days since 1970-01-01), `addDays`, `daysBetween` (b - a),
 *   `compareDates`, `dayCount(range)`, `eachDay(range)`, `chunkRange(range, maxDays)`.
 * - `civilDateAt(epochMs, utcOffsetMinutes)`: the local date at an instant, given the offset the
 *   gas layer read for the person's time zone at that instant.
 * Providers report days in the person's local calendar (platform facts), so nothing here ever
 * needs a time zone: a day is a number, not an instant.
 */
import { InvalidDateError } from './errors';

export type CivilDate = string;

/** An inclusive range of civil dates: [start, end]. */
export interface DateRange {
  start: CivilDate;
  end: CivilDate;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written 'yyyy-MM-dd' (rejects 2026-02-30, 2026-1-5). */
export function isCivilDate(value: unknown): value is CivilDate {
  if (typeof value !== 'string') return false;
  const m = CIVIL_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function assertCivilDate(value: unknown): CivilDate {
  if (!isCivilDate(value)) throw new InvalidDateError(String(value));
  return value;
}

export function dateParts(date: CivilDate): DateParts {
  assertCivilDate(date);
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

export function fromParts(parts: DateParts): CivilDate {
  const text = `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
  return assertCivilDate(text);
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
export function toEpochDay(date: CivilDate): number {
  const { year, month, day } = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of toEpochDay (civil_from_days). */
export function fromEpochDay(epochDay: number): CivilDate {
  if (!Number.isInteger(epochDay)) throw new InvalidDateError(`epoch day ${epochDay}`);
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return fromParts({ year, month, day });
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Number of days from a to b (negative when b is before a). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return toEpochDay(a) - toEpochDay(b);
}

/** Days in an inclusive range; 0 when end is before start. */
export function dayCount(range: DateRange): number {
  return Math.max(0, daysBetween(range.start, range.end) + 1);
}

export function eachDay(range: DateRange): CivilDate[] {
  const first = toEpochDay(range.start);
  const days: CivilDate[] = [];
  for (let i = 0; i < dayCount(range); i++) days.push(fromEpochDay(first + i));
  return days;
}

/** Splits a range, oldest first, into consecutive ranges of at most maxDays days. */
export function chunkRange(range: DateRange, maxDays: number): DateRange[] {
  if (!Number.isInteger(maxDays) || maxDays < 1)
    throw new RangeError(`maxDays must be a positive integer, got ${maxDays}`);
  const chunks: DateRange[] = [];
  const first = toEpochDay(range.start);
  const last = toEpochDay(range.end);
  for (let s = first; s <= last; s += maxDays) {
    chunks.push({ start: fromEpochDay(s), end: fromEpochDay(Math.min(last, s + maxDays - 1)) });
  }
  return chunks;
}

/** The local civil date at an instant, given the UTC offset (minutes east of UTC) at that instant. */
export function civilDateAt(epochMs: number, utcOffsetMinutes: number): CivilDate {
  return fromEpochDay(Math.floor((epochMs + utcOffsetMinutes * 60_000) / 86_400_000));
}
