// Plans the requests of an intraday fetch: per-minute `dataPoints:rollUp` for heart rate and
// steps over the local days picked, each data type in chunks of its documented maximum range, at
// the largest page size; follow-up pages are planned when their nextPageToken arrives.
/**
 * API:
 * - `INTRADAY_TYPES`: the data types (heart-rate, steps) with their range cap, scope and columns.
 * - `INTRADAY_KEY_HEADER`, `INTRADAY_HEADERS`: the Intraday sheet's columns in order.
 * - `IntradaySpec`: { types, zone } kept in the job's checkpoint.
 * - `intradaySpan(range, zone)`: [startMs, endMs) from the first local midnight to the one after
 *   the last day (23 or 25 hours on a day the clocks change).
 * - `planIntraday(range, spec, units)`: PlannedRequest[], chunks oldest first, the types of one
 *   span next to each other.
 * - `intradayRequestFloor(range, spec)`: how many requests the plan holds (before extra pages).
 * Body (RollUpDataPointsRequest): {"range":{"startTime":"2026-11-14T08:00:00Z","endTime":...},
 * "windowSize":"60s","pageSize":10000}. The caps are in physical time (14 x 24 h for heart-rate,
 * 90 x 24 h for steps), so a chunk may end inside a local day; the windows start at a local
 * midnight, so every window is one whole local minute.
 */
import { addDays, civilDateAt, type DateRange } from '../../core/dates';
import type { PlannedRequest } from '../../core/planned-request';
import type { UnitSystem } from '../../core/units';
import { localMidnight, offsetAt, type ZoneOffsets } from '../../core/zone-offsets';
import { GOOGLE_HEALTH_SCOPES } from '../metrics';
import { GOOGLE_HEALTH_API_BASE } from './data-plan';

export type IntradayType = 'heart-rate' | 'steps';

export const INTRADAY_KEY_HEADER = 'Time';
export const HR_AVG = 'Heart rate avg (bpm)';
export const HR_MIN = 'Heart rate min (bpm)';
export const HR_MAX = 'Heart rate max (bpm)';
export const STEPS = 'Steps';
export const INTRADAY_HEADERS = [INTRADAY_KEY_HEADER, HR_AVG, HR_MIN, HR_MAX, STEPS];

/** Largest page size of rollUp (RollUpDataPointsRequest.pageSize). */
export const ROLLUP_PAGE_SIZE = 10000;
const DAY_MS = 86_400_000;

export const INTRADAY_TYPES: Record<
  IntradayType,
  { capDays: number; scope: string; columns: string[]; label: string }
> = {
  // RollUpDataPointsRequest.range: 14 days for heart-rate, 90 for every other type.
  'heart-rate': {
    capDays: 14,
    scope: GOOGLE_HEALTH_SCOPES.measurements,
    columns: [HR_AVG, HR_MIN, HR_MAX],
    label: 'heart rate',
  },
  steps: { capDays: 90, scope: GOOGLE_HEALTH_SCOPES.activity, columns: [STEPS], label: 'steps' },
};

export const INTRADAY_TYPE_IDS: readonly IntradayType[] = ['heart-rate', 'steps'];

export function isIntradayType(value: unknown): value is IntradayType {
  return value === 'heart-rate' || value === 'steps';
}

export interface IntradaySpec {
  types: IntradayType[];
  zone: ZoneOffsets;
}

export function intradaySpan(range: DateRange, zone: ZoneOffsets): [number, number] {
  return [localMidnight(zone, range.start), localMidnight(zone, addDays(range.end, 1))];
}

function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function chunks(startMs: number, endMs: number, capDays: number): [number, number][] {
  const out: [number, number][] = [];
  for (let s = startMs; s < endMs; s += capDays * DAY_MS)
    out.push([s, Math.min(endMs, s + capDays * DAY_MS)]);
  return out;
}

export function planIntraday(
  range: DateRange,
  spec: IntradaySpec,
  units: UnitSystem,
): PlannedRequest[] {
  const [startMs, endMs] = intradaySpan(range, spec.zone);
  if (endMs <= startMs) return [];
  const local = (ms: number) => civilDateAt(ms, offsetAt(spec.zone, ms));
  const planned: { request: PlannedRequest; endMs: number }[] = [];
  for (const type of INTRADAY_TYPE_IDS) {
    if (!spec.types.includes(type)) continue;
    for (const [s, e] of chunks(startMs, endMs, INTRADAY_TYPES[type].capDays)) {
      const body = {
        range: { startTime: rfc3339(s), endTime: rfc3339(e) },
        windowSize: '60s',
        pageSize: ROLLUP_PAGE_SIZE,
      };
      planned.push({
        endMs: e,
        request: {
          id: `google ${type} rollUp ${body.range.startTime}..${body.range.endTime}`,
          method: 'post',
          url: `${GOOGLE_HEALTH_API_BASE}/v4/users/me/dataTypes/${type}/dataPoints:rollUp`,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          shape: 'google-minute-rollup',
          covers: { start: local(s), end: local(e - 60_000), metricIds: [] },
          records: ['intraday'],
          units,
          zone: spec.zone,
        },
      });
    }
  }
  // Oldest spans first (stable: heart rate before steps within one span).
  return planned
    .map((p, i) => ({ ...p, i }))
    .sort((a, b) => a.endMs - b.endMs || a.i - b.i)
    .map((p) => p.request);
}

export function intradayRequestFloor(range: DateRange, spec: IntradaySpec): number {
  const [startMs, endMs] = intradaySpan(range, spec.zone);
  return spec.types.reduce(
    (n, t) => n + Math.ceil((endMs - startMs) / (INTRADAY_TYPES[t].capDays * DAY_MS)),
    0,
  );
}
