// The current user's session with the configured provider: setup, provider and OAuth client.
import type { Provider } from '../providers/provider';
import type { AppContext } from './context';
import type { OAuthClient } from './oauth-client';
import { providerById } from './providers';
import { requestedScopes, selectedMetricIds } from './scopes';
import type { ProviderSetup } from './setup-store';

export interface Session {
  provider: Provider;
  setup: ProviderSetup;
  client: OAuthClient;
  scopes: string[];
}

/** Null until setup names a provider and holds its client id and secret. */
export function currentSession(ctx: AppContext): Session | null {
  const setup = ctx.setup.current();
  if (!setup) return null;
  const provider = providerById(setup.provider);
  const scopes = requestedScopes(provider, selectedMetricIds(ctx.documentStore));
  return { provider, setup, scopes, client: ctx.oauthClient(provider, setup.credentials, scopes) };
}
