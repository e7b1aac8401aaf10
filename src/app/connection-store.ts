// What the add-on remembers about the current user's connection beyond the token the OAuth2
// library stores: account id, a state that needs the person's action, pending consent requests.
import type { KeyValueStore } from '../core/ports';
import type { ProviderId } from '../providers/provider';

export type ConnectionStatus = 'connected' | 'reconnect' | 'retired' | 'account-not-linked';

export interface ConnectionRecord {
  status: ConnectionStatus;
  accountId: string | null;
  /** Scopes asked for when this connection was made (to tell what the person left out). */
  requestedScopes: string[];
  signUpUrl: string | null;
  /** Short safe reason code of the last failure (e.g. "invalid_grant"), for the status line. */
  reason: string | null;
}

/** A consent request started from this user's sidebar or menu and not completed yet. */
export interface PendingConsent {
  nonce: string;
  provider: ProviderId;
  issuedAtMs: number;
  requestedScopes: string[];
}

const MAX_PENDING = 5;
const recordKey = (provider: ProviderId) => `addon.connection.${provider}`;
const PENDING_KEY = 'addon.pendingConsent';

function parse<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export class ConnectionStore {
  constructor(private readonly userStore: KeyValueStore) {}

  get(provider: ProviderId): ConnectionRecord | null {
    return parse<ConnectionRecord>(this.userStore.get(recordKey(provider)));
  }

  put(provider: ProviderId, record: ConnectionRecord): void {
    this.userStore.set(recordKey(provider), JSON.stringify(record));
  }

  update(provider: ProviderId, change: Partial<ConnectionRecord>): void {
    const base: ConnectionRecord = this.get(provider) ?? {
      status: 'connected',
      accountId: null,
      requestedScopes: [],
      signUpUrl: null,
      reason: null,
    };
    this.put(provider, { ...base, ...change });
  }

  clear(provider: ProviderId): void {
    this.userStore.delete(recordKey(provider));
  }

  pending(): PendingConsent[] {
    const list = parse<PendingConsent[]>(this.userStore.get(PENDING_KEY));
    return Array.isArray(list) ? list : [];
  }

  addPending(entry: PendingConsent): void {
    const list = [...this.pending(), entry].slice(-MAX_PENDING);
    this.userStore.set(PENDING_KEY, JSON.stringify(list));
  }

  /** Removes and returns the pending consent with this nonce (null: unknown or already used). */
  takePending(nonce: string): PendingConsent | null {
    const list = this.pending();
    const found = list.find((p) => p.nonce === nonce) ?? null;
    if (found) {
      const rest = list.filter((p) => p.nonce !== nonce);
      if (rest.length) this.userStore.set(PENDING_KEY, JSON.stringify(rest));
      else this.userStore.delete(PENDING_KEY);
    }
    return found;
  }

  clearPending(provider: ProviderId): void {
    const rest = this.pending().filter((p) => p.provider !== provider);
    if (rest.length) this.userStore.set(PENDING_KEY, JSON.stringify(rest));
    else this.userStore.delete(PENDING_KEY);
  }
}
