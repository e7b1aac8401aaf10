// Reads one page of a Google Health sleep `list` into the daily sleep columns: the sessions of
// every page are gathered (a day's night and nap can sit on two pages) and the days come out with
// the last page.
/**
 * API: `parseSleepPage(request, response)` -> ParseResult.
 * - A page with `nextPageToken`: no day values yet; `next` is the follow-up page request carrying
 *   the days gathered so far in its `state`.
 * - The last page (no token; it may be `{}`): the day values of every local wake day in the
 *   request's range that has a session; the other days are left for `addResult` to clear.
 * - When the request feeds the Sleep sheet (`records` has 'sleep'), every page also carries the
 *   Sleep sheet rows of its own sessions (sleep-records.ts).
 * - Anything off the Sleep shape is 'malformed', naming the session and field.
 */
import { jsonObjectBody, isRecord } from '../../core/json-body';
import type { ParseResult } from '../../core/day-values';
import type { HttpResponse } from '../../core/ports';
import type { PlannedRequest } from '../../core/planned-request';
import { isMetricId, type MetricId } from '../metrics';
import { nextPageRequest } from './data-plan';
import { addSessions, sleepDayValues, type SleepDays } from './sleep-days';
import { sleepRecords } from './sleep-records';
import { readSleepSession, SleepShapeError } from './sleep-sessions';

function gathered(request: PlannedRequest): SleepDays {
  if (request.state === undefined) return {};
  try {
    const state: unknown = JSON.parse(request.state);
    if (isRecord(state)) return state as SleepDays;
  } catch {
    // Reported below as what it is.
  }
  throw new SleepShapeError('the days gathered from the earlier pages are unreadable');
}

export function parseSleepPage(request: PlannedRequest, response: HttpResponse): ParseResult {
  try {
    const parsed = jsonObjectBody(response);
    if (!parsed.ok) throw new SleepShapeError(parsed.reason);
    const body = parsed.body;
    const points = body.dataPoints ?? [];
    if (!Array.isArray(points)) throw new SleepShapeError('dataPoints is not a list');
    const sessions = points.map(readSleepSession);
    const days = addSessions(gathered(request), sessions, request.covers);
    // Each page's sessions are Sleep sheet rows as they come: a row needs no other page.
    const records = request.records?.includes('sleep')
      ? { records: sleepRecords(sessions, request.covers) }
      : {};
    const token = body.nextPageToken;
    if (token !== undefined && typeof token !== 'string')
      throw new SleepShapeError('nextPageToken is not a string');
    if (token) {
      const next = { ...nextPageRequest(request, token), state: JSON.stringify(days) };
      return { kind: 'ok', requestId: request.id, values: {}, next, ...records };
    }
    const ids = request.covers.metricIds.filter(isMetricId) as MetricId[];
    // A list for the Sleep sheet alone fills no day cell.
    const values = ids.length > 0 ? sleepDayValues(days, ids, request.units) : {};
    return { kind: 'ok', requestId: request.id, values, next: null, ...records };
  } catch (error) {
    if (!(error instanceof SleepShapeError)) throw error;
    return { kind: 'malformed', requestId: request.id, message: `${request.id}: ${error.message}` };
  }
}
