// One provider setup (chosen provider, client id, client secret, Fitbit app type) in a key-value
// store: a person's own in their user properties, or, read only, the shared one older versions
// kept in script properties. Never sent to the browser as a value.
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

/** A store the add-on may only read: the type keeps writes out, not just a convention. */
export type ReadableStore = Pick<KeyValueStore, 'get'>;

const KEY_PROVIDER = 'setup.provider';
const key = (provider: ProviderId, field: 'clientId' | 'clientSecret' | 'appType') =>
  `setup.${provider}.${field}`;

export function appTypeOf(value: string | null | undefined): FitbitAppType {
  return value === 'client' || value === 'personal' ? value : 'server';
}

/** Reads a setup; the legacy shared setup in script properties is only ever read this way. */
export class SetupReader {
  constructor(protected readonly store: ReadableStore) {}

  chosenProvider(): ProviderId | null {
    const id = this.store.get(KEY_PROVIDER);
    return isProviderId(id) ? id : null;
  }

  /** One provider's complete credentials, or null while its id or secret is missing. */
  credentials(provider: ProviderId): ClientCredentials | null {
    const clientId = this.store.get(key(provider, 'clientId'));
    const clientSecret = this.store.get(key(provider, 'clientSecret'));
    if (!clientId || !clientSecret) return null;
    const credentials: ClientCredentials = { clientId, clientSecret };
    if (provider === 'fitbit')
      credentials.appType = appTypeOf(this.store.get(key(provider, 'appType')));
    return credentials;
  }

  /** The chosen provider with complete credentials, or null while setup is unfinished. */
  current(): ProviderSetup | null {
    const provider = this.chosenProvider();
    if (!provider) return null;
    const credentials = this.credentials(provider);
    return credentials ? { provider, credentials } : null;
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
}

/** A person's own setup, in their user properties: the only setup the add-on writes. */
export class SetupStore extends SetupReader {
  constructor(private readonly writable: KeyValueStore) {
    super(writable);
  }

  /** Saves one provider's setup and makes it the chosen one; a null secret keeps the stored one. */
  save(
    provider: ProviderId,
    clientId: string,
    clientSecret: string | null,
    appType: FitbitAppType,
  ): void {
    this.writable.set(key(provider, 'clientId'), clientId);
    if (clientSecret !== null) this.writable.set(key(provider, 'clientSecret'), clientSecret);
    if (provider === 'fitbit') this.writable.set(key(provider, 'appType'), appType);
    this.writable.set(KEY_PROVIDER, provider);
  }
}
