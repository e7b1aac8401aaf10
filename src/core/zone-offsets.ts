// A time zone's UTC offsets over a span of time as plain JSON (a starting offset and the instants
// it changes), so pure code can turn instants into local clock readings and back, and a job can
// keep the table in its checkpoint: Apps Script's zone data is read once, by src/gas.
/**
 * API:
 * - `ZoneOffsets`: { zone, offsets: [fromMs, minutesEastOfUtc][] } sorted by fromMs; the first
 *   entry's offset also holds before its instant.
 * - `buildZoneOffsets(zone, fromMs, toMs, offsetAt)`: the table for [fromMs, toMs) from a function
 *   giving the offset at an instant (Utilities.formatDate's 'Z' in Apps Script); it samples every
 *   6 hours and finds each change to the minute by bisection (DST changes are minutes apart, never
 *   inside a minute, and never twice in 6 hours).
 * - `offsetAt(z, ms)`, `localStamp(z, ms)` -> 'yyyy-MM-dd HH:mm', `localMidnight(z, date)` -> ms,
 *   `minuteKey(z, ms)`: the local stamp, with the UTC offset appended (' -07:00') only for minutes
 *   of an hour the clock runs twice (the autumn change), so every minute has its own key.
 */
import { civilDateAt, dateParts, type CivilDate } from './dates';

export interface ZoneOffsets {
  zone: string;
  offsets: [number, number][];
}

const MINUTE_MS = 60_000;
const SAMPLE_MS = 6 * 3_600_000;

export function buildZoneOffsets(
  zone: string,
  fromMs: number,
  toMs: number,
  offsetMinutesAt: (ms: number) => number,
): ZoneOffsets {
  const offsets: [number, number][] = [[fromMs, offsetMinutesAt(fromMs)]];
  let prevMs = fromMs;
  let prev = offsets[0][1];
  for (let t = fromMs + SAMPLE_MS; ; t += SAMPLE_MS) {
    const at = Math.min(t, toMs);
    const off = offsetMinutesAt(at);
    if (off !== prev) {
      // The change lies in (prevMs, at]: bisect on whole minutes.
      let lo = Math.floor(prevMs / MINUTE_MS);
      let hi = Math.floor(at / MINUTE_MS);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetMinutesAt(mid * MINUTE_MS) === prev) lo = mid;
        else hi = mid;
      }
      offsets.push([hi * MINUTE_MS, off]);
      prev = off;
    }
    prevMs = at;
    if (at >= toMs) break;
  }
  return { zone, offsets };
}

export function offsetAt(z: ZoneOffsets, ms: number): number {
  let off = z.offsets[0][1];
  for (const [from, o] of z.offsets) {
    if (from > ms) break;
    off = o;
  }
  return off;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function localStamp(z: ZoneOffsets, ms: number): string {
  const off = offsetAt(z, ms);
  const local = ms + off * MINUTE_MS;
  const minuteOfDay = Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / MINUTE_MS);
  return `${civilDateAt(ms, off)} ${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Whether the local clock reads the same at another instant (the hour run twice in autumn). */
function repeated(z: ZoneOffsets, ms: number): boolean {
  for (let i = 1; i < z.offsets.length; i++) {
    const [at, off] = z.offsets[i];
    const before = z.offsets[i - 1][1];
    const back = (before - off) * MINUTE_MS;
    if (back > 0 && ms >= at - back && ms < at + back) return true;
  }
  return false;
}

export function minuteKey(z: ZoneOffsets, ms: number): string {
  const stamp = localStamp(z, ms);
  return repeated(z, ms) ? `${stamp} ${offsetText(offsetAt(z, ms))}` : stamp;
}

/**
 * The first instant of a local date. Where a change skips midnight (clocks jumping from 00:00 to
 * 01:00) the day starts at the first instant that reads that date.
 */
export function localMidnight(z: ZoneOffsets, date: CivilDate): number {
  const { year, month, day } = dateParts(date);
  const utc = Date.UTC(year, month - 1, day);
  let t = utc - offsetAt(z, utc) * MINUTE_MS;
  t = utc - offsetAt(z, t) * MINUTE_MS;
  while (civilDateAt(t, offsetAt(z, t)) < date) t += MINUTE_MS;
  while (civilDateAt(t - MINUTE_MS, offsetAt(z, t - MINUTE_MS)) === date) t -= MINUTE_MS;
  return t;
}
