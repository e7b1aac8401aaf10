// Reads one Google Health `sleep` DataPoint into the facts the sleep columns and the Sleep sheet
// need: local start and end clock readings, wake date, main sleep or nap, minutes per stage.
/**
 * API: `readSleepSession(point)` -> `SleepSession`, or throws `SleepShapeError` naming what is off.
 * Wire facts it relies on (discovery doc; health-data.md for what the live API does):
 * - `interval.startTime` / `endTime` are RFC 3339 instants, `startUtcOffset` / `endUtcOffset`
 *   durations like "-28800s" (also read: "+09:00"). Live answers carry no civilStartTime /
 *   civilEndTime, so local times are the instants read at their own offsets; the wake date is the
 *   local date of the end, so a night that starts before midnight belongs to the day it ends, and
 *   a trip keeps the clock of where the person was.
 * - summary fields are int64 strings, left out when zero; `stagesSummary` may repeat a stage type
 *   (seen from reconcile): the first entry of each type counts, repeats are ignored.
 * - metadata booleans are left out when false: a session without `nap` is not a nap.
 * - type STAGES has LIGHT / DEEP / REM; any other type (CLASSIC: ASLEEP / RESTLESS) has no stage
 *   split, so its deep, light and REM minutes are unknown (null), not zero.
 */
import type { CivilDate } from '../../core/dates';
import { isRecord } from '../../core/json-body';

export class SleepShapeError extends Error {}

export interface LocalClock {
  date: CivilDate;
  /** Minutes since local midnight (seconds dropped). */
  minute: number;
  /** 'yyyy-MM-dd HH:mm' */
  text: string;
}

export type StageType = 'AWAKE' | 'LIGHT' | 'DEEP' | 'REM' | 'ASLEEP' | 'RESTLESS';
const STAGE_TYPES: readonly StageType[] = ['AWAKE', 'LIGHT', 'DEEP', 'REM', 'ASLEEP', 'RESTLESS'];

export interface SleepSession {
  /** The data point's name: the Sleep sheet's key. */
  name: string;
  start: LocalClock;
  end: LocalClock;
  /** The local date the session ended on. */
  wakeDate: CivilDate;
  nap: boolean;
  /** metadata.mainSleep as the API says it. */
  mainSleep: boolean;
  /** type STAGES: deep, light and REM are known. */
  staged: boolean;
  inBedMinutes: number;
  asleepMinutes: number;
  awakeMinutes: number;
  toFallAsleepMinutes: number;
  /** Minutes per stage type from stagesSummary (first entry of each type). */
  stageMinutes: Partial<Record<StageType, number>>;
  updateTime: string | null;
}

/** Minutes east of UTC from "-28800s" (protobuf Duration) or "+09:00"; null otherwise. */
export function offsetMinutes(offset: unknown): number | null {
  if (typeof offset !== 'string') return null;
  const duration = /^(-?\d+(?:\.\d+)?)s$/.exec(offset);
  if (duration) return Math.round(Number(duration[1]) / 60);
  const hm = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (hm) return (hm[1] === '-' ? -1 : 1) * (Number(hm[2]) * 60 + Number(hm[3]));
  return offset === 'Z' ? 0 : null;
}

function instant(value: unknown, what: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new SleepShapeError(`${what} is not an RFC 3339 time`);
  return ms;
}

function localClock(ms: number, offset: unknown, what: string): LocalClock {
  const minutes = offsetMinutes(offset);
  if (minutes === null) throw new SleepShapeError(`${what} is not a UTC offset like "-28800s"`);
  const iso = new Date(ms + minutes * 60_000).toISOString();
  const minute = Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
  return { date: iso.slice(0, 10), minute, text: `${iso.slice(0, 10)} ${iso.slice(11, 16)}` };
}

/** int64 as a JSON string (a number tolerated); absent is proto3's 0. */
function int64(value: unknown, what: string): number {
  if (value === undefined) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  throw new SleepShapeError(`${what} is not an int64`);
}

function stageMinutesOf(summary: Record<string, unknown>): Partial<Record<StageType, number>> {
  const list = summary.stagesSummary ?? [];
  if (!Array.isArray(list)) throw new SleepShapeError('summary.stagesSummary is not a list');
  const out: Partial<Record<StageType, number>> = {};
  for (const entry of list) {
    if (!isRecord(entry)) throw new SleepShapeError('a stagesSummary entry is not an object');
    const type = entry.type as StageType;
    // Unknown types (SLEEP_STAGE_TYPE_UNSPECIFIED, a later addition) count for no column.
    if (!STAGE_TYPES.includes(type) || out[type] !== undefined) continue;
    out[type] = int64(entry.minutes, `stagesSummary ${type}.minutes`);
  }
  return out;
}

export function readSleepSession(point: unknown): SleepSession {
  if (!isRecord(point)) throw new SleepShapeError('a data point is not an object');
  const name = point.name;
  if (typeof name !== 'string' || name === '')
    throw new SleepShapeError('a data point has no name');
  const sleep = point.sleep;
  if (!isRecord(sleep)) throw new SleepShapeError(`${name} has no sleep`);
  const interval = sleep.interval;
  if (!isRecord(interval)) throw new SleepShapeError(`${name} has no interval`);
  const startMs = instant(interval.startTime, `${name} interval.startTime`);
  const endMs = instant(interval.endTime, `${name} interval.endTime`);
  if (endMs < startMs) throw new SleepShapeError(`${name} ends before it starts`);
  const start = localClock(startMs, interval.startUtcOffset, `${name} interval.startUtcOffset`);
  const end = localClock(endMs, interval.endUtcOffset, `${name} interval.endUtcOffset`);
  const summary = sleep.summary ?? {};
  if (!isRecord(summary)) throw new SleepShapeError(`${name} summary is not an object`);
  const metadata = sleep.metadata ?? {};
  if (!isRecord(metadata)) throw new SleepShapeError(`${name} metadata is not an object`);
  const updateTime = sleep.updateTime;
  return {
    name,
    start,
    end,
    wakeDate: end.date,
    nap: metadata.nap === true,
    mainSleep: metadata.mainSleep === true,
    staged: sleep.type === 'STAGES',
    inBedMinutes: Math.round((endMs - startMs) / 60_000),
    asleepMinutes: int64(summary.minutesAsleep, `${name} summary.minutesAsleep`),
    awakeMinutes: int64(summary.minutesAwake, `${name} summary.minutesAwake`),
    toFallAsleepMinutes: int64(summary.minutesToFallAsleep, `${name} summary.minutesToFallAsleep`),
    stageMinutes: stageMinutesOf(summary),
    updateTime: typeof updateTime === 'string' ? updateTime : null,
  };
}
