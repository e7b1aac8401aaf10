// The providers the add-on offers, by id: the only place that lists them.
import { fitbitProvider } from '../providers/fitbit';
import { googleHealthProvider } from '../providers/google-health';
import type { Provider, ProviderId } from '../providers/provider';

const PROVIDERS: Record<ProviderId, Provider> = {
  'google-health': googleHealthProvider,
  fitbit: fitbitProvider,
};

export function providerById(id: ProviderId): Provider {
  return PROVIDERS[id];
}
