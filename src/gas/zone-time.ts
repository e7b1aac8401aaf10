// Instants for clock readings in the spreadsheet's time zone: a day's midnight for the date key
// of the daily sheet, a local date-time for the record sheets' start and end cells.
/**
 * API: `midnightIn(date, timeZone)`, `localClockInstant('yyyy-MM-dd HH:mm', timeZone)`.
 */
import type { CivilDate } from '../core/dates';

function offsetMinutes(ms: number, timeZone: string): number {
  const z = Utilities.formatDate(new Date(ms), timeZone, 'Z');
  const m = /^([+-])(\d{2})(\d{2})$/.exec(z);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * Midnight of a civil date in a zone. Where a DST change skips midnight (clocks jump from 00:00
 * to 01:00 in some zones) the day starts later: step forward until the instant reads that date.
 */
export function midnightIn(date: CivilDate, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const utc = Date.UTC(y, m - 1, d);
  let t = utc - offsetMinutes(utc, timeZone) * 60_000;
  t = utc - offsetMinutes(t, timeZone) * 60_000;
  for (let i = 0; i < 3 && Utilities.formatDate(new Date(t), timeZone, 'yyyy-MM-dd') < date; i++)
    t += 3_600_000;
  return new Date(t);
}

/**
 * The instant a clock in the zone reads 'yyyy-MM-dd HH:mm': a date-time cell shows that reading
 * in the spreadsheet. A reading a DST change skips or repeats lands on an instant next to it.
 */
export function localClockInstant(text: string, timeZone: string): Date {
  const [date, time] = text.split(' ');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const utc = Date.UTC(y, m - 1, d, hh, mm);
  let t = utc - offsetMinutes(utc, timeZone) * 60_000;
  t = utc - offsetMinutes(t, timeZone) * 60_000;
  return new Date(t);
}
