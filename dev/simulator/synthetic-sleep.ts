// Deterministic sleep sessions per user and local wake date: main sleeps with stages (some
// CLASSIC), naps, nights without a device, trips across time zones, and edits a test can make.
/**
 * API:
 * - `sleepsEndingOn(user, wakeDate, now)`: the sessions whose end, read in the UTC offset the
 *   person had when they woke, falls on `wakeDate`, that Google already holds at `now` (a session
 *   appears once synced: its createTime). Oldest first.
 * - `sleepsEndingBetween(user, fromMs, untilMs, now)`: every such session whose end instant is in
 *   [fromMs, untilMs), newest start first (the order `list` answers in).
 * - `editSleep(user, id, delayMinutes, atMs)`: the person moves the session's start later by that
 *   many minutes (e.g. "I was reading, not sleeping"): stages and summary follow, manuallyEdited
 *   becomes true and updateTime becomes `atMs`. Edits belong to the user object, so to one
 *   simulator.
 * - `tripZoneOn(user, wakeDate)`: the zone the person woke up in, when away from home.
 * How the nights are made (all pure functions of the user's seed and the date):
 * - No main sleep on a night without the device (`wornOvernight`, the same nights the nightly
 *   vitals are absent) nor on the day of a flight over the date line.
 * - Every 73 days a five-night trip: Tokyo for people living west of Greenwich, New York for the
 *   others. A flight from Los Angeles to Tokyo leaves a day without any sleep and wakes people up
 *   on the next day at a UTC instant of the day before: wake dates must be read in local time.
 * - Bedtime 22:00-00:45 local (most nights start before midnight, some after), wake 05:30-08:45.
 * - 8% of main sleeps are CLASSIC (stages were rejected); 18% of days with a device have a nap
 *   (CLASSIC, metadata.nap, REJECTED_NAP) in the afternoon.
 * - Stages cover the whole session with whole minutes; the summary is derived from them exactly as
 *   the discovery document describes its fields.
 */
import { addDays, toDayNumber } from './civil-dates';
import { hashKey, rng } from './prng';
import { wornOvernight } from './synthetic-health';
import type { SimUser } from './types';

export type StageType = 'AWAKE' | 'LIGHT' | 'DEEP' | 'REM' | 'ASLEEP' | 'RESTLESS';

export interface SimStage {
  type: StageType;
  /** Epoch ms, whole minutes. */
  start: number;
  end: number;
}

export interface SimSleep {
  /** The last segment of the data point's name. */
  id: string;
  wakeDate: string;
  zone: string;
  start: number;
  end: number;
  type: 'STAGES' | 'CLASSIC';
  nap: boolean;
  mainSleep: boolean;
  stagesStatus: 'SUCCEEDED' | 'REJECTED_COVERAGE' | 'REJECTED_NAP';
  stages: SimStage[];
  createTime: number;
  updateTime: number;
  manuallyEdited: boolean;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const TRIP_CYCLE_DAYS = 73;
const TRIP_NIGHTS = 5;
const CLASSIC_PROBABILITY = 0.08;
const NAP_PROBABILITY = 0.18;
const LATE_UPDATE_PROBABILITY = 0.1;

const FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at an instant, in seconds (formatters cached: years of nights add up). */
export function offsetSecondsAt(instant: number, zone: string): number {
  let format = FORMATS.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    FORMATS.set(zone, format);
  }
  const n: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) n[part.type] = Number(part.value);
  const wall = Date.UTC(n.year, n.month - 1, n.day, n.hour, n.minute, n.second);
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 1000);
}

/** The instant a local clock reading (minutes from the date's midnight, may overflow) happens. */
function instantOf(date: string, minute: number, zone: string): number {
  const wall = toDayNumber(date) * DAY + minute * MINUTE;
  let t = wall - offsetSecondsAt(wall, zone) * 1000;
  t = wall - offsetSecondsAt(t, zone) * 1000;
  return t;
}

/** Where this person's trips go: across the date line from the Americas, else to New York. */
function tripZone(user: SimUser, date: string): string {
  return offsetSecondsAt(toDayNumber(date) * DAY, user.timeZone) < 0
    ? 'Asia/Tokyo'
    : 'America/New_York';
}

/** Day of the trip cycle: 0 is the flight day, 1..TRIP_NIGHTS the nights away. */
function tripDay(user: SimUser, wakeDate: string): number {
  const shift = hashKey(user.seed, user.email, 'trip') % TRIP_CYCLE_DAYS;
  return (((toDayNumber(wakeDate) + shift) % TRIP_CYCLE_DAYS) + TRIP_CYCLE_DAYS) % TRIP_CYCLE_DAYS;
}

export function tripZoneOn(user: SimUser, wakeDate: string): string | null {
  const d = tripDay(user, wakeDate);
  return d >= 1 && d <= TRIP_NIGHTS ? tripZone(user, wakeDate) : null;
}

const between = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** Lengths in minutes, consecutive equal types merged, laid out from `start`. */
function layOut(start: number, parts: [StageType, number][]): SimStage[] {
  const stages: SimStage[] = [];
  let t = start;
  for (const [type, minutes] of parts) {
    if (minutes <= 0) continue;
    const last = stages[stages.length - 1];
    if (last && last.type === type) last.end += minutes * MINUTE;
    else stages.push({ type, start: t, end: t + minutes * MINUTE });
    t += minutes * MINUTE;
  }
  return stages;
}

/** Sleep cycles of light, deep, light and REM with short awakenings, clipped to `minutes`. */
function stagedNight(r: () => number, minutes: number): [StageType, number][] {
  const fall = between(r, 3, 24);
  const after = r() < 0.3 ? 0 : between(r, 1, 10);
  const parts: [StageType, number][] = [['AWAKE', fall]];
  let left = minutes - fall - after;
  let cycle = 0;
  while (left > 0) {
    const early = cycle < 2;
    const cycleParts: [StageType, number][] = [
      ['LIGHT', between(r, 18, 40)],
      ['DEEP', early ? between(r, 15, 35) : between(r, 0, 12)],
      ['LIGHT', between(r, 8, 22)],
      ['REM', early ? between(r, 8, 18) : between(r, 15, 32)],
    ];
    if (r() < 0.45) cycleParts.push(['AWAKE', between(r, 1, 7)]);
    for (const [type, m] of cycleParts) {
      const take = Math.min(m, left);
      if (take > 0) parts.push([type, take]);
      left -= take;
    }
    cycle++;
  }
  parts.push(['AWAKE', after]);
  return parts;
}

/** Asleep blocks broken by restless and awake spells (stages could not be told apart). */
function classicSleep(r: () => number, minutes: number, nap: boolean): [StageType, number][] {
  const fall = nap ? between(r, 2, 8) : between(r, 4, 20);
  const after = nap || r() < 0.4 ? 0 : between(r, 1, 8);
  const parts: [StageType, number][] = [['AWAKE', fall]];
  let left = minutes - fall - after;
  while (left > 0) {
    const block = Math.min(left, nap ? between(r, 10, 40) : between(r, 30, 110));
    parts.push(['ASLEEP', block]);
    left -= block;
    if (left <= 0) break;
    const spell = Math.min(left, r() < 0.6 ? between(r, 2, 9) : between(r, 1, 5));
    parts.push([r() < 0.6 ? 'RESTLESS' : 'AWAKE', spell]);
    left -= spell;
  }
  parts.push(['AWAKE', after]);
  return parts;
}

function sessionId(user: SimUser, start: number): string {
  const a = hashKey(user.seed, user.email, 'sleep', String(start));
  const b = hashKey(a, 'sleep-id');
  return `${a}${String(b).padStart(10, '0')}`;
}

/** When Google got the session from the phone: minutes to an hour after waking. */
function syncedAt(r: () => number, end: number): { created: number; updated: number } {
  const created = end + between(r, 4, 55) * MINUTE + between(r, 0, 59_999);
  const late = r() < LATE_UPDATE_PROBABILITY;
  return { created, updated: late ? created + between(r, 60, 300) * MINUTE : created };
}

function mainSleep(user: SimUser, wakeDate: string, zone: string): SimSleep | null {
  if (!wornOvernight(user, wakeDate) || tripDay(user, wakeDate) === 0) return null;
  const r = rng(user.seed, user.email, wakeDate, 'sleep-main');
  // Minutes from the previous day's midnight: 22:00 to 00:45 the next morning.
  const bedMinute = between(r, 22 * 60, 24 * 60 + 45);
  const wakeMinute = between(r, 5 * 60 + 30, 8 * 60 + 45);
  const start = instantOf(addDays(wakeDate, -1), bedMinute, zone);
  const end = instantOf(wakeDate, wakeMinute, zone);
  const minutes = Math.round((end - start) / MINUTE);
  const classic = r() < CLASSIC_PROBABILITY;
  const stages = layOut(start, classic ? classicSleep(r, minutes, false) : stagedNight(r, minutes));
  const { created, updated } = syncedAt(r, end);
  return {
    id: sessionId(user, start),
    wakeDate,
    zone,
    start,
    end,
    type: classic ? 'CLASSIC' : 'STAGES',
    nap: false,
    mainSleep: true,
    stagesStatus: classic ? 'REJECTED_COVERAGE' : 'SUCCEEDED',
    stages,
    createTime: created,
    updateTime: updated,
    manuallyEdited: false,
  };
}

function nap(user: SimUser, wakeDate: string, zone: string): SimSleep | null {
  if (!wornOvernight(user, wakeDate) || tripDay(user, wakeDate) === 0) return null;
  const r = rng(user.seed, user.email, wakeDate, 'sleep-nap');
  if (r() >= NAP_PROBABILITY) return null;
  const startMinute = between(r, 13 * 60, 16 * 60 + 30);
  const minutes = between(r, 18, 80);
  const start = instantOf(wakeDate, startMinute, zone);
  const end = start + minutes * MINUTE;
  const { created, updated } = syncedAt(r, end);
  return {
    id: sessionId(user, start),
    wakeDate,
    zone,
    start,
    end,
    type: 'CLASSIC',
    nap: true,
    mainSleep: false,
    stagesStatus: 'REJECTED_NAP',
    stages: layOut(start, classicSleep(r, minutes, true)),
    createTime: created,
    updateTime: updated,
    manuallyEdited: false,
  };
}

interface SleepEdit {
  delayMinutes: number;
  atMs: number;
}

const EDITS = new WeakMap<SimUser, Map<string, SleepEdit>>();

function applyEdit(s: SimSleep, edit: SleepEdit): SimSleep {
  const start = s.start + edit.delayMinutes * MINUTE;
  const stages = s.stages
    .filter((st) => st.end > start)
    .map((st) => ({ ...st, start: Math.max(st.start, start) }));
  return { ...s, start, stages, manuallyEdited: true, updateTime: edit.atMs };
}

export function editSleep(user: SimUser, id: string, delayMinutes: number, atMs: number): void {
  if (!Number.isInteger(delayMinutes) || delayMinutes <= 0)
    throw new Error('editSleep: delayMinutes must be a positive whole number');
  const edits = EDITS.get(user) ?? new Map<string, SleepEdit>();
  const previous = edits.get(id)?.delayMinutes ?? 0;
  edits.set(id, { delayMinutes: previous + delayMinutes, atMs });
  EDITS.set(user, edits);
}

/** Sessions are pure functions of (user, date): kept once made, a list of years asks often. */
const MADE = new WeakMap<SimUser, Map<string, SimSleep[]>>();

function madeFor(user: SimUser, wakeDate: string): SimSleep[] {
  let byDate = MADE.get(user);
  if (!byDate) MADE.set(user, (byDate = new Map()));
  let made = byDate.get(wakeDate);
  if (!made) {
    const zone = tripZoneOn(user, wakeDate) ?? user.timeZone;
    made = [mainSleep(user, wakeDate, zone), nap(user, wakeDate, zone)].filter(
      (s): s is SimSleep => s !== null,
    );
    byDate.set(wakeDate, made);
  }
  return made;
}

export function sleepsEndingOn(user: SimUser, wakeDate: string, now: number): SimSleep[] {
  const edits = EDITS.get(user);
  const out: SimSleep[] = [];
  for (const s of madeFor(user, wakeDate)) {
    if (s.createTime > now) continue;
    const edit = edits?.get(s.id);
    if (edit && edit.delayMinutes * MINUTE >= s.end - s.start - 10 * MINUTE)
      throw new Error(`editSleep: session ${s.id} is too short to start that much later`);
    out.push(edit ? applyEdit(s, edit) : s);
  }
  return out;
}

export function sleepsEndingBetween(
  user: SimUser,
  fromMs: number,
  untilMs: number,
  now: number,
): SimSleep[] {
  // A local wake date is within a day of the UTC date of the wake instant (offsets are < 15 h).
  const first = Math.floor(fromMs / DAY) - 1;
  const last = Math.min(Math.floor((untilMs - 1) / DAY) + 1, Math.floor(now / DAY) + 1);
  const out: SimSleep[] = [];
  for (let d = first; d <= last; d++) {
    const date = new Date(d * DAY).toISOString().slice(0, 10);
    for (const s of sleepsEndingOn(user, date, now))
      if (s.end >= fromMs && s.end < untilMs) out.push(s);
  }
  return out.sort((a, b) => b.start - a.start);
}
