// Reads the `exercise` data points of a Google Health `list` answer into rows of the Exercises
// sheet, one per workout, keyed by the data point's name and versioned by its updateTime.
/**
 * API: `exerciseRecords(points, units)` -> SheetRecord[]; throws `ExerciseShapeError` naming what
 * is off the discovery document's shape.
 * Wire facts (discovery doc, Exercise and MetricsSummary): `interval` {startTime, endTime,
 * startUtcOffset, endUtcOffset} (offsets as protobuf Durations like "-28800s"); `activeDuration`
 * a Duration ("2712s"); int64 fields (steps, averageHeartRateBeatsPerMinute, activeZoneMinutes)
 * are JSON strings; distances and elevations are millimetres, speed millimetres per second,
 * calories kcal, all doubles. Every MetricsSummary field is Optional: an absent one leaves its
 * cell empty (a walk has steps, a swim lengths, weights neither), a present zero is 0.
 * Start and end are the clock readings at the workout's own offsets, so a trip keeps local times.
 */
import { localClockText, type RecordCell, type SheetRecord } from '../../core/records';
import { fromBaseUnit, roundTo, type UnitSystem } from '../../core/units';
import { isRecord } from '../../core/json-body';
import { exerciseHeaders } from '../record-sheets';

export class ExerciseShapeError extends Error {}

const MM_PER_S_TO_KMH = 3.6 / 1000;
const MM_PER_S_TO_MPH = 3600 / 1_609_344;

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw new ExerciseShapeError(`${what} is missing`);
  return value;
}

/** An Optional number: absent is null; int64 arrives as a string. */
function optionalNumber(value: unknown, what: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  throw new ExerciseShapeError(`${what} is not a number`);
}

function durationSeconds(value: unknown, what: string): number | null {
  if (value === undefined) return null;
  const m = typeof value === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(value) : null;
  if (!m) throw new ExerciseShapeError(`${what} is not a duration like "2712s"`);
  return Number(m[1]);
}

function rounded(value: number | null, decimals: number): RecordCell {
  return value === null ? null : roundTo(value, decimals);
}

function exerciseRecord(point: Record<string, unknown>, units: UnitSystem): SheetRecord {
  const name = text(point.name, 'a data point name');
  const exercise = point.exercise;
  if (!isRecord(exercise)) throw new ExerciseShapeError(`${name} has no exercise`);
  const interval = exercise.interval;
  if (!isRecord(interval)) throw new ExerciseShapeError(`${name} has no interval`);
  const startTime = text(interval.startTime, `${name} interval.startTime`);
  const endTime = text(interval.endTime, `${name} interval.endTime`);
  const start = localClockText(startTime, text(interval.startUtcOffset, `${name} startUtcOffset`));
  const end = localClockText(endTime, text(interval.endUtcOffset, `${name} endUtcOffset`));
  if (start === null || end === null)
    throw new ExerciseShapeError(`${name} interval is not RFC 3339 times with UTC offsets`);
  const summary = exercise.metricsSummary ?? {};
  if (!isRecord(summary)) throw new ExerciseShapeError(`${name} metricsSummary is not an object`);
  const n = (field: string) => optionalNumber(summary[field], `${name} metricsSummary.${field}`);
  const distance = n('distanceMillimeters');
  const elevation = n('elevationGainMillimeters');
  const speed = n('averageSpeedMillimetersPerSecond');
  const active = durationSeconds(exercise.activeDuration, `${name} activeDuration`);
  const type =
    typeof exercise.displayName === 'string' && exercise.displayName !== ''
      ? exercise.displayName
      : text(exercise.exerciseType, `${name} exerciseType`);
  const version =
    typeof exercise.updateTime === 'string'
      ? exercise.updateTime
      : typeof exercise.createTime === 'string'
        ? exercise.createTime
        : null;
  const h = exerciseHeaders(units);
  const cells: Record<string, RecordCell> = {
    [h.start]: start,
    [h.type]: type,
    [h.duration]: rounded((Date.parse(endTime) - Date.parse(startTime)) / 60_000, 1),
    [h.activeDuration]: rounded(active === null ? null : active / 60, 1),
    [h.distance]: rounded(distance === null ? null : fromBaseUnit('distance', distance, units), 2),
    [h.calories]: rounded(n('caloriesKcal'), 0),
    [h.averageHeartRate]: rounded(n('averageHeartRateBeatsPerMinute'), 0),
    [h.steps]: n('steps'),
    [h.activeZoneMinutes]: n('activeZoneMinutes'),
    [h.elevationGain]: rounded(
      elevation === null ? null : fromBaseUnit('elevation', elevation, units),
      1,
    ),
    [h.averageSpeed]: rounded(
      speed === null ? null : speed * (units === 'us' ? MM_PER_S_TO_MPH : MM_PER_S_TO_KMH),
      2,
    ),
    [h.swimLengths]: n('totalSwimLengths'),
    [h.runVo2Max]: rounded(n('runVo2Max'), 1),
    [h.end]: end,
    [h.updated]: version,
  };
  return { sheet: 'exercises', key: name, version, cells };
}

export function exerciseRecords(points: readonly unknown[], units: UnitSystem): SheetRecord[] {
  return points.map((point) => {
    if (!isRecord(point)) throw new ExerciseShapeError('a data point is not an object');
    return exerciseRecord(point, units);
  });
}
