// The Google Health API v4 `dataPoints:rollUp` route (physical-time windows, e.g. one a minute) for
// heart rate and steps: the request fields of RollUpDataPointsRequest, the range caps, pageSize and
// pageToken, and RollupDataPoint answers built from the per-minute synthetic data.
/**
 * API: `GOOGLE_INTRADAY_ROUTES`, `ROLLUP_TYPES` (the data types served, with their member and
 * cap), `rollUpPoints(user, type, startMs, endMs, windowMs, now)` (every point of a request, newest
 * first, as the route pages them: tests derive expected rows and request counts from it).
 * Wire facts (discovery doc): `range` is an Interval {startTime, endTime} of RFC 3339 instants,
 * closed-open; `windowSize` is a Duration ("60s", at least 1 s), the last window cut at the end of
 * the range; the maximum range is 14 days for heart-rate and 90 for steps; pageSize defaults to
 * 1440 and is truncated to 10000; a page token is valid only with the same other fields. Windows
 * without data are absent; a steps window with a count of 0 is `{"steps": {}}` (proto3 JSON leaves
 * the zero int64 out).
 */
import type { SimContext } from './context';
import { googleApiError } from './google-errors';
import { authorize, invalidArgument, userMatches } from './google-health-api';
import { GOOGLE_DATA_TYPES } from './google-rollups';
import { json } from './responses';
import type { Route } from './routes';
import { isGoogleHealthReadScope } from './scopes';
import { minuteSample, type MinuteSample } from './synthetic-intraday';
import type { SimRequest, SimResponse, SimUser } from './types';

const SERVICE = 'health.googleapis.com';
const METHOD = 'google.devicesandservices.health.v4.DataPointsService.RollUp';
const DEFAULT_PAGE_SIZE = 1440;
const MAX_PAGE_SIZE = 10000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

interface RollUpType {
  /** RollupDataPoint member. */
  member: 'heartRate' | 'steps';
  value(samples: MinuteSample[]): Record<string, unknown>;
}

export const ROLLUP_TYPES: Record<string, RollUpType> = {
  'heart-rate': {
    member: 'heartRate',
    value(samples) {
      const avg = samples.reduce((s, x) => s + x.heartRate.avg, 0) / samples.length;
      return {
        beatsPerMinuteAvg: Math.round(avg * 10) / 10,
        beatsPerMinuteMin: Math.min(...samples.map((x) => x.heartRate.min)),
        beatsPerMinuteMax: Math.max(...samples.map((x) => x.heartRate.max)),
      };
    },
  },
  steps: {
    member: 'steps',
    value(samples) {
      const sum = samples.reduce((s, x) => s + x.steps, 0);
      return sum === 0 ? {} : { countSum: String(sum) };
    },
  },
};

/** RFC 3339 with a zone ("Z" or ±hh:mm), optional fractional seconds; epoch ms or null. */
function instant(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(value))
    return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** A Duration as proto3 JSON writes it ("60s", "1.5s"), in ms. */
function durationMs(value: unknown): number | null {
  const m = typeof value === 'string' ? /^(\d+)(?:\.(\d{1,9}))?s$/.exec(value) : null;
  if (!m) return null;
  return Number(m[1]) * 1000 + Math.floor(Number(`0.${m[2] ?? '0'}`) * 1000);
}

function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Every point of a roll-up, newest window first. */
export function rollUpPoints(
  user: SimUser,
  type: string,
  startMs: number,
  endMs: number,
  windowMs: number,
  now: number,
): Record<string, unknown>[] {
  const spec = ROLLUP_TYPES[type];
  if (!spec) throw new Error(`no roll-up for ${type}`);
  const points: Record<string, unknown>[] = [];
  for (let w = startMs; w < endMs; w += windowMs) {
    const wEnd = Math.min(w + windowMs, endMs);
    const samples: MinuteSample[] = [];
    for (let m = Math.ceil(w / MINUTE_MS) * MINUTE_MS; m < wEnd; m += MINUTE_MS) {
      const s = minuteSample(user, m, now);
      if (s) samples.push(s);
    }
    if (samples.length === 0) continue; // no data is absent, not zero
    points.push({
      startTime: rfc3339(w),
      endTime: rfc3339(wEnd),
      [spec.member]: spec.value(samples),
    });
  }
  return points.reverse();
}

interface Cursor {
  offset: number;
  key: string;
}

function rollUp(ctx: SimContext, req: SimRequest, p: Record<string, string>): SimResponse {
  const spec = ROLLUP_TYPES[p.dataType];
  const daily = GOOGLE_DATA_TYPES[p.dataType];
  const user = authorize(ctx, req, METHOD, (s) =>
    spec && daily ? daily.scopes.includes(s) : isGoogleHealthReadScope(s),
  );
  if (!('email' in user)) return user;
  if (!userMatches(user, p.user))
    return googleApiError(403, 'PERMISSION_DENIED', 'The caller does not have permission');
  if (!spec || !daily)
    return invalidArgument(`Data type '${p.dataType}' does not support roll-up in this simulator.`);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(req.body || '{}') as Record<string, unknown>;
  } catch {
    return invalidArgument('Invalid JSON payload received.');
  }
  const range = body.range as { startTime?: unknown; endTime?: unknown } | undefined;
  const start = instant(range?.startTime);
  const end = instant(range?.endTime);
  if (start === null || end === null)
    return invalidArgument(
      'range.startTime and range.endTime must be RFC 3339 timestamps ("2026-11-22T08:00:00Z").',
    );
  if (end <= start) return invalidArgument('range.endTime must be after range.startTime.');
  if (end - start > daily.maxRangeDays * DAY_MS)
    return invalidArgument(
      `The maximum range for \`${p.dataType}\` is ${daily.maxRangeDays} days; the request spans ${((end - start) / DAY_MS).toFixed(2)} days.`,
    );
  const windowMs = durationMs(body.windowSize);
  if (windowMs === null || windowMs < 1000)
    return invalidArgument('windowSize is required: a duration of at least 1 second, like "60s".');
  const rawPageSize = body.pageSize === undefined ? DEFAULT_PAGE_SIZE : body.pageSize;
  if (typeof rawPageSize !== 'number' || !Number.isInteger(rawPageSize) || rawPageSize < 0)
    return invalidArgument('pageSize must be a non-negative integer.');
  // "values above that will be truncated accordingly"; 0 means the default.
  const pageSize = Math.min(rawPageSize || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const key = JSON.stringify([
    p.user,
    p.dataType,
    start,
    end,
    windowMs,
    body.dataSourceFamily ?? null,
  ]);
  let offset = 0;
  if (body.pageToken !== undefined && body.pageToken !== '') {
    try {
      const c = JSON.parse(
        Buffer.from(String(body.pageToken), 'base64url').toString('utf8'),
      ) as Cursor;
      if (c.key !== key || !Number.isInteger(c.offset) || c.offset < 0) throw new Error('mismatch');
      offset = c.offset;
    } catch {
      return invalidArgument(
        'Invalid page token: the request fields must match the request that returned it.',
      );
    }
  }
  const points = rollUpPoints(user, p.dataType, start, end, windowMs, ctx.clock.now());
  const page = points.slice(offset, offset + pageSize);
  const out: Record<string, unknown> = {};
  // proto3 JSON leaves an empty list out.
  if (page.length > 0) out.rollupDataPoints = page;
  if (offset + pageSize < points.length)
    out.nextPageToken = Buffer.from(
      JSON.stringify({ offset: offset + pageSize, key } satisfies Cursor),
    ).toString('base64url');
  return json(200, out);
}

export const GOOGLE_INTRADAY_ROUTES: Route[] = [
  {
    host: SERVICE,
    method: 'POST',
    template: '/v4/users/{user}/dataTypes/{dataType}/dataPoints:rollUp',
    kind: 'data',
    discoveryMethod: 'users.dataTypes.dataPoints.rollUp',
    handle: rollUp,
  },
];
