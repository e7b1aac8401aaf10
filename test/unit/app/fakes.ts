// In-memory stand-ins for the AppContext ports, for unit tests of the connect use cases.
import type { HttpRequest, HttpResponse, KeyValueStore } from '../../../src/core/ports';
import { ConnectionStore } from '../../../src/app/connection-store';
import type { AppContext } from '../../../src/app/context';
import type { OAuthClient } from '../../../src/app/oauth-client';
import { ClientSetup } from '../../../src/app/client-setup';
import { SetupStore } from '../../../src/app/setup-store';
import type { StoredToken } from '../../../src/providers/provider';

export class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  get = (k: string) => this.map.get(k) ?? null;
  set = (k: string, v: string) => void this.map.set(k, v);
  delete = (k: string) => void this.map.delete(k);
}

export const SECRET = 'S3cr3t-client-secret-value';

/** A fake OAuth client over a token slot that tests (and "other executions") can change. */
export class FakeOAuthClient implements OAuthClient {
  stored: StoredToken | null = null;
  refreshes = 0;
  resets = 0;
  refreshError: string | null = null;
  callbackError: string | null = null;
  accessValid = true;
  lastErrorText: string | null = null;
  onRefresh: (() => void) | null = null;
  authorizationUrl(args: Record<string, string>): string {
    return 'https://provider.example/authorize?' + new URLSearchParams(args).toString();
  }
  handleCallback(p: Record<string, string>): boolean {
    if (p.error === 'access_denied') return false;
    if (this.callbackError) throw new Error(this.callbackError);
    this.stored = { access_token: 'at-1', refresh_token: 'rt-1', scope: p.grantedScope ?? '' };
    return true;
  }
  token(): StoredToken | null {
    return this.stored;
  }
  hasAccess(): boolean {
    return !!this.stored && this.accessValid;
  }
  lastError(): string | null {
    return this.lastErrorText;
  }
  refresh(): void {
    this.refreshes++;
    this.onRefresh?.();
    if (this.refreshError) throw new Error(this.refreshError);
    this.stored = { ...this.stored, access_token: `at-${this.refreshes + 1}` };
  }
  reset(): void {
    this.resets++;
    this.stored = null;
  }
}

export class FakeHttp {
  readonly sent: HttpRequest[] = [];
  constructor(public respond: (req: HttpRequest) => HttpResponse) {}
  fetchAll = (reqs: HttpRequest[]) =>
    reqs.map((r) => {
      this.sent.push(r);
      return this.respond(r);
    });
}

export const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: {},
  body: JSON.stringify(body),
});

export function fakeContext(http: FakeHttp, client = new FakeOAuthClient()) {
  const script = new MemoryStore();
  const user = new MemoryStore();
  let now = Date.UTC(2026, 10, 22, 12);
  let locks = 0;
  let nonces = 0;
  const ctx: AppContext = {
    // The person's own setup in their user properties; script properties only read.
    setup: new ClientSetup({
      script,
      personal: new SetupStore(user),
      hasToken: () => client.stored !== null,
    }),
    connections: new ConnectionStore(user),
    documentStore: null,
    http,
    clock: { now: () => now },
    lock: {
      withLock<T>(fn: () => T): T {
        locks++;
        return fn();
      },
    },
    redirectUri: () => 'https://script.google.com/macros/d/SCRIPT/usercallback',
    newNonce: () => `nonce-${++nonces}`,
    oauthClient: () => client,
  };
  return {
    ctx,
    client,
    script,
    user,
    advance: (ms: number) => (now += ms),
    lockCount: () => locks,
  };
}
