// Which OAuth scopes the add-on asks for: those of the metrics it reads, never all of them.
import type { Provider } from '../providers/provider';

/**
 * Metric ids the add-on reads until the person can choose: steps and the other daily activity
 * values, all covered by the provider's activity scope.
 */
export const DEFAULT_METRIC_IDS: readonly string[] = [
  'steps',
  'distance',
  'floors',
  'calories',
  'activeCalories',
  'sedentaryMinutes',
  'lightlyActiveMinutes',
  'fairlyActiveMinutes',
  'veryActiveMinutes',
  'elevation',
  'caloriesBMR',
];

export function requestedScopes(
  provider: Provider,
  metricIds: readonly string[] = DEFAULT_METRIC_IDS,
): string[] {
  return provider.oauth.scopesFor(metricIds);
}
