// Turns sleep sessions into the daily sleep columns: per local wake day, the main sleep's figures
// and the naps' count and minutes, gathered across the pages of one `list`.
/**
 * API:
 * - `SleepDays`: local date -> what that day's sessions add up to so far (plain JSON: it rides
 *   from one page request to the next in `PlannedRequest.state`).
 * - `addSessions(days, sessions, range)`: adds sessions whose wake date is in the range (the
 *   filter is wider than the range by the largest UTC offsets; the rest are other days' nights).
 * - `sleepDayValues(days, metricIds, units)`: DayValues of the sleep metrics asked for.
 * Which session is a day's main sleep: not a nap (metadata.nap wins over metadata.mainSleep: a
 * nap stays a nap even on a day without a night), preferring the one the API marks mainSleep,
 * then the longest in bed. A day with only naps has nap figures and empty night columns; a night
 * without naps has 0 naps (the device was worn: a true zero). Days without any session are absent.
 */
import { compareDates, type CivilDate, type DateRange } from '../../core/dates';
import type { DayValues } from '../../core/day-values';
import { fromBaseUnit, roundTo, type UnitSystem } from '../../core/units';
import { metric, type MetricId, type SleepMeasure } from '../metrics';
import type { SleepSession } from './sleep-sessions';

export interface MainSleep {
  mainSleep: boolean;
  inBed: number;
  asleep: number;
  awake: number;
  toFallAsleep: number;
  /** null on a night without stages (CLASSIC): unknown, not zero. */
  deep: number | null;
  light: number | null;
  rem: number | null;
  bedMinute: number;
  wakeMinute: number;
}

export interface SleepDay {
  main: MainSleep | null;
  naps: number;
  napMinutes: number;
}

export type SleepDays = Record<CivilDate, SleepDay>;

const MINUTES_PER_DAY = 1440;

function mainOf(s: SleepSession): MainSleep {
  const stage = (type: 'DEEP' | 'LIGHT' | 'REM') => (s.staged ? (s.stageMinutes[type] ?? 0) : null);
  return {
    mainSleep: s.mainSleep,
    inBed: s.inBedMinutes,
    asleep: s.asleepMinutes,
    awake: s.awakeMinutes,
    toFallAsleep: s.toFallAsleepMinutes,
    deep: stage('DEEP'),
    light: stage('LIGHT'),
    rem: stage('REM'),
    bedMinute: s.start.minute,
    wakeMinute: s.end.minute,
  };
}

function better(a: MainSleep, b: MainSleep | null): boolean {
  if (b === null) return true;
  if (a.mainSleep !== b.mainSleep) return a.mainSleep;
  return a.inBed > b.inBed;
}

export function addSessions(
  days: SleepDays,
  sessions: readonly SleepSession[],
  range: DateRange,
): SleepDays {
  for (const s of sessions) {
    if (compareDates(s.wakeDate, range.start) < 0 || compareDates(s.wakeDate, range.end) > 0)
      continue;
    const day = (days[s.wakeDate] ??= { main: null, naps: 0, napMinutes: 0 });
    if (s.nap) {
      day.naps += 1;
      day.napMinutes += s.asleepMinutes;
      continue;
    }
    const candidate = mainOf(s);
    if (better(candidate, day.main)) day.main = candidate;
  }
  return days;
}

function measureOf(day: SleepDay, measure: SleepMeasure): number | null {
  if (measure === 'nap-count') return day.naps;
  if (measure === 'nap-minutes') return day.napMinutes;
  const m = day.main;
  if (m === null) return null;
  switch (measure) {
    case 'asleep':
      return m.asleep;
    case 'in-bed':
      return m.inBed;
    case 'deep':
      return m.deep;
    case 'light':
      return m.light;
    case 'rem':
      return m.rem;
    case 'awake':
      return m.awake;
    case 'efficiency':
      return m.inBed > 0 ? (100 * m.asleep) / m.inBed : null;
    case 'bedtime':
      return m.bedMinute / MINUTES_PER_DAY;
    case 'wake-time':
      return m.wakeMinute / MINUTES_PER_DAY;
    case 'to-fall-asleep':
      return m.toFallAsleep;
  }
}

export function sleepDayValues(
  days: SleepDays,
  metricIds: readonly MetricId[],
  units: UnitSystem,
): DayValues {
  const values: DayValues = {};
  for (const [date, day] of Object.entries(days)) {
    const row: Record<string, number> = {};
    for (const id of metricIds) {
      const def = metric(id);
      const value = def.google?.value;
      if (value?.kind !== 'sleep') continue;
      const base = measureOf(day, value.measure);
      if (base === null) continue;
      row[id] = roundTo(fromBaseUnit(def.quantity, base, units), def.decimals);
    }
    values[date] = row;
  }
  return values;
}
