// The current user's session with the configured provider: setup, provider and OAuth client.
import type { Provider } from '../providers/provider';
import type { AppContext } from './context';
import type { OAuthClient } from './oauth-client';
import { providerById } from './providers';
import { requestedScopes, selectedMetricIds } from './scopes';
import type { ProviderSetup } from './setup-store';
import { recordSheetScopes } from '../providers/record-sheets';
import { selectedRecordSheets } from './record-sheet-settings';

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
  const doc = ctx.documentStore;
  // The record sheets turned on need their scopes too (Exercises: activity and fitness).
  const scopes = [
    ...new Set([
      ...requestedScopes(provider, selectedMetricIds(doc)),
      ...recordSheetScopes(provider.id, selectedRecordSheets(doc)),
    ]),
  ];
  return { provider, setup, scopes, client: ctx.oauthClient(provider, setup.credentials, scopes) };
}
