// Plans Google Health API v4 dailyRollUp requests: one per data type per chunk of at most the
// type's documented range, metrics sharing a data type sharing the request.
/**
 * API:
 * - `planGoogleHealthRequests(range, metricIds, units)`: PlannedRequest[] ordered by the last day
 *   they cover.
 * - `googleRangeCapDays(dataType)`: 14 for total-calories, active-minutes, heart-rate and
 *   calories-in-heart-rate-zone, 90 otherwise (DailyRollUpDataPointsRequest.range).
 * - `nextPageRequest(request, pageToken)`: the follow-up request for a response that carried
 *   nextPageToken (same body plus pageToken, as the API requires).
 * - `GOOGLE_HEALTH_API_BASE`, `rollupBody(range, days)`.
 * The body's range is a CivilTimeInterval whose `end` is EXCLUSIVE, with unpadded numbers:
 * {"range":{"start":{"date":{"year":2026,"month":11,"day":1}},"end":{"date":{...}}},
 *  "windowSizeDays":1,"pageSize":<days in the chunk>}.
 */
import { addDays, chunkRange, dateParts, dayCount, type DateRange } from '../../core/dates';
import { orderByLastDay, type PlannedRequest } from '../../core/planned-request';
import type { UnitSystem } from '../../core/units';
import { metric, supportedMetricIds, type MetricId } from '../metrics';

export const GOOGLE_HEALTH_API_BASE = 'https://health.googleapis.com';

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

function rollupUrl(dataType: string): string {
  return `${GOOGLE_HEALTH_API_BASE}/v4/users/me/dataTypes/${dataType}/dataPoints:dailyRollUp`;
}

export function planGoogleHealthRequests(
  range: DateRange,
  metricIds: readonly MetricId[],
  units: UnitSystem,
): PlannedRequest[] {
  if (dayCount(range) === 0) return [];
  const byType = new Map<string, MetricId[]>();
  for (const id of supportedMetricIds('google-health', metricIds)) {
    const dataType = metric(id).google?.dataType;
    if (!dataType) continue;
    const ids = byType.get(dataType) ?? [];
    ids.push(id);
    byType.set(dataType, ids);
  }
  const planned: PlannedRequest[] = [];
  for (const [dataType, ids] of byType) {
    for (const chunk of chunkRange(range, googleRangeCapDays(dataType))) {
      planned.push({
        id: `google ${dataType} ${chunk.start}..${chunk.end}`,
        method: 'post',
        url: rollupUrl(dataType),
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(rollupBody(chunk)),
        shape: 'google-daily-rollup',
        covers: { start: chunk.start, end: chunk.end, metricIds: [...ids] },
        units,
      });
    }
  }
  return orderByLastDay(planned);
}

/** "All other request fields need to be the same as in the initial request" (pageToken doc). */
export function nextPageRequest(request: PlannedRequest, pageToken: string): PlannedRequest {
  const body = JSON.parse(request.body ?? '{}') as RollupBody;
  body.pageToken = pageToken;
  const page = (request.page ?? 1) + 1;
  const baseId = request.id.replace(/ page \d+$/, '');
  return { ...request, id: `${baseId} page ${page}`, body: JSON.stringify(body), page };
}
