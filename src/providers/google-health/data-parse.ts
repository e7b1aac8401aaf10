// Reads Google Health API v4 dailyRollUp and daily-summary `list` responses into day values in
// the chosen unit system (a sleep `list` goes to sleep-parse.ts), and `exercise` lists into
// Exercises sheet records.
/**
 * API: `parseGoogleHealthResponse(request, response)` -> ParseResult.
 * Wire facts it relies on (platform facts, discovery doc):
 * - `rollupDataPoints` come newest first; each names its day in `civilStartTime.date`
 *   {year, month, day}; order is irrelevant here because values are keyed by date.
 * - A `list` answer has `dataPoints`, each a DataPoint whose member for the data type (e.g.
 *   `dailyRestingHeartRate`) names its day in `date` {year, month, day}.
 * - A field the discovery doc marks Optional (HRV, the temperature baseline) may be absent on a
 *   day that has the summary: its cell stays empty rather than reading 0.
 * - Temperatures come in °C; a difference of temperatures converts without the 32° offset.
 * - Days without data are ABSENT (their cells stay empty); a present day with a zero is 0.
 * - int64 values (countSum, millimetersSum, activeMinutesSum) are JSON strings; kcal and grams
 *   are JSON numbers; durations are strings like "41220s".
 * - proto3 JSON omits zero-valued fields and empty lists, so `{}` is a valid empty answer and a
 *   present member without its field means 0.
 * - A `nextPageToken` means more points follow: the result's `next` is the follow-up request.
 * Base units (mm, kcal, g, s) are converted to the request's unit system and rounded to the
 * catalog's decimals. Anything off-shape is 'malformed' and yields no data at all.
 */
import type { HttpResponse } from '../../core/ports';
import type { PlannedRequest } from '../../core/planned-request';
import type { DayValues, ParseResult } from '../../core/day-values';
import { compareDates, fromParts, type CivilDate } from '../../core/dates';
import { fromBaseUnit, roundTo } from '../../core/units';
import { isRecord, jsonObjectBody } from '../../core/json-body';
import { isMetricId, metric, type GoogleValue, type MetricId } from '../metrics';
import { nextPageRequest } from './data-plan';
import { parseSleepPage } from './sleep-parse';
import { BMI_WEIGHT_KEY, HeightShapeError, parseHeights } from './bmi';
import { ExerciseShapeError, exerciseRecords } from './exercise-parse';
import type { SheetRecord } from '../../core/records';

class Malformed extends Error {}

function civilDateOf(date: unknown, where: string): CivilDate {
  if (!isRecord(date)) throw new Malformed(`a data point has no ${where}`);
  const { year, month, day } = date;
  if (typeof year !== 'number' || typeof month !== 'number' || typeof day !== 'number') {
    throw new Malformed(`${where} is not {year, month, day} numbers`);
  }
  try {
    return fromParts({ year, month, day });
  } catch {
    throw new Malformed(`${where} ${year}-${month}-${day} is not a calendar date`);
  }
}

/** The day a roll-up point is for (its window's civil start). */
function rollupDayOf(point: Record<string, unknown>): CivilDate {
  const start = point.civilStartTime;
  return civilDateOf(isRecord(start) ? start.date : undefined, 'civilStartTime.date');
}

/** int64 as a JSON string (also tolerated as a number); missing means proto3's default 0. */
function int64(value: unknown, what: string): number {
  if (value === undefined) return 0;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  throw new Malformed(`${what} is not an int64`);
}

function double(value: unknown, what: string): number {
  if (value === undefined) return 0;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  throw new Malformed(`${what} is not a number`);
}

function durationSeconds(value: unknown, what: string): number {
  if (value === undefined) return 0;
  const m = typeof value === 'string' ? /^(-?\d+(?:\.\d+)?)s$/.exec(value) : null;
  if (!m) throw new Malformed(`${what} is not a duration like "41220s"`);
  return Number(m[1]);
}

/** A field by dotted path ('energy.kcalSum'); an absent message on the way is an absent field. */
function fieldAt(member: Record<string, unknown>, path: string, name: string): unknown {
  let value: unknown = member;
  for (const part of path.split('.')) {
    if (value === undefined) return undefined;
    if (!isRecord(value)) throw new Malformed(`${name}.${path} is not inside an object`);
    value = value[part];
  }
  return value;
}

/** 'VERY_GOOD' -> 'Very good'; an UNSPECIFIED value says nothing and leaves the cell empty. */
function enumWords(value: unknown, what: string): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(value))
    throw new Malformed(`${what} is not an enum value`);
  if (value.endsWith('_UNSPECIFIED')) return null;
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The minutes of one zone of a timeInHeartRateZone roll-up (a zone not listed: 0). */
function zoneMinutes(member: Record<string, unknown>, zone: string, name: string): number {
  const list = member.timeInHeartRateZones ?? [];
  if (!Array.isArray(list)) throw new Malformed(`${name}.timeInHeartRateZones is not a list`);
  const entry = list.find((e) => isRecord(e) && e.heartRateZone === zone);
  if (entry === undefined) return 0;
  return durationSeconds((entry as Record<string, unknown>).duration, `${name} ${zone}`) / 60;
}

/** The metric's base-unit value (or words), or null when an Optional field says "not measured". */
function readValue(
  member: Record<string, unknown>,
  spec: GoogleValue,
  name: string,
): number | string | null {
  switch (spec.kind) {
    case 'int64': {
      const value = fieldAt(member, spec.field, name);
      if (spec.optional && value === undefined) return null;
      return int64(value, `${name}.${spec.field}`);
    }
    case 'double': {
      const value = fieldAt(member, spec.field, name);
      if (spec.optional && value === undefined) return null;
      return double(value, `${name}.${spec.field}`);
    }
    case 'zone-minutes':
      return zoneMinutes(member, spec.zone, name);
    case 'enum-text':
      return enumWords(member[spec.field], `${name}.${spec.field}`);
    case 'int64-sum':
      return spec.fields.reduce((sum, f) => sum + int64(member[f], `${name}.${f}`), 0);
    case 'double-difference':
      if (member[spec.minus] === undefined) return null;
      return (
        double(member[spec.field], `${name}.${spec.field}`) -
        double(member[spec.minus], `${name}.${spec.minus}`)
      );
    case 'duration-minutes':
      return durationSeconds(member[spec.field], `${name}.${spec.field}`) / 60;
    case 'sleep':
      throw new Malformed(`${name} is read from sleep sessions, not a daily value`);
    case 'active-minutes': {
      const list = member.activeMinutesRollupByActivityLevel ?? [];
      if (!Array.isArray(list))
        throw new Malformed(`${name}.activeMinutesRollupByActivityLevel is not a list`);
      const entry = list.find((e) => isRecord(e) && e.activityLevel === spec.level);
      return entry === undefined
        ? 0
        : int64((entry as Record<string, unknown>).activeMinutesSum, `${name} ${spec.level}`);
    }
  }
}

function parsePoints(request: PlannedRequest, body: Record<string, unknown>): DayValues {
  const list = request.shape === 'google-daily-list';
  const listName = list ? 'dataPoints' : 'rollupDataPoints';
  const points = body[listName] ?? [];
  if (!Array.isArray(points)) throw new Malformed(`${listName} is not a list`);
  // The weight roll-up also carries BMI's weight ingredient (grams, unrounded).
  const bmiWeight = request.covers.metricIds.includes(BMI_WEIGHT_KEY);
  const ids: MetricId[] = request.covers.metricIds
    .filter((id) => id !== BMI_WEIGHT_KEY)
    .map((id) => {
      if (!isMetricId(id) || !metric(id).google)
        throw new Malformed(`metric ${id} has no Google source`);
      return id;
    });
  const values: DayValues = {};
  for (const point of points) {
    if (!isRecord(point)) throw new Malformed('a data point is not an object');
    let date: CivilDate;
    if (list) {
      // Every metric of one list request reads the same member (one data type per request).
      if (ids.length === 0) throw new Malformed('a list request covers no metric');
      const name = metric(ids[0]).google!.member;
      const member = point[name];
      if (!isRecord(member)) throw new Malformed(`a data point has no ${name}`);
      date = civilDateOf(member.date, `${name}.date`);
    } else date = rollupDayOf(point);
    if (
      compareDates(date, request.covers.start) < 0 ||
      compareDates(date, request.covers.end) > 0
    ) {
      throw new Malformed(`a data point is for ${date}, outside the requested range`);
    }
    if (values[date]) throw new Malformed(`two data points for ${date}`);
    const row: Record<string, number | string> = {};
    for (const id of ids) {
      const def = metric(id);
      const src = def.google!;
      const member = point[src.member];
      if (member === undefined) continue;
      if (!isRecord(member)) throw new Malformed(`${src.member} is not an object`);
      const base = readValue(member, src.value, src.member);
      if (base === null) continue;
      row[id] =
        typeof base === 'string'
          ? base
          : roundTo(
              fromBaseUnit(def.quantity, base, request.units, request.weightUnit),
              def.decimals,
            );
    }
    if (bmiWeight && isRecord(point.weight))
      row[BMI_WEIGHT_KEY] = double(point.weight.weightGramsAvg, 'weight.weightGramsAvg');
    values[date] = row;
  }
  return values;
}

function readExercises(points: unknown[], request: PlannedRequest): SheetRecord[] {
  try {
    return exerciseRecords(points, request.units);
  } catch (error) {
    if (error instanceof ExerciseShapeError) throw new Malformed(error.message);
    throw error;
  }
}

export function parseGoogleHealthResponse(
  request: PlannedRequest,
  response: HttpResponse,
): ParseResult {
  if (request.shape === 'google-sleep-list') return parseSleepPage(request, response);
  try {
    const exercises = request.shape === 'google-exercise-list';
    if (
      request.shape !== 'google-daily-rollup' &&
      request.shape !== 'google-daily-list' &&
      request.shape !== 'google-height-list' &&
      !exercises
    )
      throw new Malformed(`not a Google request shape: ${request.shape}`);
    const parsed = jsonObjectBody(response);
    if (!parsed.ok) throw new Malformed(parsed.reason);
    const body = parsed.body;
    let values: DayValues = {};
    let records: SheetRecord[] | undefined;
    if (exercises) {
      const points = body.dataPoints ?? [];
      if (!Array.isArray(points)) throw new Malformed('dataPoints is not a list');
      records = readExercises(points, request);
    } else if (request.shape === 'google-height-list') values = parseHeights(request, body);
    else values = parsePoints(request, body);
    const token = body.nextPageToken;
    if (token !== undefined && typeof token !== 'string')
      throw new Malformed('nextPageToken is not a string');
    const next = token ? nextPageRequest(request, token) : null;
    return { kind: 'ok', requestId: request.id, values, next, ...(records ? { records } : {}) };
  } catch (error) {
    if (error instanceof HeightShapeError)
      return {
        kind: 'malformed',
        requestId: request.id,
        message: `${request.id}: ${error.message}`,
      };
    if (!(error instanceof Malformed)) throw error;
    return { kind: 'malformed', requestId: request.id, message: `${request.id}: ${error.message}` };
  }
}
