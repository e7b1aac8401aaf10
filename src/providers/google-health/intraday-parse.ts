// Reads a per-minute `dataPoints:rollUp` answer (heart rate or steps) into Intraday sheet records,
// one per minute, keyed by the minute's local clock time in the spreadsheet's zone.
/**
 * API: `parseMinuteRollup(request, response)` -> ParseResult with `records` and no day values.
 * Wire facts (discovery doc, RollupDataPoint): each point has `startTime` and `endTime` (RFC 3339)
 * and the data type's member: `heartRate` {beatsPerMinuteAvg, beatsPerMinuteMin,
 * beatsPerMinuteMax} (doubles) or `steps` {countSum} (int64 as a string). proto3 JSON leaves zero
 * fields out, so `{"steps": {}}` is a minute of 0 steps; minutes without data are absent.
 * The first page of an answer also gives every minute of the request's range that it does not
 * carry, with this type's cells empty: so each minute of the range gets its row, and a later page
 * (which always comes after, in the same execution) fills the minutes it carries. The cells of the
 * other type are never named, so heart rate and steps fill one row from two requests.
 */
import type { ParseResult } from '../../core/day-values';
import { isRecord, jsonObjectBody } from '../../core/json-body';
import type { PlannedRequest } from '../../core/planned-request';
import type { HttpResponse } from '../../core/ports';
import type { RecordCell, SheetRecord } from '../../core/records';
import { minuteKey, type ZoneOffsets } from '../../core/zone-offsets';
import { nextPageRequest } from './data-plan';
import {
  HR_AVG,
  HR_MAX,
  HR_MIN,
  INTRADAY_KEY_HEADER,
  STEPS,
  isIntradayType,
} from './intraday-plan';

class Malformed extends Error {}

const MINUTE_MS = 60_000;

function instant(value: unknown, what: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new Malformed(`${what} is not an RFC 3339 timestamp`);
  return ms;
}

function double(value: unknown, what: string): number {
  if (value === undefined) return 0;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new Malformed(`${what} is not a number`);
}

function int64(value: unknown, what: string): number {
  if (value === undefined) return 0;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new Malformed(`${what} is not an int64`);
}

function requestSpan(request: PlannedRequest): [number, number] {
  const body = JSON.parse(request.body ?? '{}') as {
    range?: { startTime?: string; endTime?: string };
  };
  return [
    instant(body.range?.startTime, 'the request range start'),
    instant(body.range?.endTime, 'the request range end'),
  ];
}

function typeOf(request: PlannedRequest): 'heart-rate' | 'steps' {
  const m = /\/dataTypes\/([^/]+)\/dataPoints:rollUp$/.exec(request.url);
  if (!m || !isIntradayType(m[1])) throw new Malformed('not a heart-rate or steps roll-up');
  return m[1];
}

function cellsOf(type: 'heart-rate' | 'steps', point: Record<string, unknown> | null) {
  const cells: Record<string, RecordCell> = {};
  if (type === 'heart-rate') {
    const member = point?.heartRate;
    if (point && !isRecord(member)) throw new Malformed('a point has no heartRate');
    const hr = isRecord(member) ? member : null;
    cells[HR_AVG] = hr ? double(hr.beatsPerMinuteAvg, 'heartRate.beatsPerMinuteAvg') : null;
    cells[HR_MIN] = hr ? double(hr.beatsPerMinuteMin, 'heartRate.beatsPerMinuteMin') : null;
    cells[HR_MAX] = hr ? double(hr.beatsPerMinuteMax, 'heartRate.beatsPerMinuteMax') : null;
  } else {
    const member = point?.steps;
    if (point && !isRecord(member)) throw new Malformed('a point has no steps');
    const steps = isRecord(member) ? member : null;
    cells[STEPS] = steps ? int64(steps.countSum, 'steps.countSum') : null;
  }
  return cells;
}

function record(zone: ZoneOffsets, ms: number, cells: Record<string, RecordCell>): SheetRecord {
  const key = minuteKey(zone, ms);
  return { sheet: 'intraday', key, version: null, cells: { [INTRADAY_KEY_HEADER]: key, ...cells } };
}

export function parseMinuteRollup(request: PlannedRequest, response: HttpResponse): ParseResult {
  try {
    const zone = request.zone;
    if (!zone) throw new Malformed('the request carries no time zone');
    const type = typeOf(request);
    const [startMs, endMs] = requestSpan(request);
    const parsed = jsonObjectBody(response);
    if (!parsed.ok) throw new Malformed(parsed.reason);
    const body = parsed.body;
    const points = body.rollupDataPoints ?? [];
    if (!Array.isArray(points)) throw new Malformed('rollupDataPoints is not a list');
    const byMinute = new Map<number, Record<string, RecordCell>>();
    for (const point of points) {
      if (!isRecord(point)) throw new Malformed('a data point is not an object');
      const ms = instant(point.startTime, 'startTime');
      if (ms < startMs || ms >= endMs || (ms - startMs) % MINUTE_MS !== 0)
        throw new Malformed(
          `a point starts at ${String(point.startTime)}, not a minute of the range`,
        );
      if (instant(point.endTime, 'endTime') - ms > MINUTE_MS)
        throw new Malformed('a point spans more than one minute');
      if (byMinute.has(ms)) throw new Malformed(`two points for ${String(point.startTime)}`);
      byMinute.set(ms, cellsOf(type, point));
    }
    const token = body.nextPageToken;
    if (token !== undefined && typeof token !== 'string')
      throw new Malformed('nextPageToken is not a string');
    const records: SheetRecord[] = [];
    if ((request.page ?? 1) === 1) {
      for (let ms = startMs; ms < endMs; ms += MINUTE_MS)
        records.push(record(zone, ms, byMinute.get(ms) ?? cellsOf(type, null)));
    } else {
      for (const ms of [...byMinute.keys()].sort((a, b) => a - b))
        records.push(record(zone, ms, byMinute.get(ms)!));
    }
    const next = token ? nextPageRequest(request, token) : null;
    return { kind: 'ok', requestId: request.id, values: {}, next, records };
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    return { kind: 'malformed', requestId: request.id, message: `${request.id}: ${error.message}` };
  }
}
