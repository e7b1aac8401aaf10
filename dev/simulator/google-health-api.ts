// The Google Health API v4 routes on health.googleapis.com: bearer-token checks, per-minute rate
// limit, scopes, the ACCOUNT_NOT_LINKED precondition, dailyRollUp with paging, `list` of daily
// summaries (date filter, pageSize, pageToken) and of exercises (civil start filter, at most 25 a
// page), and identity.
import { readBearer } from './client-auth';
import { fromDayNumber, isValidDate, localNow, toDayNumber } from './civil-dates';
import type { SimContext } from './context';
import { googleApiError, googleReasonError } from './google-errors';
import { GOOGLE_DATA_TYPES } from './google-rollups';
import { DAILY_SUMMARY_TYPES } from './google-summaries';
import { parseDailySummaryFilter } from './list-filter';
import { SAMPLE_TYPES, samplePoints } from './google-samples';
import { exercisesBetween } from './google-exercises';
import { parseExerciseFilter } from './exercise-filter';
import { json } from './responses';
import type { Route } from './routes';
import { GOOGLE_HEALTH_ACTIVITY, isGoogleHealthReadScope } from './scopes';
import type { GoogleReason, SimRequest, SimResponse, SimUser } from './types';

const MINUTE_MS = 60 * 1000;
const SERVICE = 'health.googleapis.com';
const DEFAULT_PAGE_SIZE = 90;
const MAX_PAGE_SIZE = 10000;
/** `list` without pageSize: "at most 1440 data points" (discovery doc). */
const LIST_DEFAULT_PAGE_SIZE = 1440;
/** `exercise` and `sleep`: "the default page size is 25", "the maximum page size ... is 25". */
const SESSION_PAGE_SIZE = 25;
/** How far back a list without a lower date bound looks (the simulator has to stop somewhere). */
const LIST_UNBOUNDED_DAYS = 3650;
/** Where ACCOUNT_NOT_LINKED sends a person; the simulator serves this sign-up page itself. */
export const HEALTH_SIGNUP_URL = 'https://accounts.google.com/health/signup';

const METHODS = {
  list: 'google.devicesandservices.health.v4.DataPointsService.ListDataPoints',
  dailyRollUp: 'google.devicesandservices.health.v4.DataPointsService.DailyRollUp',
  getIdentity: 'google.devicesandservices.health.v4.UsersService.GetIdentity',
};

function unauthenticated(reason: string, method: string): SimResponse {
  return googleApiError(
    401,
    'UNAUTHENTICATED',
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    { reason, domain: 'googleapis.com', metadata: { service: SERVICE, method } },
    { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
  );
}

/** Google OAuth client ids start with the number of their Cloud project ("N-xxx.apps..."). */
export function projectOfClient(clientId: string | undefined): string {
  return /^(\d+)-/.exec(clientId ?? '')?.[1] ?? '000000000000';
}

export function googleRateLimited(method: string, limit: number, clientId?: string): SimResponse {
  return googleReasonError('RATE_LIMIT_EXCEEDED', {
    project: projectOfClient(clientId),
    service: SERVICE,
    method,
    limit,
  });
}

/** A 'google-reason' fault's answer for the request's bearer token's client. */
export function googleReasonFault(reason: GoogleReason, clientId: string | undefined): SimResponse {
  return googleReasonError(reason, {
    project: projectOfClient(clientId),
    service: SERVICE,
    method: 'simulated',
    signUpUrl: HEALTH_SIGNUP_URL,
  });
}

export function invalidArgument(message: string): SimResponse {
  return googleApiError(400, 'INVALID_ARGUMENT', message);
}

/** 401 for a missing/expired/revoked token, 429 over the per-user minute quota, 403 for scopes, 400 when not linked. */
export function authorize(
  ctx: SimContext,
  req: SimRequest,
  method: string,
  scopeOk: (s: string) => boolean,
): SimUser | SimResponse {
  const now = ctx.clock.now();
  const bearer = readBearer(req.headers);
  if (!bearer) return unauthenticated('CREDENTIALS_MISSING', method);
  const t = ctx.store.access.get(bearer);
  if (!t || t.provider !== 'google' || t.revoked)
    return unauthenticated('ACCESS_TOKEN_TYPE_UNSUPPORTED', method);
  if (t.expiresAt <= now) return unauthenticated('ACCESS_TOKEN_EXPIRED', method);
  const user = ctx.users.get(t.user);
  if (!user) return unauthenticated('ACCESS_TOKEN_TYPE_UNSUPPORTED', method);
  const limit = ctx.settings.googleRateLimitPerMinute;
  if (!ctx.rate.hit(`google:${t.user}`, now, MINUTE_MS, limit).allowed)
    return googleRateLimited(method, limit, t.clientId);
  const project = projectOfClient(t.clientId);
  if (!t.scopes.some(scopeOk))
    return googleReasonError('ACCESS_TOKEN_SCOPE_INSUFFICIENT', {
      project,
      service: SERVICE,
      method,
    });
  if (!user.healthLinked)
    return googleReasonError('ACCOUNT_NOT_LINKED', {
      project,
      service: SERVICE,
      method,
      signUpUrl: HEALTH_SIGNUP_URL,
    });
  return user;
}

export function userMatches(user: SimUser, segment: string): boolean {
  return segment === 'me' || segment === user.healthUserId;
}

function civilDate(v: unknown): string | null {
  const o = v as {
    date?: { year?: unknown; month?: unknown; day?: unknown };
    time?: Record<string, unknown>;
  } | null;
  const d = o?.date;
  if (!d || typeof d.year !== 'number' || typeof d.month !== 'number' || typeof d.day !== 'number')
    return null;
  if (o.time && Object.values(o.time).some((x) => x !== 0)) return null;
  const s = `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  return isValidDate(s) ? s : null;
}

function civil(date: string): { date: { year: number; month: number; day: number } } {
  const [year, month, day] = date.split('-').map(Number);
  return { date: { year, month, day } };
}

interface PageCursor {
  offset: number;
  key: string;
}

function dailyRollUp(ctx: SimContext, req: SimRequest, p: Record<string, string>): SimResponse {
  const user = authorize(
    ctx,
    req,
    METHODS.dailyRollUp,
    (s) => GOOGLE_DATA_TYPES[p.dataType]?.scopes.includes(s) ?? isGoogleHealthReadScope(s),
  );
  if (!('email' in user)) return user;
  if (!userMatches(user, p.user)) {
    return googleApiError(403, 'PERMISSION_DENIED', 'The caller does not have permission');
  }
  const spec = GOOGLE_DATA_TYPES[p.dataType];
  if (!spec)
    return invalidArgument(
      `Data type '${p.dataType}' does not support daily roll-up in this simulator.`,
    );
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(req.body || '{}') as Record<string, unknown>;
  } catch {
    return invalidArgument('Invalid JSON payload received.');
  }
  const range = body.range as { start?: unknown; end?: unknown } | undefined;
  const start = civilDate(range?.start);
  const end = civilDate(range?.end);
  if (!start || !end) {
    return invalidArgument(
      'range.start and range.end must be civil dates at midnight ({"date":{"year","month","day"}}).',
    );
  }
  const days = toDayNumber(end) - toDayNumber(start);
  if (days <= 0) return invalidArgument('range.end must be after range.start.');
  if (days > spec.maxRangeDays) {
    return invalidArgument(
      `The maximum range for \`${p.dataType}\` is ${spec.maxRangeDays} days; the request spans ${days} days.`,
    );
  }
  const windowSize = body.windowSizeDays === undefined ? 1 : body.windowSizeDays;
  if (typeof windowSize !== 'number' || !Number.isInteger(windowSize) || windowSize < 1) {
    return invalidArgument('windowSizeDays must be a positive integer.');
  }
  const rawPageSize = body.pageSize === undefined ? DEFAULT_PAGE_SIZE : body.pageSize;
  if (typeof rawPageSize !== 'number' || !Number.isInteger(rawPageSize) || rawPageSize < 0) {
    return invalidArgument('pageSize must be a non-negative integer.');
  }
  const pageSize = Math.min(rawPageSize || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  // A page token is only valid for the same request (discovery doc, pageToken).
  const key = JSON.stringify([
    p.user,
    p.dataType,
    start,
    end,
    windowSize,
    body.dataSourceFamily ?? null,
  ]);
  let offset = 0;
  if (body.pageToken !== undefined && body.pageToken !== '') {
    try {
      const c = JSON.parse(
        Buffer.from(String(body.pageToken), 'base64url').toString('utf8'),
      ) as PageCursor;
      if (c.key !== key || !Number.isInteger(c.offset)) throw new Error('mismatch');
      offset = c.offset;
    } catch {
      return invalidArgument(
        'Invalid page token: the request fields must match the request that returned it.',
      );
    }
  }
  const now = ctx.clock.now();
  const points: Record<string, unknown>[] = [];
  for (let w = toDayNumber(start); w < toDayNumber(end); w += windowSize) {
    const wEnd = Math.min(w + windowSize, toDayNumber(end));
    const dates: string[] = [];
    for (let d = w; d < wEnd; d++) dates.push(fromDayNumber(d));
    const value = spec.rollup(user, dates, now);
    if (value === null) continue; // no data is absent, not zero (doc)
    points.push({
      civilStartTime: civil(fromDayNumber(w)),
      civilEndTime: civil(fromDayNumber(wEnd)),
      [spec.member]: value,
    });
  }
  points.reverse(); // newest window first (doc)
  const page = points.slice(offset, offset + pageSize);
  const out: Record<string, unknown> = { rollupDataPoints: page };
  if (offset + pageSize < points.length) {
    out.nextPageToken = Buffer.from(JSON.stringify({ offset: offset + pageSize, key })).toString(
      'base64url',
    );
  }
  return json(200, out);
}

function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The offset a page token stands for, or null when it does not belong to this request. */
function decodeCursor(token: string, key: string): number | null {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as PageCursor;
    return c.key === key && Number.isInteger(c.offset) && c.offset >= 0 ? c.offset : null;
  } catch {
    return null;
  }
}

/**
 * GET dataPoints of a daily summary type: one DataPoint per day the filter selects, newest first.
 * Like the live API, a full page carries a nextPageToken even when nothing follows, and that
 * next page is then `{}` (health-data.md: "a last page can be {}").
 */
function listDataPoints(ctx: SimContext, req: SimRequest, p: Record<string, string>): SimResponse {
  if (p.dataType === 'exercise') return listExercises(ctx, req, p);
  const spec = DAILY_SUMMARY_TYPES[p.dataType];
  const sample = SAMPLE_TYPES[p.dataType];
  const user = authorize(
    ctx,
    req,
    METHODS.list,
    (s) => (spec ?? sample)?.scopes.includes(s) ?? isGoogleHealthReadScope(s),
  );
  if (!('email' in user)) return user;
  if (!userMatches(user, p.user)) {
    return googleApiError(403, 'PERMISSION_DENIED', 'The caller does not have permission');
  }
  if (!spec && !sample)
    return invalidArgument(`Data type '${p.dataType}' is not served by list in this simulator.`);
  const filter = req.query.get('filter') ?? '';
  let samples: Record<string, unknown>[] | null = null;
  if (sample) {
    const found = samplePoints(p.dataType, user, filter, ctx.clock.now());
    if (!found.ok) return invalidArgument(found.message);
    samples = found.points;
  }
  const parsed = spec ? parseDailySummaryFilter(p.dataType, filter) : ({ ok: true } as const);
  if (!parsed.ok) return invalidArgument(parsed.message);
  const rawSize = req.query.get('pageSize');
  let pageSize = LIST_DEFAULT_PAGE_SIZE;
  if (rawSize !== null && rawSize !== '') {
    if (!/^\d+$/.test(rawSize)) return invalidArgument('pageSize must be a non-negative integer.');
    // "values above that will be truncated accordingly"; 0 means the default.
    pageSize = Math.min(Number(rawSize) || LIST_DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  }
  pageSize = Math.min(pageSize, ctx.settings.googleListPageCap ?? pageSize);
  const key = JSON.stringify([p.user, p.dataType, filter, req.query.get('dataSourceFamily')]);
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
  const points = samples ?? summaryPoints(ctx, user, p.dataType, filter);
  const page = points.slice(offset, offset + pageSize);
  const out: Record<string, unknown> = {};
  // proto3 JSON leaves an empty list out: the empty last page is `{}`.
  if (page.length > 0) out.dataPoints = page;
  if (page.length === pageSize)
    out.nextPageToken = encodeCursor({ offset: offset + pageSize, key });
  return json(200, out);
}

/** One DataPoint per day of a daily summary type the (valid) filter selects, newest first. */
function summaryPoints(
  ctx: SimContext,
  user: SimUser,
  dataType: string,
  filter: string,
): Record<string, unknown>[] {
  const spec = DAILY_SUMMARY_TYPES[dataType];
  const parsed = parseDailySummaryFilter(dataType, filter);
  if (!parsed.ok) return [];
  const p = { dataType };
  const now = ctx.clock.now();
  const today = localNow(now, user.timeZone).date;
  const last = Math.min(
    toDayNumber(today),
    parsed.until === null ? Infinity : toDayNumber(parsed.until) - 1,
  );
  const first =
    parsed.from === null ? toDayNumber(today) - LIST_UNBOUNDED_DAYS : toDayNumber(parsed.from);
  const points: Record<string, unknown>[] = [];
  for (let d = last; d >= first; d--) {
    const date = fromDayNumber(d);
    const value = spec.value(user, date, now);
    if (value === null) continue; // days without data are absent
    points.push({
      name: `users/${user.healthUserId}/dataTypes/${p.dataType}/dataPoints/${date.replace(/-/g, '')}`,
      dataSource: { platform: 'FITBIT', device: { manufacturer: 'Google', displayName: 'Fitbit' } },
      [spec.member]: { date: civil(date).date, ...value },
    });
  }
  return points;
}

/**
 * GET exercise dataPoints: workouts whose local start the filter selects, newest start first, at
 * most 25 a page (a larger pageSize is truncated to 25, as 10000 is for other types). Paging as
 * for daily summaries: a full page carries a nextPageToken even when nothing follows, and that
 * page is then `{}`, so n workouts take floor(n / 25) + 1 requests.
 */
function listExercises(ctx: SimContext, req: SimRequest, p: Record<string, string>): SimResponse {
  const user = authorize(ctx, req, METHODS.list, (s) => s === GOOGLE_HEALTH_ACTIVITY);
  if (!('email' in user)) return user;
  if (!userMatches(user, p.user))
    return googleApiError(403, 'PERMISSION_DENIED', 'The caller does not have permission');
  const filter = req.query.get('filter') ?? '';
  const parsed = parseExerciseFilter(filter);
  if (!parsed.ok) return invalidArgument(parsed.message);
  const rawSize = req.query.get('pageSize');
  let pageSize = SESSION_PAGE_SIZE;
  if (rawSize !== null && rawSize !== '') {
    if (!/^\d+$/.test(rawSize)) return invalidArgument('pageSize must be a non-negative integer.');
    pageSize = Math.min(Number(rawSize) || SESSION_PAGE_SIZE, SESSION_PAGE_SIZE);
  }
  pageSize = Math.min(pageSize, ctx.settings.googleListPageCap ?? pageSize);
  const key = JSON.stringify([p.user, 'exercise', filter, req.query.get('dataSourceFamily')]);
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
  const points = exercisesBetween(
    user,
    parsed.from,
    parsed.until,
    ctx.clock.now(),
    ctx.exerciseEdits,
  );
  const page = points.slice(offset, offset + pageSize);
  const out: Record<string, unknown> = {};
  if (page.length > 0) out.dataPoints = page;
  if (page.length === pageSize)
    out.nextPageToken = encodeCursor({ offset: offset + pageSize, key });
  return json(200, out);
}

function identity(ctx: SimContext, req: SimRequest, p: Record<string, string>): SimResponse {
  const user = authorize(ctx, req, METHODS.getIdentity, isGoogleHealthReadScope);
  if (!('email' in user)) return user;
  if (!userMatches(user, p.user))
    return googleApiError(403, 'PERMISSION_DENIED', 'The caller does not have permission');
  return json(200, {
    name: 'users/me/identity',
    healthUserId: user.healthUserId,
    legacyUserId: user.fitbitUserId,
  });
}

export const GOOGLE_HEALTH_ROUTES: Route[] = [
  {
    host: SERVICE,
    method: 'GET',
    template: '/v4/users/{user}/dataTypes/{dataType}/dataPoints',
    kind: 'data',
    discoveryMethod: 'users.dataTypes.dataPoints.list',
    handle: listDataPoints,
  },
  {
    host: SERVICE,
    method: 'POST',
    template: '/v4/users/{user}/dataTypes/{dataType}/dataPoints:dailyRollUp',
    kind: 'data',
    discoveryMethod: 'users.dataTypes.dataPoints.dailyRollUp',
    handle: dailyRollUp,
  },
  {
    host: SERVICE,
    method: 'GET',
    template: '/v4/users/{user}/identity',
    kind: 'identity',
    discoveryMethod: 'users.getIdentity',
    handle: identity,
  },
];

/**
 * For dataFor(): the member value a dailyRollUp of one day returns (roll-up types), or the daily
 * summary's member without its date (list types), or undefined when the day is absent.
 */
export function googleDayValue(
  user: SimUser,
  type: string,
  date: string,
  now: number,
): Record<string, unknown> | undefined {
  const summary = DAILY_SUMMARY_TYPES[type];
  if (summary) return summary.value(user, date, now) ?? undefined;
  const spec = GOOGLE_DATA_TYPES[type];
  if (!spec) throw new Error(`unknown Google Health data type: ${type}`);
  return spec.rollup(user, [date], now) ?? undefined;
}
