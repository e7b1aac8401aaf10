// The legacy Fitbit Web API data routes on api.fitbit.com: bearer-token checks, scopes, the hourly
// rate limit with its headers, activity and body-weight time series, daily summary and profile.
import { readBearer } from './client-auth';
import {
  addDays,
  addMonths,
  daysInclusive,
  isValidDate,
  localNow,
  toDayNumber,
} from './civil-dates';
import type { SimContext } from './context';
import { fitbitError } from './fitbit-errors';
import {
  FITBIT_ACTIVITY_RESOURCES,
  fitbitDailySummary,
  fitbitSeriesValue,
  fitbitWeightValue,
  unitSystemOf,
  type FitbitActivityResource,
  type UnitSystem,
} from './fitbit-values';
import { json } from './responses';
import type { Route } from './routes';
import { strideOf } from './synthetic-data';
import type { SimRequest, SimResponse, SimUser } from './types';

const HOUR_MS = 3600 * 1000;
const DOCS =
  'Visit https://dev.fitbit.com/docs/oauth2 for more information on the Fitbit Web API authorization process.';
/** Maximum days per time-series request (doc page "Resource Options"; activityCalories 30). */
const MAX_RANGE_DAYS = 1095;
const MAX_RANGE_ACTIVITY_CALORIES = 30;
const PERIODS = ['1d', '7d', '30d', '1w', '1m', '3m', '6m', '1y'];
const DATE_OR_TODAY = /^(\d{4}-\d{2}-\d{2}|today)$/;
const PERIOD_RE = new RegExp(`^(${PERIODS.join('|')}|max)$`);

interface Authed {
  user: SimUser;
  headers: Record<string, string>;
}

/** Bearer check, scope check, then the per-user hourly limit whose headers every answer carries. */
function authorize(ctx: SimContext, req: SimRequest, scope: string): Authed | SimResponse {
  const now = ctx.clock.now();
  const bearer = readBearer(req.headers);
  const t = bearer ? ctx.store.access.get(bearer) : undefined;
  const wwwAuth = { 'www-authenticate': 'Bearer realm="api.fitbit.com"' };
  if (!bearer) {
    return fitbitError(401, 'invalid_client', `Authorization header required. ${DOCS}`, {
      headers: wwwAuth,
    });
  }
  if (!t || t.provider !== 'fitbit' || t.revoked) {
    return fitbitError(401, 'invalid_token', `Access token invalid. ${DOCS}`, { headers: wwwAuth });
  }
  if (t.expiresAt <= now) {
    return fitbitError(401, 'expired_token', `Access token expired. ${DOCS}`, { headers: wwwAuth });
  }
  const user = ctx.users.get(t.user);
  if (!user)
    return fitbitError(401, 'invalid_token', `Access token invalid. ${DOCS}`, { headers: wwwAuth });
  const rate = ctx.rate.hit(
    `fitbit:${t.clientId}:${t.user}`,
    now,
    HOUR_MS,
    ctx.settings.fitbitRateLimitPerHour,
  );
  const headers = {
    'fitbit-rate-limit-limit': String(rate.limit),
    'fitbit-rate-limit-remaining': String(rate.remaining),
    'fitbit-rate-limit-reset': String(rate.resetS),
  };
  if (!rate.allowed) return fitbitRateLimited(headers);
  if (!t.scopes.includes(scope)) {
    return fitbitError(
      403,
      'insufficient_scope',
      `This application does not have permission to access ${scope} data. ${DOCS}`,
      { headers },
    );
  }
  return { user, headers };
}

/** 429 in Fitbit's error shape; Retry-After is not documented, so none is sent. */
export function fitbitRateLimited(headers: Record<string, string>): SimResponse {
  return fitbitError(429, 'system', 'Too Many Requests', { fieldName: 'n/a', headers });
}

function resolveDate(user: SimUser, s: string, now: number): string | null {
  if (s === 'today') return localNow(now, user.timeZone).date;
  return isValidDate(s) ? s : null;
}

function periodStart(end: string, period: string): string {
  switch (period) {
    case '1d':
      return end;
    case '7d':
    case '1w':
      return addDays(end, -6);
    case '30d':
      return addDays(end, -29);
    case '1m':
      return addDays(addMonths(end, -1), 1);
    case '3m':
      return addDays(addMonths(end, -3), 1);
    case '6m':
      return addDays(addMonths(end, -6), 1);
    default:
      return addDays(addMonths(end, -12), 1);
  }
}

function validationError(
  fieldName: string,
  message: string,
  headers: Record<string, string>,
): SimResponse {
  return fitbitError(400, 'validation', message, { fieldName, headers });
}

type Range = { start: string; end: string } | SimResponse;

function rangeFromDates(
  a: Authed,
  now: number,
  base: string,
  endS: string,
  maxDays: number,
): Range {
  const start = resolveDate(a.user, base, now);
  if (!start) return validationError('startDate', `Invalid date: ${base}`, a.headers);
  const end = resolveDate(a.user, endS, now);
  if (!end) return validationError('endDate', `Invalid date: ${endS}`, a.headers);
  if (toDayNumber(end) < toDayNumber(start)) {
    return validationError(
      'endDate',
      'Invalid time series range: end date is before start date',
      a.headers,
    );
  }
  if (daysInclusive(start, end) > maxDays) {
    return validationError(
      'endDate',
      `Invalid time series range: max range is ${maxDays} days`,
      a.headers,
    );
  }
  return { start, end };
}

function rangeFromPeriod(
  a: Authed,
  now: number,
  dateS: string,
  period: string,
  maxDays: number,
): Range {
  const end = resolveDate(a.user, dateS, now);
  if (!end) return validationError('date', `Invalid date: ${dateS}`, a.headers);
  if (!PERIODS.includes(period)) {
    // 'max' was dropped by Fitbit; clients report an error for it (3p).
    return validationError(
      'period',
      `Invalid period: ${period}. Valid values are ${PERIODS.join(', ')}`,
      a.headers,
    );
  }
  const start = periodStart(end, period);
  if (daysInclusive(start, end) > maxDays) {
    return validationError(
      'period',
      `Invalid time series range: max range is ${maxDays} days`,
      a.headers,
    );
  }
  return { start, end };
}

function dates(start: string, end: string): string[] {
  const out: string[] = [];
  for (let d = start; toDayNumber(d) <= toDayNumber(end); d = addDays(d, 1)) out.push(d);
  return out;
}

function activitySeries(
  ctx: SimContext,
  req: SimRequest,
  p: Record<string, string>,
  byPeriod: boolean,
): SimResponse {
  const a = authorize(ctx, req, 'activity');
  if (!('user' in a)) return a;
  const resource = p['resource-path'];
  if (!(FITBIT_ACTIVITY_RESOURCES as readonly string[]).includes(resource)) {
    return validationError('resource-path', `Invalid resource path: ${resource}`, a.headers);
  }
  const now = ctx.clock.now();
  const maxDays = resource === 'activityCalories' ? MAX_RANGE_ACTIVITY_CALORIES : MAX_RANGE_DAYS;
  const range = byPeriod
    ? rangeFromPeriod(a, now, p['date'], p['period'], maxDays)
    : rangeFromDates(a, now, p['base-date'], p['end-date'], maxDays);
  if (!('start' in range)) return range;
  const units = unitSystemOf(req.headers['accept-language']);
  const series = dates(range.start, range.end).map((d) => ({
    dateTime: d,
    value: fitbitSeriesValue(a.user, resource as FitbitActivityResource, d, now, units),
  }));
  const key = p['tracker'] ? `activities-tracker-${resource}` : `activities-${resource}`;
  return json(200, { [key]: series }, a.headers);
}

function weightSeries(
  ctx: SimContext,
  req: SimRequest,
  p: Record<string, string>,
  byPeriod: boolean,
): SimResponse {
  const a = authorize(ctx, req, 'weight');
  if (!('user' in a)) return a;
  if (p['resource-path'] !== 'weight') {
    return validationError(
      'resource-path',
      `Resource not simulated: ${p['resource-path']}`,
      a.headers,
    );
  }
  const now = ctx.clock.now();
  const range = byPeriod
    ? rangeFromPeriod(a, now, p['date'], p['period'], MAX_RANGE_DAYS)
    : rangeFromDates(a, now, p['base-date'], p['end-date'], MAX_RANGE_DAYS);
  if (!('start' in range)) return range;
  const units = unitSystemOf(req.headers['accept-language']);
  const series = dates(range.start, range.end).map((d) => ({
    dateTime: d,
    value: fitbitWeightValue(a.user, d, now, units),
  }));
  return json(200, { 'body-weight': series }, a.headers);
}

function dailySummary(ctx: SimContext, req: SimRequest, p: Record<string, string>): SimResponse {
  const a = authorize(ctx, req, 'activity');
  if (!('user' in a)) return a;
  const now = ctx.clock.now();
  const date = resolveDate(a.user, p['date'], now);
  if (!date) return validationError('date', `Invalid date: ${p['date']}`, a.headers);
  return json(
    200,
    fitbitDailySummary(a.user, date, now, unitSystemOf(req.headers['accept-language'])),
    a.headers,
  );
}

function profile(ctx: SimContext, req: SimRequest): SimResponse {
  const a = authorize(ctx, req, 'profile');
  if (!('user' in a)) return a;
  const units: UnitSystem = unitSystemOf(req.headers['accept-language']);
  const local = localNow(ctx.clock.now(), a.user.timeZone);
  const name = a.user.email.split('@')[0];
  const unitName = units === 'en_US' ? 'en_US' : units === 'en_GB' ? 'en_GB' : 'METRIC';
  const strideCm = Math.round(strideOf(a.user) * 1000) / 10;
  return json(
    200,
    {
      user: {
        encodedId: a.user.fitbitUserId,
        displayName: name,
        fullName: name,
        firstName: name,
        timezone: a.user.timeZone,
        offsetFromUTCMillis: local.offsetMs,
        locale: 'en_US',
        distanceUnit: unitName,
        weightUnit: unitName,
        heightUnit: unitName,
        strideLengthWalking: units === 'en_US' ? Math.round((strideCm / 2.54) * 10) / 10 : strideCm,
        memberSince: '2019-03-14',
        avatar: 'https://static0.fitbit.com/images/profile/defaultProfile_100.png',
      },
    },
    a.headers,
  );
}

const API = 'api.fitbit.com';
const rangeConstraints = { 'base-date': DATE_OR_TODAY, 'end-date': DATE_OR_TODAY };
const periodConstraints = { date: DATE_OR_TODAY, period: PERIOD_RE };

export const FITBIT_DATA_ROUTES: Route[] = [
  {
    host: API,
    method: 'GET',
    template: '/1/user/-/activities/date/{date}.json',
    kind: 'data',
    handle: dailySummary,
  },
  {
    host: API,
    method: 'GET',
    template: '/1/user/-/activities/{resource-path}/date/{base-date}/{end-date}.json',
    kind: 'data',
    constraints: rangeConstraints,
    handle: (ctx, req, p) => activitySeries(ctx, req, p, false),
  },
  {
    host: API,
    method: 'GET',
    template: '/1/user/-/activities/tracker/{resource-path}/date/{base-date}/{end-date}.json',
    kind: 'data',
    constraints: rangeConstraints,
    handle: (ctx, req, p) => activitySeries(ctx, req, { ...p, tracker: '1' }, false),
  },
  {
    host: API,
    method: 'GET',
    template: '/1/user/-/activities/{resource-path}/date/{date}/{period}.json',
    kind: 'data',
    constraints: periodConstraints,
    handle: (ctx, req, p) => activitySeries(ctx, req, p, true),
  },
  {
    host: API,
    method: 'GET',
    template: '/1/user/-/activities/tracker/{resource-path}/date/{date}/{period}.json',
    kind: 'data',
    constraints: periodConstraints,
    handle: (ctx, req, p) => activitySeries(ctx, req, { ...p, tracker: '1' }, true),
  },
  {
    host: API,
    method: 'GET',
    template: '/1/user/-/body/{resource-path}/date/{base-date}/{end-date}.json',
    kind: 'data',
    constraints: rangeConstraints,
    handle: (ctx, req, p) => weightSeries(ctx, req, p, false),
  },
  {
    host: API,
    method: 'GET',
    template: '/1/user/-/body/{resource-path}/date/{date}/{period}.json',
    kind: 'data',
    constraints: periodConstraints,
    handle: (ctx, req, p) => weightSeries(ctx, req, p, true),
  },
  {
    host: API,
    method: 'GET',
    template: '/1/user/-/profile.json',
    kind: 'identity',
    handle: profile,
  },
];
