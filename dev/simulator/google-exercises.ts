// Workouts of a simulated person as Google Health `exercise` data points: a pure function of the
// person's seed and the local date (0 to 2 workouts a day, several exercise types, none on days
// without a device), in the discovery document's Exercise shape, plus edits made on the host.
/**
 * API:
 * - `exercisesOn(user, date, now, edits)`: the DataPoints of workouts that started on a local
 *   date and have ended by `now`, each { name, dataSource, exercise }.
 * - `exercisesBetween(user, from, until, now, edits)`: those whose local start is in
 *   [from, until) (local 'YYYY-MM-DDTHH:mm:ss', null: unbounded, capped at 10 years back),
 *   newest start first, as `list` orders them.
 * - `ExerciseEdit`, `editedExercise`: an edit made "in the app" later: its metrics summary
 *   overrides and a newer updateTime.
 * Shapes (discovery doc): interval {startTime, endTime, startUtcOffset, endUtcOffset (protobuf
 * Durations like "-28800s"), civilStartTime, civilEndTime}; exerciseType, displayName,
 * activeDuration ("2712s"); metricsSummary with int64 fields as strings (steps,
 * averageHeartRateBeatsPerMinute, activeZoneMinutes) and doubles as numbers; zero or inapplicable
 * fields left out (proto3 JSON); createTime and updateTime RFC 3339.
 */
import { addDays, fromDayNumber, localNow, toDayNumber } from './civil-dates';
import { activityFor } from './synthetic-data';
import { rng } from './prng';
import type { SimUser } from './types';

export interface ExerciseEdit {
  atMs: number;
  /** Fields of metricsSummary replaced by the edit. */
  summary: Record<string, unknown>;
  /** The name the person gave the workout in the app, when they renamed it. */
  displayName?: string;
}

interface Kind {
  type: string;
  displayName: string;
  weight: number;
  minutes: [number, number];
  /** Metres per second while moving, or null: no distance. */
  speed: [number, number] | null;
  stepsPerMinute: number | null;
  heartRate: [number, number];
  /** Metres climbed per kilometre, or null. */
  climbPerKm: number | null;
  gps: boolean;
  poolLengthM?: number;
}

const KINDS: readonly Kind[] = [
  {
    type: 'RUNNING',
    displayName: 'Run',
    weight: 3,
    minutes: [22, 65],
    speed: [2.5, 3.5],
    stepsPerMinute: 162,
    heartRate: [138, 165],
    climbPerKm: 8,
    gps: true,
  },
  {
    type: 'WALKING',
    displayName: 'Walk',
    weight: 4,
    minutes: [18, 75],
    speed: [1.15, 1.6],
    stepsPerMinute: 108,
    heartRate: [92, 115],
    climbPerKm: 5,
    gps: true,
  },
  {
    type: 'BIKING',
    displayName: 'Bike',
    weight: 2,
    minutes: [30, 100],
    speed: [4.5, 8],
    stepsPerMinute: null,
    heartRate: [118, 150],
    climbPerKm: 10,
    gps: true,
  },
  {
    type: 'SWIMMING',
    displayName: 'Swim',
    weight: 1,
    minutes: [25, 50],
    speed: [0.6, 0.9],
    stepsPerMinute: null,
    heartRate: [112, 140],
    climbPerKm: null,
    gps: false,
    poolLengthM: 25,
  },
  {
    type: 'WEIGHTLIFTING',
    displayName: 'Weights',
    weight: 2,
    minutes: [30, 65],
    speed: null,
    stepsPerMinute: null,
    heartRate: [98, 124],
    climbPerKm: null,
    gps: false,
  },
  {
    type: 'YOGA',
    displayName: 'Yoga',
    weight: 1,
    minutes: [20, 60],
    speed: null,
    stepsPerMinute: null,
    heartRate: [78, 98],
    climbPerKm: null,
    gps: false,
  },
  {
    type: 'HIKING',
    displayName: 'Hike',
    weight: 1,
    minutes: [70, 200],
    speed: [0.9, 1.35],
    stepsPerMinute: 96,
    heartRate: [104, 128],
    climbPerKm: 60,
    gps: true,
  },
];

const TOTAL_WEIGHT = KINDS.reduce((n, k) => n + k.weight, 0);
const LIST_UNBOUNDED_DAYS = 3650;

function pick(r: () => number): Kind {
  let x = r() * TOTAL_WEIGHT;
  for (const k of KINDS) {
    x -= k.weight;
    if (x < 0) return k;
  }
  return KINDS[KINDS.length - 1];
}

const between = (r: () => number, [lo, hi]: [number, number]) => lo + r() * (hi - lo);

const formats = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset at an instant in a zone, in seconds (as a protobuf Duration counts it). */
function offsetSeconds(ms: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const part = Object.fromEntries(
    format.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]),
  );
  const local = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 1000);
}

/** The instant a local clock reading ('YYYY-MM-DD', minute of the day) happens in a zone. */
function instantOf(date: string, minute: number, timeZone: string): number {
  const asUtc = toDayNumber(date) * 86_400_000 + minute * 60_000;
  const guess = asUtc - offsetSeconds(asUtc, timeZone) * 1000;
  return asUtc - offsetSeconds(guess, timeZone) * 1000;
}

function civil(ms: number, offsetS: number) {
  const t = new Date(ms + offsetS * 1000);
  return {
    date: { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() },
    time: { hours: t.getUTCHours(), minutes: t.getUTCMinutes(), seconds: t.getUTCSeconds() },
  };
}

/** Leaves out zero and absent fields, as proto3 JSON does. */
function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== null && v !== undefined && v !== 0 && v !== '0'),
  );
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

function hexId(r: () => number): string {
  let s = '';
  for (let i = 0; i < 4; i++)
    s += Math.floor(r() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return s;
}

/** A workout as generated, before any edit. */
function workout(user: SimUser, date: string, index: number, startMinute: number) {
  const r = rng(user.seed, user.email, date, 'exercise', String(index));
  const kind = pick(r);
  const minutes = Math.round(between(r, kind.minutes));
  const pausedS = kind.speed ? Math.round(r() * 0.08 * minutes * 60) : 0;
  const startMs = instantOf(date, startMinute, user.timeZone) + Math.floor(r() * 60) * 1000;
  const endMs = startMs + minutes * 60_000;
  const activeS = minutes * 60 - pausedS;
  const speed = kind.speed ? between(r, kind.speed) : null;
  const distanceMm = speed === null ? null : Math.round(speed * activeS * 1000);
  const hr = Math.round(between(r, kind.heartRate));
  const intensity = (hr - 70) / 100;
  const calories = round((activeS / 60) * (3 + 9 * intensity) * (0.9 + 0.2 * r()), 1);
  // Fat-burn minutes count once, cardio and peak twice; easy sessions may have none at all.
  const zoneMinutes = hr < 100 ? 0 : Math.round((activeS / 60) * Math.min(1.6, (hr - 95) / 40));
  const steps = kind.stepsPerMinute
    ? Math.round((activeS / 60) * kind.stepsPerMinute * (0.92 + 0.16 * r()))
    : null;
  const elevationMm =
    kind.climbPerKm !== null && distanceMm !== null
      ? Math.round((distanceMm / 1_000_000) * kind.climbPerKm * (0.5 + r()) * 1000)
      : null;
  const lengths =
    kind.poolLengthM && distanceMm !== null
      ? Math.floor(distanceMm / (kind.poolLengthM * 1000))
      : null;
  const summary = present({
    caloriesKcal: calories,
    distanceMillimeters:
      lengths !== null ? lengths * (kind.poolLengthM as number) * 1000 : distanceMm,
    steps: steps === null ? null : String(steps),
    averageHeartRateBeatsPerMinute: String(hr),
    activeZoneMinutes: String(zoneMinutes),
    averageSpeedMillimetersPerSecond: speed === null ? null : round(speed * 1000, 3),
    averagePaceSecondsPerMeter: speed === null ? null : round(1 / speed, 4),
    elevationGainMillimeters: elevationMm,
    runVo2Max: kind.type === 'RUNNING' ? round(40 + r() * 12, 1) : null,
    totalSwimLengths: lengths,
  });
  const id = hexId(r);
  const createMs = endMs + (3 + Math.floor(r() * 20)) * 60_000 + Math.floor(r() * 1000);
  return { kind, startMs, endMs, activeS, summary, id, createMs };
}

function nameOf(user: SimUser, w: { id: string }): string {
  return `users/${user.healthUserId}/dataTypes/exercise/dataPoints/${w.id}`;
}

function dataPoint(
  user: SimUser,
  w: ReturnType<typeof workout>,
  edit: ExerciseEdit | undefined,
): Record<string, unknown> {
  const startOff = offsetSeconds(w.startMs, user.timeZone);
  const endOff = offsetSeconds(w.endMs, user.timeZone);
  const updateMs = edit ? edit.atMs : w.createMs;
  return {
    name: nameOf(user, w),
    dataSource: {
      platform: 'FITBIT',
      device: { manufacturer: 'Google', displayName: 'Pixel Watch 3' },
    },
    exercise: {
      interval: {
        startTime: new Date(w.startMs).toISOString(),
        startUtcOffset: `${startOff}s`,
        endTime: new Date(w.endMs).toISOString(),
        endUtcOffset: `${endOff}s`,
        civilStartTime: civil(w.startMs, startOff),
        civilEndTime: civil(w.endMs, endOff),
      },
      exerciseType: w.kind.type,
      displayName: edit?.displayName ?? w.kind.displayName,
      activeDuration: `${w.activeS}s`,
      metricsSummary: present({ ...w.summary, ...(edit?.summary ?? {}) }),
      exerciseMetadata: present({
        hasGps: w.kind.gps || null,
        poolLengthMillimeters: w.kind.poolLengthM ? String(w.kind.poolLengthM * 1000) : null,
      }),
      createTime: new Date(w.createMs).toISOString(),
      updateTime: new Date(updateMs).toISOString(),
    },
  };
}

/** How many workouts a day holds and when they start (local minute of the day). */
function startsOn(user: SimUser, date: string): number[] {
  const r = rng(user.seed, user.email, date, 'exercise-day');
  const x = r();
  const count = x < 0.45 ? 0 : x < 0.87 ? 1 : 2;
  const morning = 6 * 60 + Math.floor(r() * 150);
  const evening = 17 * 60 + Math.floor(r() * 150);
  if (count === 0) return [];
  if (count === 2) return [morning, evening];
  return [r() < 0.5 ? morning : evening];
}

type Workout = ReturnType<typeof workout>;

/**
 * Generated days before yesterday never change (only `now` decides whether a workout is listed
 * yet), so they are kept: a 3-year list is read page after page, each page generating it again.
 */
const settledDays = new Map<string, Workout[]>();
const SETTLED_DAYS_KEPT = 50_000;

function workoutsOn(user: SimUser, date: string, now: number): Workout[] {
  const key = [user.seed, user.email, user.timeZone, user.healthUserId, date].join('|');
  const kept = settledDays.get(key);
  if (kept) return kept;
  const list =
    activityFor(user, date, now).activity === null
      ? []
      : startsOn(user, date).map((minute, i) => workout(user, date, i, minute));
  const today = new Date(now + offsetSeconds(now, user.timeZone) * 1000).toISOString().slice(0, 10);
  if (toDayNumber(date) < toDayNumber(today) - 1) {
    if (settledDays.size >= SETTLED_DAYS_KEPT) settledDays.clear();
    settledDays.set(key, list);
  }
  return list;
}

export function exercisesOn(
  user: SimUser,
  date: string,
  now: number,
  edits: ReadonlyMap<string, ExerciseEdit>,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const w of workoutsOn(user, date, now)) {
    if (w.createMs > now) continue; // not over (or not uploaded) yet
    const edit = edits.get(nameOf(user, w));
    out.push(dataPoint(user, w, edit && edit.atMs <= now ? edit : undefined));
  }
  return out;
}

/** 'YYYY-MM-DDTHH:mm:ss' of a point's local start (its civilStartTime). */
export function localStartOf(point: Record<string, unknown>): string {
  const c = (point.exercise as { interval: { civilStartTime: ReturnType<typeof civil> } }).interval
    .civilStartTime;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${c.date.year}-${p(c.date.month)}-${p(c.date.day)}T${p(c.time.hours)}:${p(c.time.minutes)}:${p(c.time.seconds)}`;
}

export function exercisesBetween(
  user: SimUser,
  from: string | null,
  until: string | null,
  now: number,
  edits: ReadonlyMap<string, ExerciseEdit>,
): Record<string, unknown>[] {
  const today = localNow(now, user.timeZone).date;
  const first = from ? from.slice(0, 10) : addDays(today, -LIST_UNBOUNDED_DAYS);
  const last = until ? until.slice(0, 10) : today;
  const points: Record<string, unknown>[] = [];
  for (let d = toDayNumber(last); d >= toDayNumber(first); d--) {
    const day = exercisesOn(user, fromDayNumber(d), now, edits).filter((p) => {
      const start = localStartOf(p);
      return (from === null || start >= from) && (until === null || start < until);
    });
    points.push(...day.reverse());
  }
  return points;
}
