// The providers the add-on offers, by id: the only place that lists them.
import type { DataSource } from '../providers/data-source';
import { fitbitProvider } from '../providers/fitbit';
import { fitbitDataSource } from '../providers/fitbit/data';
import { googleHealthProvider } from '../providers/google-health';
import { googleHealthDataSource } from '../providers/google-health/data';
import type { Provider, ProviderId } from '../providers/provider';

const PROVIDERS: Record<ProviderId, Provider> = {
  'google-health': googleHealthProvider,
  fitbit: fitbitProvider,
};

const DATA_SOURCES: Record<ProviderId, DataSource> = {
  'google-health': googleHealthDataSource,
  fitbit: fitbitDataSource,
};

export function providerById(id: ProviderId): Provider {
  return PROVIDERS[id];
}

/** The provider's data side: which metrics it supplies, how to plan and read its requests. */
export function dataSourceFor(id: ProviderId): DataSource {
  return DATA_SOURCES[id];
}
