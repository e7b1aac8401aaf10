// Token life in AuthorizedFetch: one refresh and one retry after a 401, under the lock and only if
// no other execution refreshed first; dead refresh tokens reset the service; account-level states.
import { AuthorizedFetch } from '../../../src/app/authorized-fetch';
import { ConnectionError } from '../../../src/app/connection-error';
import { currentSession } from '../../../src/app/session';
import { FakeHttp, fakeContext, json, SECRET } from './fakes';

const GOOGLE_ID = '1234-abc.apps.googleusercontent.com';
const API = 'https://health.googleapis.com/v4/users/me/identity';

function setup(respond: ConstructorParameters<typeof FakeHttp>[0]) {
  const http = new FakeHttp(respond);
  const f = fakeContext(http);
  f.ctx.setup.save('google-health', GOOGLE_ID, SECRET, 'server');
  f.client.stored = { access_token: 'at-1', refresh_token: 'rt-1' };
  const session = currentSession(f.ctx)!;
  const fetcher = new AuthorizedFetch({
    session,
    http,
    lock: f.ctx.lock,
    connections: f.ctx.connections,
  });
  return { ...f, http, fetcher };
}

const bearer = (h: FakeHttp, i: number) => h.sent[i].headers?.Authorization;

describe('AuthorizedFetch', () => {
  it('adds the access token as a Bearer header', () => {
    const t = setup(() => json(200, {}));
    expect(t.fetcher.fetch({ url: API, method: 'get' }).class.kind).toBe('ok');
    expect(bearer(t.http, 0)).toBe('Bearer at-1');
  });

  it('after a 401 refreshes once under the lock and retries once with the new token', () => {
    const t = setup((r) =>
      r.headers?.Authorization === 'Bearer at-1' ? json(401, {}) : json(200, {}),
    );
    const res = t.fetcher.fetch({ url: API, method: 'get' });
    expect(res.class.kind).toBe('ok');
    expect(t.client.refreshes).toBe(1);
    expect(t.lockCount()).toBe(1);
    expect(t.http.sent.map((r) => r.headers?.Authorization)).toEqual([
      'Bearer at-1',
      'Bearer at-2',
    ]);
  });

  it('does not refresh when another execution already replaced the rejected token', () => {
    const t = setup((r) =>
      r.headers?.Authorization === 'Bearer at-1' ? json(401, {}) : json(200, {}),
    );
    const original = t.client.token.bind(t.client);
    let reads = 0;
    t.client.token = () => {
      // The first read (before sending) sees at-1; by the time the lock is held, at-9 is stored.
      if (++reads > 2) t.client.stored = { access_token: 'at-9', refresh_token: 'rt-2' };
      return original();
    };
    expect(t.fetcher.fetch({ url: API, method: 'get' }).class.kind).toBe('ok');
    expect(t.client.refreshes).toBe(0);
    expect(bearer(t.http, 1)).toBe('Bearer at-9');
  });

  it('retries only the rejected requests of a batch', () => {
    let first = true;
    const t = setup((r) => {
      if (r.url.endsWith('/b') && first) {
        first = false;
        return json(401, {});
      }
      return json(200, { url: r.url });
    });
    const res = t.fetcher.fetchAll([
      { url: 'https://health.googleapis.com/a', method: 'get' },
      { url: 'https://health.googleapis.com/b', method: 'get' },
    ]);
    expect(res.map((r) => r.class.kind)).toEqual(['ok', 'ok']);
    expect(t.http.sent.map((r) => r.url.slice(-1))).toEqual(['a', 'b', 'b']);
  });

  it('a refresh answered invalid_grant resets the service and asks to reconnect', () => {
    const t = setup(() => json(401, {}));
    t.client.refreshError =
      'Error retrieving token: invalid_grant, Token has been expired or revoked.';
    expect(() => t.fetcher.fetch({ url: API, method: 'get' })).toThrow(ConnectionError);
    expect(t.client.resets).toBe(1);
    expect(t.ctx.connections.get('google-health')?.status).toBe('reconnect');
  });

  it('a token still refused right after a refresh means revoked: reset and reconnect', () => {
    const t = setup(() => json(401, {}));
    expect(() => t.fetcher.fetch({ url: API, method: 'get' })).toThrow(/Authorize/);
    expect(t.client.refreshes).toBe(1);
    expect(t.http.sent).toHaveLength(2);
    expect(t.ctx.connections.get('google-health')?.status).toBe('reconnect');
  });

  it('an automatic refresh that failed with invalid_grant resets and asks to reconnect', () => {
    const t = setup(() => json(200, {}));
    t.client.accessValid = false;
    t.client.lastErrorText = 'Error retrieving token: invalid_grant, Bad Request';
    expect(() => t.fetcher.fetch({ url: API, method: 'get' })).toThrow(
      expect.objectContaining({ kind: 'reconnect' }),
    );
    expect(t.http.sent).toHaveLength(0);
    expect(t.client.resets).toBe(1);
  });

  it('an automatic refresh that failed transiently keeps the token', () => {
    const t = setup(() => json(200, {}));
    t.client.accessValid = false;
    t.client.lastErrorText = 'Error retrieving token: 503: {}';
    expect(() => t.fetcher.fetch({ url: API, method: 'get' })).toThrow(
      expect.objectContaining({ kind: 'transient' }),
    );
    expect(t.client.resets).toBe(0);
  });

  it.each([
    'Token response not valid JSON',
    'Exception: Address unavailable: https://oauth2.googleapis.com/token',
    'Error retrieving token: temporarily_unavailable',
    'Error retrieving token: invalid_request, Bad Request',
  ])('a refresh that failed with "%s" keeps the token and says it retries', (text) => {
    const t = setup(() => json(200, {}));
    t.client.accessValid = false;
    t.client.lastErrorText = text;
    expect(() => t.fetcher.fetch({ url: API, method: 'get' })).toThrow(
      expect.objectContaining({
        kind: 'transient',
        message: expect.stringMatching(/could not be reached, retrying/),
      }),
    );
    expect(t.client.resets).toBe(0);
    expect(t.ctx.connections.get('google-health')?.status).not.toBe('reconnect');
  });

  it('invalid_client keeps the token and names the setup as the problem', () => {
    const t = setup(() => json(200, {}));
    t.client.accessValid = false;
    t.client.lastErrorText = 'Error retrieving token: invalid_client, Unauthorized';
    expect(() => t.fetcher.fetch({ url: API, method: 'get' })).toThrow(
      expect.objectContaining({
        kind: 'setup',
        message: expect.stringMatching(/OAuth client in Setup/),
      }),
    );
    expect(t.client.resets).toBe(0);
  });

  it('without a token it says not connected and sends nothing', () => {
    const t = setup(() => json(200, {}));
    t.client.stored = null;
    expect(() => t.fetcher.fetch({ url: API, method: 'get' })).toThrow(
      expect.objectContaining({ kind: 'not-connected' }),
    );
    expect(t.http.sent).toHaveLength(0);
  });

  it('ACCOUNT_NOT_LINKED records the sign-up link', () => {
    const t = setup(() =>
      json(400, {
        error: {
          code: 400,
          status: 'FAILED_PRECONDITION',
          message: 'x',
          details: [
            { reason: 'ACCOUNT_NOT_LINKED', metadata: { redirect_uri: 'https://signup.example/' } },
          ],
        },
      }),
    );
    expect(() => t.fetcher.fetch({ url: API, method: 'get' })).toThrow(
      expect.objectContaining({ kind: 'account-not-linked' }),
    );
    expect(t.ctx.connections.get('google-health')?.signUpUrl).toBe('https://signup.example/');
  });

  it('passes the current token to request builders', () => {
    const t = setup(() => json(200, {}));
    t.fetcher.fetch((token) => ({ url: API, method: 'post', payload: { token } }));
    expect(t.http.sent[0].payload).toEqual({ token: 'at-1' });
  });
});

describe('AuthorizedFetch on the legacy Fitbit API', () => {
  it('410 records the retired state', () => {
    const http = new FakeHttp(() => ({ status: 410, headers: {}, body: '' }));
    const f = fakeContext(http);
    f.ctx.setup.save('fitbit', '23ABCD', SECRET, 'server');
    f.client.stored = { access_token: 'at-1', refresh_token: 'rt-1' };
    const fetcher = new AuthorizedFetch({
      session: currentSession(f.ctx)!,
      http,
      lock: f.ctx.lock,
      connections: f.ctx.connections,
    });
    expect(() =>
      fetcher.fetch({ url: 'https://api.fitbit.com/1/user/-/profile.json', method: 'get' }),
    ).toThrow(/2 Nov 2026/);
    expect(f.ctx.connections.get('fitbit')?.status).toBe('retired');
  });
});
