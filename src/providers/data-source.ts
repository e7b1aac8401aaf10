// The data side both providers implement: which metrics they supply, which scopes those need,
// how to plan the requests for a date range, and how to read the answers.
/**
 * API:
 * - `DataSource`: { providerId, supportedMetricIds(ids), columns(ids, units, weightUnit?),
 *   scopesFor(ids), plan(range, ids, units, weightUnit?, records?), parse(request, response),
 *   derive? }. `records`: the record sheets to fill too (record-sheets.ts says which a provider
 *   supplies; others are not planned).
 * The implementations live in fitbit/data.ts and google-health/data.ts; app/providers.ts picks one
 * by provider id (`dataSourceFor`), so this file imports neither and they import only its type.
 * Plans are pure functions of (range, metric ids, units): re-planning after a pause gives the same
 * requests in the same order, which is what lets a checkpoint store indices instead of requests.
 * `parse` expects a response the provider's `classify` judged 'ok'; anything else, or any body
 * off the documented shape, comes back as { kind: 'malformed' } naming the request.
 */
import type { HttpResponse } from '../core/ports';
import type { DateRange } from '../core/dates';
import type { PlannedRequest } from '../core/planned-request';
import type { DayCells, ParseResult } from '../core/day-values';
import type { UnitSystem, WeightUnit } from '../core/units';
import type { RecordSheetId } from '../core/records';
import type { ProviderId } from './provider';
import type { MetricColumn, MetricId } from './metrics';

export interface DataSource {
  readonly providerId: ProviderId;
  /** The given metrics this provider can supply, in column order. */
  supportedMetricIds(ids: readonly MetricId[]): MetricId[];
  /** Sheet columns (header per metric) for the supported metrics, in column order. */
  columns(ids: readonly MetricId[], units: UnitSystem, weightUnit?: WeightUnit): MetricColumn[];
  /** OAuth scopes the metrics need: ask for these, never for every scope. */
  scopesFor(ids: readonly MetricId[]): string[];
  /** The fewest requests covering every day of the inclusive range for the supported metrics. */
  plan(
    range: DateRange,
    ids: readonly MetricId[],
    units: UnitSystem,
    weightUnit?: WeightUnit,
    records?: readonly RecordSheetId[],
  ): PlannedRequest[];
  /** Day values from one answer, or 'malformed'; `next` is the follow-up page request, if any. */
  parse(request: PlannedRequest, response: HttpResponse): ParseResult;
  /**
   * A complete day's cells with the derived metrics computed from their ingredient keys (Google
   * Health's BMI from weight and height); absent when the provider derives nothing.
   */
  derive?(cells: DayCells[string]): DayCells[string];
}
