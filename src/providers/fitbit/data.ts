// The legacy Fitbit Web API's data side (DataSource): activity time series, daily summaries and
// the body weight series.
import type { DataSource } from '../data-source';
import { columnsFor, scopesForMetrics, supportedMetricIds } from '../metrics';
import { planFitbitRequests } from './data-plan';
import { parseFitbitResponse } from './data-parse';

export const fitbitDataSource: DataSource = {
  providerId: 'fitbit',
  supportedMetricIds: (ids) => supportedMetricIds('fitbit', ids),
  columns: (ids, units, weightUnit) => columnsFor('fitbit', ids, units, weightUnit),
  scopesFor: (ids) => scopesForMetrics('fitbit', ids),
  plan: planFitbitRequests,
  parse: parseFitbitResponse,
};
