// Turns sleep sessions into rows of the Sleep sheet: one per session, naps included, keyed by the
// data point's name and versioned by its updateTime.
/**
 * API: `sleepRecords(sessions, range)` -> SheetRecord[] for the sessions whose local wake date is
 * in the range (the end-time filter reaches a little past it on both sides; those sessions belong
 * to the neighbouring days and come with the syncs of those days).
 * Cells: start and end as local clock readings 'yyyy-MM-dd HH:mm' at the session's own offsets
 * (a trip keeps its local times); the kind (main sleep, nap, or sleep for a session the API marks
 * neither); minutes asleep, in bed (end minus start), per stage and to fall asleep; efficiency
 * (asleep / in bed, %). Deep, light and REM are empty on a session without stages (CLASSIC) and
 * restless is empty on one with stages: each kind of session measures only its own stages.
 */
import { compareDates, type DateRange } from '../../core/dates';
import type { RecordCell, SheetRecord } from '../../core/records';
import { roundTo } from '../../core/units';
import { sleepHeaders } from '../record-sheets';
import type { SleepSession } from './sleep-sessions';

function kindOf(s: SleepSession): string {
  if (s.nap) return 'Nap';
  return s.mainSleep ? 'Main sleep' : 'Sleep';
}

export function sleepRecord(s: SleepSession): SheetRecord {
  const h = sleepHeaders();
  const staged = (minutes: number | undefined): RecordCell => (s.staged ? (minutes ?? 0) : null);
  const cells: Record<string, RecordCell> = {
    [h.start]: s.start.text,
    [h.end]: s.end.text,
    [h.kind]: kindOf(s),
    [h.asleep]: s.asleepMinutes,
    [h.inBed]: s.inBedMinutes,
    [h.deep]: staged(s.stageMinutes.DEEP),
    [h.light]: staged(s.stageMinutes.LIGHT),
    [h.rem]: staged(s.stageMinutes.REM),
    [h.awake]: s.awakeMinutes,
    [h.restless]: s.staged ? null : (s.stageMinutes.RESTLESS ?? 0),
    [h.efficiency]:
      s.inBedMinutes > 0 ? roundTo((100 * s.asleepMinutes) / s.inBedMinutes, 0) : null,
    [h.toFallAsleep]: s.toFallAsleepMinutes,
    [h.updated]: s.updateTime,
  };
  return { sheet: 'sleep', key: s.name, version: s.updateTime, cells };
}

export function sleepRecords(sessions: readonly SleepSession[], range: DateRange): SheetRecord[] {
  return sessions
    .filter(
      (s) => compareDates(s.wakeDate, range.start) >= 0 && compareDates(s.wakeDate, range.end) <= 0,
    )
    .map(sleepRecord);
}
