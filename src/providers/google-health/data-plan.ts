// Plans Google Health API v4 requests at the floor: a dailyRollUp per roll-up data type and chunk
// of at most the type's documented range, a `list` per daily-summary data type for the whole range.
/**
 * API:
 * - `planGoogleHealthRequests(range, metricIds, units, weightUnit?, records?)`: PlannedRequest[]:
 *   the lists first (daily summaries, the heights BMI needs, then the record sheets' lists; each
 *   covers every day of the range), then
 *   the roll-ups ordered by the last day they cover, so days complete from the start of the range
 *   onwards as the roll-ups come in.
 * - `googleRangeCapDays(dataType)`: 14 for total-calories, active-minutes, heart-rate and
 *   calories-in-heart-rate-zone, 90 otherwise (DailyRollUpDataPointsRequest.range), e.g.
 *   time-in-heart-rate-zone, hydration-log and nutrition-log.
 * - `nextPageRequest(request, pageToken)`: the follow-up request for a response that carried
 *   nextPageToken (same body or query plus pageToken, as the API requires).
 * - `dailySummaryFilter(dataType, range)`: the `list` filter on a daily summary's date.
 * - `sleepEndFilter(range)`: the `list` filter on sleep's end time that holds every session
 *   ending on a local day of the range, whatever the person's UTC offset.
 * - `exerciseFilter(range)`: the Exercises sheet's one `list` for the whole range
 *   (`exercise.interval.civil_start_time`, the session filter of the discovery doc), at page size
 *   25, following nextPageToken to the end. It covers no metric (records only), so it holds up no
 *   day of the daily sheet.
 * - `GOOGLE_HEALTH_API_BASE`, `LIST_PAGE_SIZE`, `SESSION_PAGE_SIZE`, `rollupBody(range)`.
 * Sleep is one `list` for the whole range at page size 25 (its maximum), following nextPageToken
 * to the end: ceil(sessions / 25) pages, plus an empty last page when the API answers a full page
 * with a token (the simulator does, as the live API was seen to).
 * The roll-up body's range is a CivilTimeInterval whose `end` is EXCLUSIVE, with unpadded numbers:
 * {"range":{"start":{"date":{"year":2026,"month":11,"day":1}},"end":{"date":{...}}},
 *  "windowSizeDays":1,"pageSize":<days in the chunk>}.
 * A daily-summary list is GET .../dataTypes/{type}/dataPoints?pageSize=10000&filter=
 * daily_resting_heart_rate.date >= "2026-11-01" AND daily_resting_heart_rate.date < "2026-11-23"
 * (the filter grammar of the discovery doc: the type in snake_case, `>=` and `<`, `AND`). One
 * point per day and the largest page size: one page for any range up to 27 years; a later page
 * (the API may answer a full page with a token and then `{}`) is planned when its token arrives.
 */
import { addDays, chunkRange, dateParts, dayCount, type DateRange } from '../../core/dates';
import { orderByLastDay, type PlannedRequest } from '../../core/planned-request';
import type { UnitSystem, WeightUnit } from '../../core/units';
import type { RecordSheetId } from '../../core/records';
import { BMI_WEIGHT_KEY, heightListRequest } from './bmi';
import { metric, supportedMetricIds, type GoogleRead, type MetricId } from '../metrics';

export const GOOGLE_HEALTH_API_BASE = 'https://health.googleapis.com';
/** `list`'s largest page size (discovery doc, users.dataTypes.dataPoints.list pageSize). */
export const LIST_PAGE_SIZE = 10000;
/** "The maximum page size for `exercise` and `sleep` is 25" (discovery doc, list pageSize). */
export const SESSION_PAGE_SIZE = 25;
/** UTC offsets run from -12:00 to +14:00. */
const MAX_EAST_HOURS = 14;
const MAX_WEST_HOURS = 12;

const SHORT_RANGE_TYPES = new Set([
  'total-calories',
  'active-minutes',
  'heart-rate',
  'calories-in-heart-rate-zone',
]);

export function googleRangeCapDays(dataType: string): number {
  return SHORT_RANGE_TYPES.has(dataType) ? 14 : 90;
}

export interface RollupBody {
  range: {
    start: { date: { year: number; month: number; day: number } };
    end: { date: { year: number; month: number; day: number } };
  };
  windowSizeDays: number;
  pageSize: number;
  pageToken?: string;
}

/** The dailyRollUp body for an inclusive range (sent with the exclusive end the API wants). */
export function rollupBody(range: DateRange): RollupBody {
  return {
    range: {
      start: { date: dateParts(range.start) },
      end: { date: dateParts(addDays(range.end, 1)) },
    },
    windowSizeDays: 1,
    // One data point per day: asking for exactly that many avoids a second page.
    pageSize: dayCount(range),
  };
}

function dataPointsUrl(dataType: string): string {
  return `${GOOGLE_HEALTH_API_BASE}/v4/users/me/dataTypes/${dataType}/dataPoints`;
}

/** `daily_vo2_max.date >= "2026-11-01" AND daily_vo2_max.date < "2026-11-23"` (end exclusive). */
export function dailySummaryFilter(dataType: string, range: DateRange): string {
  const field = `${dataType.replace(/-/g, '_')}.date`;
  return `${field} >= "${range.start}" AND ${field} < "${addDays(range.end, 1)}"`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Sleep can be filtered on its end time only (discovery doc: start times exclude sleep). The
 * physical end time is used rather than civil_end_time because live answers carry no civil times
 * (health-data.md), so a filter on them is not known to work. Local day D starts at D 00:00 in
 * UTC+14 (UTC D-1 10:00) and ends at D+1 00:00 in UTC-12 (UTC D+1 12:00): the filter spans that,
 * and the parser keeps the sessions whose local wake date is in the range.
 */
export function sleepEndFilter(range: DateRange): string {
  const field = 'sleep.interval.end_time';
  const from = `${addDays(range.start, -1)}T${pad2(24 - MAX_EAST_HOURS)}:00:00Z`;
  const until = `${addDays(range.end, 1)}T${pad2(MAX_WEST_HOURS)}:00:00Z`;
  return `${field} >= "${from}" AND ${field} < "${until}"`;
}

/** One list feeds the sleep columns and the Sleep sheet alike: either asks for it. */
function sleepListRequest(
  ids: string[],
  range: DateRange,
  units: UnitSystem,
  sheet: boolean,
): PlannedRequest {
  const query = `pageSize=${SESSION_PAGE_SIZE}&filter=${encodeURIComponent(sleepEndFilter(range))}`;
  return {
    id: `google sleep list ${range.start}..${range.end}`,
    method: 'get',
    url: `${dataPointsUrl('sleep')}?${query}`,
    headers: {},
    shape: 'google-sleep-list',
    covers: { start: range.start, end: range.end, metricIds: [...ids] },
    units,
    ...(sheet ? { records: ['sleep' as const] } : {}),
  };
}

/** Workouts that started in the range, by local start date (end exclusive). */
export function exerciseFilter(range: DateRange): string {
  const field = 'exercise.interval.civil_start_time';
  return `${field} >= "${range.start}" AND ${field} < "${addDays(range.end, 1)}"`;
}

function exerciseListRequest(range: DateRange, units: UnitSystem): PlannedRequest {
  const query = `pageSize=${SESSION_PAGE_SIZE}&filter=${encodeURIComponent(exerciseFilter(range))}`;
  return {
    id: `google exercise list ${range.start}..${range.end}`,
    method: 'get',
    url: `${dataPointsUrl('exercise')}?${query}`,
    headers: {},
    shape: 'google-exercise-list',
    covers: { start: range.start, end: range.end, metricIds: [] },
    units,
    records: ['exercises'],
  };
}

function rollupRequests(
  dataType: string,
  ids: string[],
  range: DateRange,
  units: UnitSystem,
): PlannedRequest[] {
  return chunkRange(range, googleRangeCapDays(dataType)).map((chunk) => ({
    id: `google ${dataType} ${chunk.start}..${chunk.end}`,
    method: 'post',
    url: `${dataPointsUrl(dataType)}:dailyRollUp`,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(rollupBody(chunk)),
    shape: 'google-daily-rollup',
    covers: { start: chunk.start, end: chunk.end, metricIds: [...ids] },
    units,
  }));
}

function listRequest(
  dataType: string,
  ids: string[],
  range: DateRange,
  units: UnitSystem,
): PlannedRequest {
  const query = `pageSize=${LIST_PAGE_SIZE}&filter=${encodeURIComponent(dailySummaryFilter(dataType, range))}`;
  return {
    id: `google ${dataType} list ${range.start}..${range.end}`,
    method: 'get',
    url: `${dataPointsUrl(dataType)}?${query}`,
    headers: {},
    shape: 'google-daily-list',
    covers: { start: range.start, end: range.end, metricIds: [...ids] },
    units,
  };
}

export function planGoogleHealthRequests(
  range: DateRange,
  metricIds: readonly MetricId[],
  units: UnitSystem,
  weightUnit?: WeightUnit,
  records: readonly RecordSheetId[] = [],
): PlannedRequest[] {
  if (dayCount(range) === 0) return [];
  const byType = new Map<string, { read: GoogleRead; ids: string[] }>();
  const add = (dataType: string, read: GoogleRead, key: string) => {
    const entry = byType.get(dataType) ?? { read, ids: [] };
    entry.ids.push(key);
    byType.set(dataType, entry);
  };
  let bmi = false;
  for (const id of supportedMetricIds('google-health', metricIds)) {
    const source = metric(id).google;
    if (!source) continue;
    if (source.read === 'derived-bmi') bmi = true;
    else add(source.dataType, source.read, id);
  }
  // BMI rides on the weight roll-ups (grams, whether or not Weight is a column) and one height list.
  if (bmi) add(metric('weight').google!.dataType, 'daily-rollup', BMI_WEIGHT_KEY);
  const lists: PlannedRequest[] = bmi ? [heightListRequest(range, units)] : [];
  const rollups: PlannedRequest[] = [];
  for (const [dataType, { read, ids }] of byType) {
    if (read === 'daily-summary') lists.push(listRequest(dataType, ids, range, units));
    else if (read === 'sleep-sessions')
      lists.push(sleepListRequest(ids, range, units, records.includes('sleep')));
    else rollups.push(...rollupRequests(dataType, ids, range, units));
  }
  if (records.includes('sleep') && !byType.has('sleep'))
    lists.push(sleepListRequest([], range, units, true));
  if (records.includes('exercises')) lists.push(exerciseListRequest(range, units));
  const all = [...lists, ...orderByLastDay(rollups)];
  return weightUnit ? all.map((r) => ({ ...r, weightUnit })) : all;
}

/** "All other request fields need to be the same as in the initial request" (pageToken doc). */
export function nextPageRequest(request: PlannedRequest, pageToken: string): PlannedRequest {
  const page = (request.page ?? 1) + 1;
  const id = `${request.id.replace(/ page \d+$/, '')} page ${page}`;
  if (request.method === 'get') {
    const url = `${request.url.replace(/&pageToken=[^&]*$/, '')}&pageToken=${encodeURIComponent(pageToken)}`;
    return { ...request, id, url, page };
  }
  const body = JSON.parse(request.body ?? '{}') as RollupBody;
  body.pageToken = pageToken;
  return { ...request, id, body: JSON.stringify(body), page };
}
