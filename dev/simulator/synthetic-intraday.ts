// Deterministic per-minute heart rate and steps per user: the shape of a day (sleep low, a walk to
// work, a workout high, an hour on the charger with no data) as a pure function of the user's seed,
// the local date and minute, and the clock (minutes not yet lived have no data).
/**
 * API:
 * - `minuteSample(user, minuteStartMs, now)`: the minute starting at that instant (a whole UTC
 *   minute), or null when the device recorded nothing (not worn that day, on the charger, or not
 *   yet happened). Heart rate is the minute's average, minimum and maximum of its beats-per-minute
 *   readings; steps the minute's count (0 while asleep or sitting).
 * - `localMinute(minuteStartMs, timeZone)`: the local date and minute of day of an instant.
 * Days the daily activity says the device was not worn have no minutes either, so the intraday
 * and the daily numbers tell the same story.
 */
import { gaussish, rng } from './prng';
import { activityFor } from './synthetic-data';
import type { SimUser } from './types';

export interface MinuteSample {
  heartRate: { avg: number; min: number; max: number };
  steps: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The local clock around one day: the blocks that shape its heart rate and steps. */
interface DayShape {
  worn: boolean;
  wake: number;
  bed: number;
  chargeFrom: number;
  chargeTo: number;
  workoutFrom: number;
  workoutTo: number;
  walks: [number, number][];
  restingHr: number;
}

const shapes = new Map<string, DayShape>();

function restingHrOf(user: SimUser): number {
  return 52 + Math.round(rng(user.seed, user.email, 'intraday-profile')() * 14);
}

function shapeOf(user: SimUser, date: string): DayShape {
  const key = `${user.seed}|${user.email}|${date}`;
  const cached = shapes.get(key);
  if (cached) return cached;
  // Far-future clock: whether the device was worn that day, whatever "now" is.
  const worn = activityFor(user, date, Date.UTC(9999, 0, 1)).activity !== null;
  const r = rng(user.seed, user.email, date, 'intraday');
  const wake = 360 + Math.floor(r() * 90);
  const bed = 1320 + Math.floor(r() * 100);
  const chargeFrom = 1080 + Math.floor(r() * 120);
  const chargeTo = chargeFrom + 20 + Math.floor(r() * 40);
  const workoutFrom = r() < 0.6 ? 420 + Math.floor(r() * 600) : -1;
  const workoutTo = workoutFrom < 0 ? -1 : workoutFrom + 30 + Math.floor(r() * 31);
  const walks: [number, number][] = [];
  for (let i = 0; i < 6; i++) {
    const from = wake + 30 + Math.floor(r() * (bed - wake - 90));
    walks.push([from, from + 5 + Math.floor(r() * 25)]);
  }
  const shape = {
    worn,
    wake,
    bed,
    chargeFrom,
    chargeTo,
    workoutFrom,
    workoutTo,
    walks,
    restingHr: restingHrOf(user),
  };
  if (shapes.size > 5000) shapes.clear();
  shapes.set(key, shape);
  return shape;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset at an instant; one formatter per zone (making one costs more than using it). */
function offsetMsAt(ms: number, timeZone: string): number {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute')) - ms;
}

/** Offsets change at most at whole hours: one zone lookup per UTC hour, not per minute. */
const offsets = new Map<string, Map<number, number>>();
const dateTexts = new Map<number, string>();

function localParts(ms: number, timeZone: string): { day: number; minuteOfDay: number } {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const hour = Math.floor(ms / HOUR_MS);
  let offset = zone.get(hour);
  if (offset === undefined) {
    offset = offsetMsAt(hour * HOUR_MS, timeZone);
    if (zone.size > 200_000) zone.clear();
    zone.set(hour, offset);
  }
  const local = ms + offset;
  const day = Math.floor(local / DAY_MS);
  return { day, minuteOfDay: Math.floor((local - day * DAY_MS) / MINUTE_MS) };
}

function dateText(day: number): string {
  let text = dateTexts.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dateTexts.set(day, text);
  }
  return text;
}

export function localMinute(
  minuteStartMs: number,
  timeZone: string,
): { date: string; minuteOfDay: number } {
  const { day, minuteOfDay } = localParts(minuteStartMs, timeZone);
  return { date: dateText(day), minuteOfDay };
}

const within = (m: number, from: number, to: number) => m >= from && m < to;

/** A worn day's 1,440 minutes, drawn in one stream (a day's values are computed once). */
const days = new Map<string, Map<number, (MinuteSample | null)[]>>();

function daySamples(user: SimUser, dayNumber: number): (MinuteSample | null)[] {
  const userKey = `${user.seed}|${user.email}`;
  let mine = days.get(userKey);
  if (!mine) days.set(userKey, (mine = new Map()));
  const cached = mine.get(dayNumber);
  if (cached) return cached;
  const date = dateText(dayNumber);
  const day = shapeOf(user, date);
  const r = rng(user.seed, user.email, date, 'minutes');
  const out: (MinuteSample | null)[] = [];
  for (let m = 0; m < 1440; m++) {
    if (!day.worn || within(m, day.chargeFrom, day.chargeTo)) {
      out.push(null);
      continue;
    }
    const asleep = m < day.wake || m >= day.bed;
    const workout = within(m, day.workoutFrom, day.workoutTo);
    const walking = day.walks.some(([from, to]) => within(m, from, to));
    let hr: number;
    let steps: number;
    if (asleep) {
      hr = day.restingHr - 4 + 2.5 * gaussish(r);
      steps = 0;
    } else if (workout) {
      // A run: heart rate climbs over the first ten minutes, then holds high.
      const ramp = Math.min(1, (m - day.workoutFrom) / 10);
      hr = day.restingHr + 25 + ramp * 75 + 5 * gaussish(r);
      steps = Math.round(155 + 10 * gaussish(r));
    } else if (walking) {
      hr = day.restingHr + 30 + 6 * gaussish(r);
      steps = Math.round(100 + 12 * gaussish(r));
    } else {
      hr = day.restingHr + 14 + 5 * gaussish(r);
      steps = r() < 0.15 ? Math.floor(r() * 30) : 0;
    }
    const avg = Math.round(hr * 10) / 10;
    out.push({
      heartRate: {
        avg,
        min: Math.floor(avg - 1 - r() * 4),
        max: Math.ceil(avg + 1 + r() * (workout ? 8 : 4)),
      },
      steps: Math.max(0, steps),
    });
  }
  if (mine.size > 2000) mine.clear();
  mine.set(dayNumber, out);
  return out;
}

export function minuteSample(
  user: SimUser,
  minuteStartMs: number,
  now: number,
): MinuteSample | null {
  // Only whole minutes that have ended carry data.
  if (minuteStartMs % MINUTE_MS !== 0 || minuteStartMs + MINUTE_MS > now) return null;
  const { day, minuteOfDay } = localParts(minuteStartMs, user.timeZone);
  return daySamples(user, day)[minuteOfDay];
}
