// Reads legacy Fitbit Web API data responses (time series and daily summaries) into day values.
/**
 * API: `parseFitbitResponse(request, response)` -> ParseResult.
 * - Time series: `{"activities-<resource>": [{"dateTime": "yyyy-MM-dd", "value": "1234"}]}` (and
 *   `body-<resource>` for weight); values are strings.
 * - Daily summary: numbers under `summary`; distance is `summary.distances[]` where
 *   activity == "total"; fields a device does not record (floors, elevation without an altimeter)
 *   are absent and stay empty.
 * Values are already in the units the request's Accept-Language asked for; they are only rounded
 * to the catalog's decimals. Anything off-shape is 'malformed' and yields no data at all.
 */
import type { HttpResponse } from '../../core/ports';
import type { PlannedRequest } from '../../core/planned-request';
import type { DayValues, ParseResult } from '../../core/day-values';
import { compareDates, isCivilDate } from '../../core/dates';
import { convertBetween, roundTo, unitLabel } from '../../core/units';
import { isRecord, jsonObjectBody } from '../../core/json-body';
import { isMetricId, metric, type MetricId } from '../metrics';

class Malformed extends Error {}

function parseBody(response: HttpResponse): Record<string, unknown> {
  const parsed = jsonObjectBody(response);
  if (!parsed.ok) throw new Malformed(parsed.reason);
  return parsed.body;
}

/** Rounded to the catalog's decimals; weight moved from the system's unit to a chosen one. */
function inChosenUnit(request: PlannedRequest, id: MetricId, value: number): number {
  const def = metric(id);
  const shown = unitLabel(def.quantity, request.units);
  const converted =
    def.quantity === 'weight' && request.weightUnit && shown
      ? convertBetween('weight', value, shown, request.weightUnit)
      : value;
  return roundTo(converted, def.decimals);
}

function metricIdsOf(request: PlannedRequest): MetricId[] {
  return request.covers.metricIds.map((id) => {
    if (!isMetricId(id)) throw new Malformed(`unknown metric ${id} in the plan`);
    return id;
  });
}

function parseSeries(request: PlannedRequest, body: Record<string, unknown>): DayValues {
  const [id] = metricIdsOf(request);
  const src = metric(id).fitbit;
  if (!src || request.covers.metricIds.length !== 1)
    throw new Malformed('not a single-resource series');
  const key = `${src.collection}-${src.resource}`;
  const entries = body[key];
  if (!Array.isArray(entries)) throw new Malformed(`no "${key}" array`);
  const values: DayValues = {};
  for (const entry of entries) {
    if (!isRecord(entry)) throw new Malformed(`"${key}" holds a non-object`);
    const { dateTime, value } = entry;
    if (!isCivilDate(dateTime)) throw new Malformed(`"${key}" has a bad dateTime`);
    if (
      compareDates(dateTime, request.covers.start) < 0 ||
      compareDates(dateTime, request.covers.end) > 0
    ) {
      throw new Malformed(`"${key}" has ${dateTime}, outside the requested range`);
    }
    if (values[dateTime]) throw new Malformed(`"${key}" lists ${dateTime} twice`);
    const number =
      typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : typeof value === 'number'
          ? value
          : NaN;
    if (!Number.isFinite(number))
      throw new Malformed(`"${key}" has a non-numeric value on ${dateTime}`);
    values[dateTime] = { [id]: inChosenUnit(request, id, number) };
  }
  return values;
}

function summaryValue(summary: Record<string, unknown>, field: string): number | undefined {
  if (field === 'distances') {
    const list = summary.distances;
    if (list === undefined) return undefined;
    if (!Array.isArray(list)) throw new Malformed('summary.distances is not an array');
    const total = list.find((d) => isRecord(d) && d.activity === 'total');
    if (total === undefined) return undefined;
    if (typeof total.distance !== 'number' || !Number.isFinite(total.distance)) {
      throw new Malformed('summary.distances total has no numeric distance');
    }
    return total.distance;
  }
  const value = summary[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Malformed(`summary.${field} is not a number`);
  return value;
}

function parseDay(request: PlannedRequest, body: Record<string, unknown>): DayValues {
  const summary = body.summary;
  if (!isRecord(summary)) throw new Malformed('no "summary" object');
  if (request.covers.start !== request.covers.end)
    throw new Malformed('a daily summary covers one day');
  const row: Record<string, number> = {};
  for (const id of metricIdsOf(request)) {
    const field = metric(id).fitbit?.summaryField;
    if (!field) throw new Malformed(`${id} is not in the daily summary`);
    const value = summaryValue(summary, field);
    if (value !== undefined) row[id] = inChosenUnit(request, id, value);
  }
  return { [request.covers.start]: row };
}

export function parseFitbitResponse(request: PlannedRequest, response: HttpResponse): ParseResult {
  try {
    const body = parseBody(response);
    if (request.shape === 'fitbit-series') {
      return { kind: 'ok', requestId: request.id, values: parseSeries(request, body), next: null };
    }
    if (request.shape === 'fitbit-day') {
      return { kind: 'ok', requestId: request.id, values: parseDay(request, body), next: null };
    }
    throw new Malformed(`not a Fitbit request shape: ${request.shape}`);
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    return { kind: 'malformed', requestId: request.id, message: `${request.id}: ${error.message}` };
  }
}
