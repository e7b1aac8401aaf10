// Which OAuth scopes the add-on asks for: those of the metrics this spreadsheet reads, never all.
import type { KeyValueStore } from '../core/ports';
import { DEFAULT_METRIC_IDS, isMetricId, type MetricId } from '../providers/metrics';
import type { Provider } from '../providers/provider';

/** Document property holding the chosen metric ids (JSON array); absent: the default metrics. */
export const METRICS_KEY = 'addon.metrics';

/** The metrics chosen for this spreadsheet; a web request (authCallback) has no document. */
export function selectedMetricIds(documentStore: KeyValueStore | null): readonly MetricId[] {
  const raw = documentStore?.get(METRICS_KEY);
  if (!raw) return DEFAULT_METRIC_IDS;
  try {
    const ids = (JSON.parse(raw) as unknown[]).filter(isMetricId);
    return ids.length > 0 ? ids : DEFAULT_METRIC_IDS;
  } catch {
    return DEFAULT_METRIC_IDS;
  }
}

export function requestedScopes(
  provider: Provider,
  metricIds: readonly string[] = DEFAULT_METRIC_IDS,
): string[] {
  return provider.oauth.scopesFor(metricIds);
}
