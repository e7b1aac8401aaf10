// Provider setup (chosen provider, client id, client secret, Fitbit app type) in SCRIPT
// properties: shared by every user of the script, never sent to the browser as a value.
import type { KeyValueStore } from '../core/ports';
import {
  isProviderId,
  type ClientCredentials,
  type FitbitAppType,
  type ProviderId,
} from '../providers/provider';

export interface ProviderSetup {
  provider: ProviderId;
  credentials: ClientCredentials;
}

/** What the sidebar may know about a provider's setup: never the secret itself. */
export interface SetupSummary {
  clientId: string;
  secretSet: boolean;
  appType: FitbitAppType;
}

const KEY_PROVIDER = 'setup.provider';
const key = (provider: ProviderId, field: 'clientId' | 'clientSecret' | 'appType') =>
  `setup.${provider}.${field}`;

function appTypeOf(value: string | null): FitbitAppType {
  return value === 'client' || value === 'personal' ? value : 'server';
}

export class SetupStore {
  constructor(private readonly store: KeyValueStore) {}

  chosenProvider(): ProviderId | null {
    const id = this.store.get(KEY_PROVIDER);
    return isProviderId(id) ? id : null;
  }

  /** The chosen provider with complete credentials, or null while setup is unfinished. */
  current(): ProviderSetup | null {
    const provider = this.chosenProvider();
    if (!provider) return null;
    const clientId = this.store.get(key(provider, 'clientId'));
    const clientSecret = this.store.get(key(provider, 'clientSecret'));
    if (!clientId || !clientSecret) return null;
    const credentials: ClientCredentials = { clientId, clientSecret };
    if (provider === 'fitbit')
      credentials.appType = appTypeOf(this.store.get(key(provider, 'appType')));
    return { provider, credentials };
  }

  summary(provider: ProviderId): SetupSummary {
    return {
      clientId: this.store.get(key(provider, 'clientId')) ?? '',
      secretSet: !!this.store.get(key(provider, 'clientSecret')),
      appType: appTypeOf(this.store.get(key(provider, 'appType'))),
    };
  }

  hasSecret(provider: ProviderId): boolean {
    return !!this.store.get(key(provider, 'clientSecret'));
  }

  clientId(provider: ProviderId): string | null {
    return this.store.get(key(provider, 'clientId'));
  }

  /** Saves one provider's setup and makes it the chosen one; a null secret keeps the stored one. */
  save(
    provider: ProviderId,
    clientId: string,
    clientSecret: string | null,
    appType: FitbitAppType,
  ): void {
    this.store.set(key(provider, 'clientId'), clientId);
    if (clientSecret !== null) this.store.set(key(provider, 'clientSecret'), clientSecret);
    if (provider === 'fitbit') this.store.set(key(provider, 'appType'), appType);
    this.store.set(KEY_PROVIDER, provider);
  }
}
