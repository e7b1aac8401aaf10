// Which OAuth scopes the add-on asks for: those of the metrics it reads, never all of them.
import { DEFAULT_METRIC_IDS } from '../providers/metrics';
import type { Provider } from '../providers/provider';

export function requestedScopes(
  provider: Provider,
  metricIds: readonly string[] = DEFAULT_METRIC_IDS,
): string[] {
  return provider.oauth.scopesFor(metricIds);
}
