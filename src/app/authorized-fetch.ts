// Authorized requests for every API call of the add-on: adds the access token, refreshes once
// after a 401 (under the user lock, so a single-use refresh token is never spent twice), and turns
// account-level failures into a ConnectionError plus a status the sidebar shows. Only a token
// the provider explicitly declares dead (invalid_grant, a revoked token) resets the connection.
import type { Http, HttpRequest, HttpResponse } from '../core/ports';
import type { ResponseClass, TokenFailure } from '../providers/provider';
import { ConnectionError } from './connection-error';
import type { ConnectionStore } from './connection-store';
import { MESSAGES } from './messages';
import { errorMessage } from './sanitize';
import type { UserLock } from './oauth-client';
import type { Session } from './session';

/** A request, or a builder for requests that carry the access token elsewhere too. */
export type AuthorizedRequest = HttpRequest | ((accessToken: string) => HttpRequest);

export interface ClassifiedResponse {
  response: HttpResponse;
  class: ResponseClass;
}

export interface AuthorizedFetchDeps {
  session: Session;
  http: Http;
  lock: UserLock;
  connections: ConnectionStore;
}

const needsRefresh = (c: ResponseClass) => c.kind === 'expired-token' || c.kind === 'revoked';

export class AuthorizedFetch {
  constructor(private readonly deps: AuthorizedFetchDeps) {}

  /**
   * Sends the requests in parallel and returns each response with its class, in order. Throws
   * ConnectionError when the account needs the person (reconnect, retired, no health profile) or
   * when the provider could not refresh the token right now (transient).
   */
  fetchAll(requests: readonly AuthorizedRequest[]): ClassifiedResponse[] {
    if (requests.length === 0) return [];
    const token = this.accessToken();
    const results = this.send(requests, token);
    const rejected = results.map((r, i) => (needsRefresh(r.class) ? i : -1)).filter((i) => i >= 0);
    if (rejected.length > 0) {
      const fresh = this.refreshAfterRejection(token);
      const retried = this.send(
        rejected.map((i) => requests[i]),
        fresh,
      );
      rejected.forEach((index, k) => (results[index] = retried[k]));
      if (retried.some((r) => needsRefresh(r.class))) {
        // A token fresh from the token endpoint is still refused: access was revoked.
        this.needReconnect('rejected');
      }
    }
    this.recordAccountState(results);
    return results;
  }

  /** One request; same rules as fetchAll. */
  fetch(request: AuthorizedRequest): ClassifiedResponse {
    return this.fetchAll([request])[0];
  }

  private send(requests: readonly AuthorizedRequest[], token: string): ClassifiedResponse[] {
    const built = requests.map((r) => {
      const req = typeof r === 'function' ? r(token) : r;
      return { ...req, headers: { ...(req.headers ?? {}), Authorization: `Bearer ${token}` } };
    });
    const responses = this.deps.http.fetchAll(built);
    return responses.map((response) => ({
      response,
      class: this.deps.session.provider.classify(response),
    }));
  }

  /** A usable access token; the library refreshes an expiring one under the lock itself. */
  private accessToken(): string {
    const { client } = this.deps.session;
    const stored = client.token();
    if (!stored) throw new ConnectionError('not-connected', MESSAGES.notConnected);
    if (client.hasAccess()) {
      const token = client.token()?.access_token;
      if (typeof token === 'string' && token) return token;
    }
    const error = client.lastError();
    if (!error || !stored.refresh_token) this.needReconnect('no_refresh_token');
    return this.failRefresh(this.deps.session.provider.oauth.classifyTokenError(error as string));
  }

  /**
   * The library only refreshes before expiry, never because an API said 401 (OAuth2 library
   * contract). Take the same user lock it uses, re-read the stored token skipping this
   * execution's memory copy, and refresh only if no other execution already did.
   */
  private refreshAfterRejection(rejected: string): string {
    const { client, provider } = this.deps.session;
    return this.deps.lock.withLock(() => {
      const current = client.token(true)?.access_token;
      if (typeof current === 'string' && current && current !== rejected) return current;
      try {
        client.refresh();
      } catch (e) {
        return this.failRefresh(provider.oauth.classifyTokenError(errorMessage(e)));
      }
      const token = client.token(true)?.access_token;
      if (typeof token !== 'string' || !token) return this.needReconnect('no_access_token');
      return token;
    });
  }

  private failRefresh(failure: TokenFailure): never {
    const { provider } = this.deps.session;
    console.warn(`${provider.id} token refresh failed: ${failure.kind}`);
    switch (failure.kind) {
      case 'retired':
        this.deps.connections.update(provider.id, { status: 'retired', reason: 'gone' });
        throw new ConnectionError('retired', MESSAGES.retired);
      case 'invalid-grant':
        // The refresh token was used, revoked or expired: the stored token is dead weight.
        return this.needReconnect(failure.code);
      case 'invalid-client':
        // The client is wrong, not the person's grant: a fixed setup makes the token work again.
        throw new ConnectionError('setup', MESSAGES.badClient(provider.label));
      default:
        // Unreachable, an HTML error page, 5xx, 429, a timeout, or an answer that proves
        // nothing about the token: keep it, the next run retries.
        throw new ConnectionError('transient', MESSAGES.transient(provider.label));
    }
  }

  private needReconnect(reason: string): never {
    const { client, provider } = this.deps.session;
    client.reset();
    this.deps.connections.update(provider.id, { status: 'reconnect', reason, accountId: null });
    throw new ConnectionError('reconnect', MESSAGES.reconnect(provider.label));
  }

  private recordAccountState(results: ClassifiedResponse[]): void {
    const { provider } = this.deps.session;
    for (const { class: c } of results) {
      if (c.kind === 'retired') {
        this.deps.connections.update(provider.id, { status: 'retired', reason: 'gone' });
        throw new ConnectionError('retired', MESSAGES.retired);
      }
      if (c.kind === 'service-disabled') {
        // A setup step in the client's Cloud project, not the person's grant: keep the token.
        throw new ConnectionError('setup', MESSAGES.serviceDisabled(c.project, c.enableUrl));
      }
      if (c.kind === 'account-not-linked') {
        this.deps.connections.update(provider.id, {
          status: 'account-not-linked',
          signUpUrl: c.signUpUrl,
        });
        throw new ConnectionError(
          'account-not-linked',
          c.signUpUrl ? MESSAGES.accountNotLinked : MESSAGES.accountNotLinkedNoLink,
        );
      }
    }
  }
}
