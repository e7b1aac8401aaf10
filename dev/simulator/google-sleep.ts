// The Google Health API's `list` of the `sleep` session data type: DataPoints in the discovery
// document's Sleep shape, the end-time filter, page size 25 at most, tokens and the empty last page.
/**
 * API:
 * - `GOOGLE_SLEEP_ROUTES`: GET /v4/users/{user}/dataTypes/sleep/dataPoints (served before the
 *   generic `list` route, which keeps the daily summaries).
 * - `sleepDataPoint(user, session)`: the DataPoint JSON of one simulated session.
 * Wire shape, as the live API answers (health-data.md): int64 summary fields as strings, zero
 * fields and false booleans left out, offsets as durations ("-28800s"), no civilStartTime /
 * civilEndTime in the interval, points ordered by start time, newest first.
 */
import type { SimContext } from './context';
import { googleApiError } from './google-errors';
import { authorize, invalidArgument, userMatches } from './google-health-api';
import { json } from './responses';
import type { Route } from './routes';
import { GOOGLE_HEALTH_SLEEP } from './scopes';
import { parseSleepFilter } from './sleep-filter';
import {
  offsetSecondsAt,
  sleepsEndingBetween,
  type SimSleep,
  type StageType,
} from './synthetic-sleep';
import type { SimRequest, SimResponse, SimUser } from './types';

const LIST_METHOD = 'google.devicesandservices.health.v4.DataPointsService.ListDataPoints';
/** "For `exercise` and `sleep` the default page size is 25. The maximum page size ... is 25." */
export const SLEEP_PAGE_SIZE = 25;
const UNBOUNDED_DAYS = 3650;
const DAY = 86_400_000;
const MINUTE = 60_000;

const timestamp = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const duration = (seconds: number) => `${seconds}s`;
const minutesOf = (ms: number) => Math.round(ms / MINUTE);

/** The clock reading at the session's end in its own offset (what civil_end_time compares). */
export function civilEndOf(s: SimSleep): string {
  return new Date(s.end + offsetSecondsAt(s.end, s.zone) * 1000).toISOString().slice(0, 19);
}

function int64(n: number): string | undefined {
  return n === 0 ? undefined : String(n);
}

/** Fields with undefined values are dropped, as proto3 JSON drops zero fields. */
function present<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function summaryOf(s: SimSleep): Record<string, unknown> {
  const minutes = (type: StageType) =>
    s.stages.filter((x) => x.type === type).reduce((n, x) => n + minutesOf(x.end - x.start), 0);
  const asleepTypes: StageType[] = s.type === 'STAGES' ? ['LIGHT', 'DEEP', 'REM'] : ['ASLEEP'];
  const order: StageType[] =
    s.type === 'STAGES' ? ['AWAKE', 'LIGHT', 'DEEP', 'REM'] : ['AWAKE', 'ASLEEP', 'RESTLESS'];
  const first = s.stages[0];
  const last = s.stages[s.stages.length - 1];
  return present({
    minutesAsleep: int64(asleepTypes.reduce((n, t) => n + minutes(t), 0)),
    minutesAwake: int64(minutes('AWAKE')),
    minutesInSleepPeriod: int64(s.stages.reduce((n, x) => n + minutesOf(x.end - x.start), 0)),
    minutesToFallAsleep: int64(first.type === 'AWAKE' ? minutesOf(first.end - first.start) : 0),
    minutesAfterWakeUp: int64(
      s.stages.length > 1 && last.type === 'AWAKE' ? minutesOf(last.end - last.start) : 0,
    ),
    stagesSummary: order
      .map((type) => ({
        type,
        minutes: int64(minutes(type)),
        count: int64(s.stages.filter((x) => x.type === type).length),
      }))
      .filter((e) => e.count !== undefined)
      .map((e) => present(e)),
  });
}

export function sleepDataPoint(user: SimUser, s: SimSleep): Record<string, unknown> {
  const offset = (ms: number) => duration(offsetSecondsAt(ms, s.zone));
  return {
    name: `users/${user.healthUserId}/dataTypes/sleep/dataPoints/${s.id}`,
    dataSource: { platform: 'FITBIT', device: { manufacturer: 'Google', displayName: 'Fitbit' } },
    sleep: {
      interval: {
        startTime: timestamp(s.start),
        startUtcOffset: offset(s.start),
        endTime: timestamp(s.end),
        endUtcOffset: offset(s.end),
      },
      type: s.type,
      stages: s.stages.map((x) => ({
        startTime: timestamp(x.start),
        startUtcOffset: offset(x.start),
        endTime: timestamp(x.end),
        endUtcOffset: offset(x.end),
        type: x.type,
      })),
      summary: summaryOf(s),
      metadata: present({
        mainSleep: s.mainSleep || undefined,
        nap: s.nap || undefined,
        processed: true,
        manuallyEdited: s.manuallyEdited || undefined,
        stagesStatus: s.stagesStatus,
      }),
      createTime: timestamp(s.createTime),
      updateTime: timestamp(s.updateTime),
    },
  };
}

interface Cursor {
  offset: number;
  key: string;
}

function decodeCursor(token: string, key: string): number | null {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Cursor;
    return c.key === key && Number.isInteger(c.offset) && c.offset >= 0 ? c.offset : null;
  } catch {
    return null;
  }
}

function listSleep(ctx: SimContext, req: SimRequest, p: Record<string, string>): SimResponse {
  const user = authorize(ctx, req, LIST_METHOD, (s) => s === GOOGLE_HEALTH_SLEEP);
  if (!('email' in user)) return user;
  if (!userMatches(user, p.user))
    return googleApiError(403, 'PERMISSION_DENIED', 'The caller does not have permission');
  if (req.query.get('dataSourceFamily'))
    return invalidArgument(
      'Filtering by data source family is not supported for the sleep data type; use ReconcileDataPoints instead.',
    );
  const filter = req.query.get('filter') ?? '';
  const parsed = parseSleepFilter(filter);
  if (!parsed.ok) return invalidArgument(parsed.message);
  const rawSize = req.query.get('pageSize');
  let pageSize = SLEEP_PAGE_SIZE;
  if (rawSize !== null && rawSize !== '') {
    if (!/^\d+$/.test(rawSize)) return invalidArgument('pageSize must be a non-negative integer.');
    pageSize = Math.min(Number(rawSize) || SLEEP_PAGE_SIZE, SLEEP_PAGE_SIZE);
  }
  pageSize = Math.min(pageSize, ctx.settings.googleListPageCap ?? pageSize);
  const key = JSON.stringify([p.user, 'sleep', filter]);
  const token = req.query.get('pageToken');
  let offset = 0;
  if (token !== null && token !== '') {
    const at = decodeCursor(token, key);
    if (at === null)
      return invalidArgument(
        'Invalid page token: the request fields must match the request that returned it.',
      );
    offset = at;
  }
  const now = ctx.clock.now();
  const from = parsed.fromMs ?? now - UNBOUNDED_DAYS * DAY;
  const until = parsed.untilMs ?? now + DAY;
  const sessions = sleepsEndingBetween(user, from, until, now).filter((s) =>
    parsed.matches({ endMs: s.end, civilEnd: civilEndOf(s) }),
  );
  const page = sessions.slice(offset, offset + pageSize).map((s) => sleepDataPoint(user, s));
  const out: Record<string, unknown> = {};
  // proto3 JSON leaves an empty list out: the page after a full last page is `{}`.
  if (page.length > 0) out.dataPoints = page;
  if (page.length === pageSize)
    out.nextPageToken = Buffer.from(JSON.stringify({ offset: offset + pageSize, key })).toString(
      'base64url',
    );
  return json(200, out);
}

export const GOOGLE_SLEEP_ROUTES: Route[] = [
  {
    host: 'health.googleapis.com',
    method: 'GET',
    template: '/v4/users/{user}/dataTypes/{dataType}/dataPoints',
    constraints: { dataType: /^sleep$/ },
    kind: 'data',
    discoveryMethod: 'users.dataTypes.dataPoints.list',
    handle: listSleep,
  },
];
