// Contract of expiry, hasAccess, refresh under the lock, getAccessToken and getLastError.
import { generateKeyPairSync } from 'node:crypto';
import { execution, FakeCache, FakeLock, FakeProperties, fakeUtilities, LockState } from './fakes';

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const T0s = T0 / 1000;

beforeEach(() => jest.useFakeTimers({ now: T0 }));
afterEach(() => jest.useRealTimers());

interface Shared {
  properties: FakeProperties;
  cache: FakeCache;
  lockState: LockState;
}

function shared(): Shared {
  return { properties: new FakeProperties(), cache: new FakeCache(), lockState: new LockState() };
}

/** One execution's service over shared stores and lock, configured like the add-on's. */
function run(name: string, s: Shared, configure?: (svc: ReturnType<typeof base>) => void) {
  const ex = execution(s);
  const lock = new FakeLock(name, s.lockState);
  const svc = base(ex.lib.createService('fitbit'))
    .setPropertyStore(s.properties)
    .setCache(s.cache)
    .setLock(lock);
  configure?.(svc);
  return { ...ex, lock, service: svc };
}

function base(svc: ReturnType<ReturnType<typeof execution>['lib']['createService']>) {
  return svc
    .setAuthorizationBaseUrl('https://www.fitbit.com/oauth2/authorize')
    .setTokenUrl('https://api.fitbit.com/oauth2/token')
    .setClientId('CLIENT')
    .setClientSecret('SECRET')
    .setCallbackFunction('authCallback');
}

function store(s: Shared, token: object) {
  s.properties.setProperty('oauth2.fitbit', JSON.stringify(token));
}

const stored = (s: Shared) => JSON.parse(s.properties.data.get('oauth2.fitbit') as string);

describe('expiry', () => {
  test('a token with 61 s left is valid; with 59 s left it is expired (60 s buffer)', () => {
    const s = shared();
    store(s, { access_token: 'A', expiresAt: T0s + 61 });
    expect(run('e1', s).service.hasAccess()).toBe(true);
    const s2 = shared();
    store(s2, { access_token: 'A', expiresAt: T0s + 59 });
    expect(run('e2', s2).service.hasAccess()).toBe(false);
  });

  test('a token without expiry fields never expires', () => {
    const s = shared();
    store(s, { access_token: 'A' });
    const { service } = run('e1', s);
    jest.setSystemTime(T0 + 10 * 365 * 86400_000);
    expect(service.hasAccess()).toBe(true);
    expect(service.getAccessToken()).toBe('A');
  });

  test('a token stored by an old library version expires from granted_time + expires_in', () => {
    const s = shared();
    store(s, { access_token: 'A', granted_time: T0s - 3600, expires_in: 3600, expiresAt: 0 });
    const { service } = run('e1', s);
    expect(service.isExpired_(service.getToken()!)).toBe(true);
  });

  test('an id_token whose exp is within 60 s makes the token expired', () => {
    const s = shared();
    const payload = fakeUtilities.base64EncodeWebSafe(JSON.stringify({ exp: T0s + 30 }));
    store(s, { access_token: 'A', id_token: `h.${payload}.sig` });
    expect(run('e1', s).service.hasAccess()).toBe(false);
  });

  test('an unexpired token gives access without touching the lock', () => {
    const s = shared();
    store(s, { access_token: 'A', refresh_token: 'R', expiresAt: T0s + 3600 });
    const { service, lock, urlFetch } = run('e1', s);
    expect(service.getAccessToken()).toBe('A');
    expect(lock.calls).toEqual([]);
    expect(urlFetch.requests).toEqual([]);
  });

  test('no token: hasAccess is false and getAccessToken throws "Access not granted or expired."', () => {
    const { service, lock } = run('e1', shared());
    expect(service.hasAccess()).toBe(false);
    expect(() => service.getAccessToken()).toThrow('Access not granted or expired.');
    expect(() => service.getIdToken()).toThrow('Access not granted or expired.');
    expect(lock.calls).toEqual([]);
  });
});

describe('refresh through hasAccess', () => {
  test('refreshes under the lock: waitLock(30000), POST refresh grant, saves, releases', () => {
    const s = shared();
    store(s, { access_token: 'OLD', refresh_token: 'R1', expiresAt: T0s - 10 });
    const { service, lock, urlFetch } = run('e1', s, (svc) =>
      svc.setTokenHeaders({ Authorization: 'Basic xyz' }),
    );
    urlFetch.respond(200, { access_token: 'NEW', refresh_token: 'R2', expires_in: 28800 });
    expect(service.getAccessToken()).toBe('NEW');
    expect(lock.calls).toEqual([['waitLock', 30000], ['releaseLock']]);
    expect(s.lockState.holder).toBeNull();
    expect(urlFetch.requests).toHaveLength(1);
    const { url, params } = urlFetch.requests[0];
    expect(url).toBe('https://api.fitbit.com/oauth2/token');
    expect(params).toMatchObject({ method: 'post', muteHttpExceptions: true });
    expect(params.headers).toEqual({ Accept: 'application/json', Authorization: 'Basic xyz' });
    expect(params.payload).toEqual({
      refresh_token: 'R1',
      client_id: 'CLIENT',
      client_secret: 'SECRET',
      grant_type: 'refresh_token',
    });
    expect(stored(s)).toMatchObject({
      access_token: 'NEW',
      refresh_token: 'R2',
      expiresAt: T0s + 28800,
    });
  });

  test('a second execution waiting for the lock re-reads the token and does not refresh again', () => {
    const s = shared();
    store(s, { access_token: 'OLD', refresh_token: 'R1', expiresAt: T0s - 10 });
    const second = run('e2', s);
    // e2 reads the expired token into its memory first.
    expect(second.service.getToken()).toMatchObject({ access_token: 'OLD' });
    // While e2 waits for the lock, e1 refreshes and saves.
    second.lock.whileWaiting = () => {
      const first = run('e1', s);
      first.urlFetch.respond(200, { access_token: 'NEW', refresh_token: 'R2', expires_in: 3600 });
      first.service.refresh();
    };
    expect(second.service.getAccessToken()).toBe('NEW');
    expect(second.urlFetch.requests).toHaveLength(0);
    expect(second.lock.calls).toEqual([['waitLock', 30000], ['releaseLock']]);
  });

  test('a lock timeout throws out of hasAccess', () => {
    const s = shared();
    store(s, { access_token: 'OLD', refresh_token: 'R1', expiresAt: T0s - 10 });
    s.lockState.holder = 'someone-else';
    const { service } = run('e1', s);
    expect(() => service.hasAccess()).toThrow(/Lock timeout/);
  });

  test('a failed refresh goes to getLastError, hasAccess is false, the old token stays', () => {
    const s = shared();
    const old = { access_token: 'OLD', refresh_token: 'R1', expiresAt: T0s - 10 };
    store(s, old);
    const { service, urlFetch, lock } = run('e1', s);
    const body = {
      errors: [{ errorType: 'invalid_grant', message: 'Refresh token invalid: R1' }],
      success: false,
    };
    urlFetch.respond(400, body);
    expect(service.getLastError()).toBeUndefined();
    expect(service.hasAccess()).toBe(false);
    expect((service.getLastError() as Error).message).toBe(
      'Error retrieving token: 400: ' + JSON.stringify(body),
    );
    expect(stored(s)).toEqual(old);
    // The error is caught inside the locked block, so the lock is still released.
    expect(lock.calls).toEqual([['waitLock', 30000], ['releaseLock']]);
  });

  test('the missing client secret is a refresh error: caught into getLastError', () => {
    const s = shared();
    store(s, { access_token: 'OLD', refresh_token: 'R1', expiresAt: T0s - 10 });
    const { service, urlFetch } = run('e1', s, (svc) => svc.setClientSecret(''));
    expect(service.hasAccess()).toBe(false);
    expect((service.getLastError() as Error).message).toBe('Client Secret is required.');
    expect(urlFetch.requests).toHaveLength(0);
  });

  test('an expired token without refresh_token gives false without the lock', () => {
    const s = shared();
    store(s, { access_token: 'OLD', expiresAt: T0s - 10 });
    const { service, lock } = run('e1', s);
    expect(service.hasAccess()).toBe(false);
    expect(lock.calls).toEqual([]);
  });

  test('a refresh token within 60 s of refreshTokenExpiresAt is not used', () => {
    const s = shared();
    store(s, {
      access_token: 'OLD',
      refresh_token: 'R1',
      expiresAt: T0s - 10,
      refreshTokenExpiresAt: T0s + 59,
    });
    const { service, lock } = run('e1', s);
    expect(service.hasAccess()).toBe(false);
    expect(lock.calls).toEqual([]);
  });

  test('a refresh token with more than 60 s left is used', () => {
    const s = shared();
    store(s, {
      access_token: 'OLD',
      refresh_token: 'R1',
      expiresAt: T0s - 10,
      refreshTokenExpiresAt: T0s + 61,
    });
    const { service, urlFetch } = run('e1', s);
    urlFetch.respond(200, { access_token: 'NEW', expires_in: 3600 });
    expect(service.hasAccess()).toBe(true);
  });
});

describe('refresh()', () => {
  test('keeps the old refresh_token and refreshTokenExpiresAt when the response has none', () => {
    const s = shared();
    store(s, {
      access_token: 'OLD',
      refresh_token: 'R1',
      expiresAt: T0s + 1000,
      refreshTokenExpiresAt: T0s + 5000,
    });
    const { service, urlFetch } = run('e1', s);
    urlFetch.respond(200, { access_token: 'NEW', expires_in: 3600 });
    service.refresh();
    expect(stored(s)).toEqual({
      access_token: 'NEW',
      expires_in: 3600,
      expiresAt: T0s + 3600,
      refresh_token: 'R1',
      refreshTokenExpiresAt: T0s + 5000,
    });
  });

  test('goes to the refresh URL when one is set, through the payload handler', () => {
    const s = shared();
    store(s, { access_token: 'OLD', refresh_token: 'R1' });
    const { service, urlFetch } = run('e1', s, (svc) =>
      svc
        .setRefreshUrl('https://example.test/refresh')
        .setTokenPayloadHandler((p) => ({ ...p, extra: 'x' })),
    );
    urlFetch.respond(200, { access_token: 'NEW' });
    service.refresh();
    expect(urlFetch.requests[0].url).toBe('https://example.test/refresh');
    expect(urlFetch.requests[0].params.payload).toMatchObject({
      extra: 'x',
      grant_type: 'refresh_token',
    });
  });

  test('throws "Client Secret is required." without a secret (v43), before any request', () => {
    const s = shared();
    store(s, { access_token: 'OLD', refresh_token: 'R1' });
    const { service, urlFetch, lock } = run('e1', s, (svc) => svc.setClientSecret(''));
    expect(() => service.refresh()).toThrow('Client Secret is required.');
    expect(urlFetch.requests).toHaveLength(0);
    expect(lock.calls).toEqual([]);
  });

  test('throws "Offline access is required." without a refresh_token', () => {
    const s = shared();
    store(s, { access_token: 'OLD' });
    const { service } = run('e1', s);
    expect(() => service.refresh()).toThrow('Offline access is required.');
  });

  test('a failed direct refresh throws and keeps the lock (no try/finally: freed at execution end)', () => {
    const s = shared();
    store(s, { access_token: 'OLD', refresh_token: 'R1' });
    const { service, urlFetch, lock } = run('e1', s);
    urlFetch.respond(401, { errors: [{ errorType: 'invalid_token' }] });
    expect(() => service.refresh()).toThrow(/^Error retrieving token: 401: /);
    expect(lock.calls).toEqual([['waitLock', 30000]]);
    expect(s.lockState.holder).toBe('e1');
  });
});

describe('other grants', () => {
  test('client_credentials adds a Basic header from id and secret and sends params', () => {
    const s = shared();
    const { service, urlFetch } = run('e1', s, (svc) =>
      svc.setGrantType('client_credentials').setParam('audience', 'aud'),
    );
    urlFetch.respond(200, { access_token: 'CC', expires_in: 3600 });
    expect(service.getAccessToken()).toBe('CC');
    const { params } = urlFetch.requests[0];
    expect(params.payload).toEqual({ grant_type: 'client_credentials', audience: 'aud' });
    expect(params.headers).toEqual({
      Accept: 'application/json',
      authorization: 'Basic ' + Buffer.from('CLIENT:SECRET').toString('base64'),
    });
  });

  test('the service-account flow posts a signed JWT assertion with the configured claims', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const s = shared();
    const { service, urlFetch } = run('e1', s, (svc) =>
      svc
        .setPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string)
        .setIssuer('iss@example.test')
        .setSubject('me@example.test')
        .setExpirationMinutes(5)
        .setAdditionalClaims({ extra: 'y' })
        .setScope('s1'),
    );
    urlFetch.respond(200, { access_token: 'SA', expires_in: 300 });
    expect(service.getAccessToken()).toBe('SA');
    const payload = urlFetch.requests[0].params.payload as Record<string, string>;
    expect(payload.grant_type).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const [header, claims] = payload.assertion
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
    expect(header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(claims).toEqual({
      iss: 'iss@example.test',
      aud: 'https://api.fitbit.com/oauth2/token',
      exp: T0s + 300,
      iat: T0s,
      sub: 'me@example.test',
      scope: 's1',
      extra: 'y',
    });
  });
});
