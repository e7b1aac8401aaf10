// The Google Health API v4's data side (DataSource): one dailyRollUp per data type and chunk.
import type { DataSource } from '../data-source';
import { columnsFor, scopesForMetrics, supportedMetricIds } from '../metrics';
import { planGoogleHealthRequests } from './data-plan';
import { parseGoogleHealthResponse } from './data-parse';
import { deriveBmi } from './bmi';
import { parseMinuteRollup } from './intraday-parse';

export const googleHealthDataSource: DataSource = {
  providerId: 'google-health',
  supportedMetricIds: (ids) => supportedMetricIds('google-health', ids),
  columns: (ids, units, weightUnit) => columnsFor('google-health', ids, units, weightUnit),
  scopesFor: (ids) => scopesForMetrics('google-health', ids),
  plan: planGoogleHealthRequests,
  // Intraday minutes are records keyed by local time; every other shape is read by data-parse.
  parse: (request, response) =>
    request.shape === 'google-minute-rollup'
      ? parseMinuteRollup(request, response)
      : parseGoogleHealthResponse(request, response),
  derive: deriveBmi,
};
