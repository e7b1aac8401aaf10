// Plans the fewest legacy Fitbit Web API requests that cover a date range for chosen metrics:
// per-resource time series in chunks, daily summaries, or the cheapest mix of both.
/**
 * API:
 * - `planFitbitRequests(range, metricIds, units)`: PlannedRequest[] ordered by the last day they
 *   cover (so finished requests complete days from the start of the range onwards).
 * - `fitbitRequestCount(days, metricIds)`: the number of requests that plan makes.
 * - `FITBIT_API_BASE`, `fitbitHeaders(units)`.
 * Cost model: a time series costs one request per chunk of at most the resource's documented
 * range (1095 days, activityCalories 30); a daily summary costs one request per day and carries
 * every activity metric at once. The planner takes the last `s` days by summary and the rest by
 * time series, for the `s` that minimises the total (ties favour time series). Weight has no
 * summary field, so it is always a body time series.
 */
import { addDays, chunkRange, dayCount, type DateRange } from '../../core/dates';
import { orderByLastDay, type PlannedRequest } from '../../core/planned-request';
import type { UnitSystem, WeightUnit } from '../../core/units';
import { metric, supportedMetricIds, type MetricId } from '../metrics';

export const FITBIT_API_BASE = 'https://api.fitbit.com';

/** Fitbit answers in the units of the Accept-Language header: en_US imperial, en_GB UK, else metric. */
export function fitbitHeaders(units: UnitSystem): Record<string, string> {
  if (units === 'us') return { 'Accept-Language': 'en_US' };
  if (units === 'uk') return { 'Accept-Language': 'en_GB' };
  return {};
}

interface SeriesGroup {
  collection: 'activities' | 'body';
  resource: string;
  maxDays: number;
  metricIds: MetricId[];
}

function seriesGroups(metricIds: readonly MetricId[]): {
  summarizable: SeriesGroup[];
  seriesOnly: SeriesGroup[];
} {
  const summarizable: SeriesGroup[] = [];
  const seriesOnly: SeriesGroup[] = [];
  for (const id of supportedMetricIds('fitbit', metricIds)) {
    const src = metric(id).fitbit;
    if (!src) continue;
    const group = {
      collection: src.collection,
      resource: src.resource,
      maxDays: src.maxDays,
      metricIds: [id],
    };
    (src.summaryField !== null ? summarizable : seriesOnly).push(group);
  }
  return { summarizable, seriesOnly };
}

function seriesCost(days: number, groups: readonly SeriesGroup[]): number {
  return days <= 0 ? 0 : groups.reduce((n, g) => n + Math.ceil(days / g.maxDays), 0);
}

/** How many of the range's last days to take by daily summary (0 = time series only). */
function summaryDays(days: number, summarizable: readonly SeriesGroup[]): number {
  if (summarizable.length === 0) return 0;
  let best = 0;
  let bestCost = seriesCost(days, summarizable);
  for (let s = 1; s <= days; s++) {
    const cost = s + seriesCost(days - s, summarizable);
    if (cost < bestCost) {
      best = s;
      bestCost = cost;
    }
  }
  return best;
}

export function fitbitRequestCount(days: number, metricIds: readonly MetricId[]): number {
  const { summarizable, seriesOnly } = seriesGroups(metricIds);
  const s = summaryDays(days, summarizable);
  return s + seriesCost(days - s, summarizable) + seriesCost(days, seriesOnly);
}

function seriesRequests(range: DateRange, group: SeriesGroup, units: UnitSystem): PlannedRequest[] {
  return chunkRange(range, group.maxDays).map((chunk) => ({
    id: `fitbit ${group.collection}/${group.resource} ${chunk.start}..${chunk.end}`,
    method: 'get',
    url: `${FITBIT_API_BASE}/1/user/-/${group.collection}/${group.resource}/date/${chunk.start}/${chunk.end}.json`,
    headers: fitbitHeaders(units),
    shape: 'fitbit-series',
    covers: { start: chunk.start, end: chunk.end, metricIds: [...group.metricIds] },
    units,
  }));
}

function summaryRequest(date: string, metricIds: MetricId[], units: UnitSystem): PlannedRequest {
  return {
    id: `fitbit activities/date ${date}`,
    method: 'get',
    url: `${FITBIT_API_BASE}/1/user/-/activities/date/${date}.json`,
    headers: fitbitHeaders(units),
    shape: 'fitbit-day',
    covers: { start: date, end: date, metricIds: [...metricIds] },
    units,
  };
}

export function planFitbitRequests(
  range: DateRange,
  metricIds: readonly MetricId[],
  units: UnitSystem,
  weightUnit?: WeightUnit,
): PlannedRequest[] {
  const days = dayCount(range);
  if (days === 0) return [];
  const { summarizable, seriesOnly } = seriesGroups(metricIds);
  const s = summaryDays(days, summarizable);
  const planned: PlannedRequest[] = [];
  if (s < days) {
    const seriesRange = { start: range.start, end: addDays(range.end, -s) };
    for (const group of summarizable) planned.push(...seriesRequests(seriesRange, group, units));
  }
  const summaryMetrics = summarizable.flatMap((g) => g.metricIds);
  for (let i = s - 1; i >= 0; i--)
    planned.push(summaryRequest(addDays(range.end, -i), summaryMetrics, units));
  for (const group of seriesOnly) planned.push(...seriesRequests(range, group, units));
  // Fitbit answers weight in the Accept-Language's unit; the parser converts it to a chosen one.
  const ordered = orderByLastDay(planned);
  return weightUnit ? ordered.map((r) => ({ ...r, weightUnit })) : ordered;
}
