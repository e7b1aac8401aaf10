// The OAuth2 library contract inside real executions of the local runtime: fresh global scope per
// execution, Apps Script's /usercallback, user stores, real locks between concurrent executions.
// Must pass unchanged with the stand-in and with the real library (OAUTH2_LIBRARY_SRC=<src dir>).
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime';
import { TokenServer } from './token-server';

const VERIFIER = '01234567890123456789012345678901234567890123456789';
const CHALLENGE = '-4cf-Mzo_qg9-uq0F4QwWhRh4AjcAqNx7SbYVsdmyQM';

function scriptSource(tokenBase: string): string {
  return `
var TOKEN_URL = ${JSON.stringify(tokenBase + '/oauth2/token')};
function service_() {
  return OAuth2.createService('fitbit')
    .setAuthorizationBaseUrl('https://www.fitbit.com/oauth2/authorize')
    .setTokenUrl(TOKEN_URL)
    .setClientId('CLIENT')
    .setClientSecret('SECRET')
    .setCallbackFunction('authCallback')
    .setPropertyStore(PropertiesService.getUserProperties())
    .setCache(CacheService.getUserCache())
    .setLock(LockService.getUserLock())
    .setScope(['activity', 'sleep'])
    .setParam('prompt', 'consent')
    .setCodeVerififer(${JSON.stringify(VERIFIER)});
}
function authorizationUrl() {
  return service_().getAuthorizationUrl({ sheetId: 'sheet-1' });
}
function authCallback(request) {
  var granted = service_().handleCallback(request);
  PropertiesService.getUserProperties().setProperty(
    'test.callback', JSON.stringify({ granted: granted, parameter: request.parameter }));
  return HtmlService.createHtmlOutput(granted ? 'Connected' : 'Denied');
}
function seedToken(token) {
  PropertiesService.getUserProperties().setProperty('oauth2.fitbit', JSON.stringify(token));
  CacheService.getUserCache().remove('oauth2.fitbit');
}
function nowSeconds() {
  return Math.floor(new Date().getTime() / 1000);
}
function accessToken() {
  return service_().getAccessToken();
}
function checkAccess() {
  var service = service_();
  var access = service.hasAccess();
  var error = service.getLastError();
  return { access: access, error: error ? String(error.message) : null };
}
function accessWhileBusy(arrivedUrl) {
  var busy = !LockService.getUserLock().tryLock(0);
  UrlFetchApp.fetch(arrivedUrl, { muteHttpExceptions: true });
  return { busy: busy, token: service_().getAccessToken() };
}
function saveCustomValue() {
  service_().getStorage().setValue('connectedAt', '2026-11-22');
  PropertiesService.getUserProperties().setProperty('oauth2.fitbitOther', '{}');
}
function resetService() {
  service_().reset();
}
function serviceNames() {
  return OAuth2.getServiceNames(PropertiesService.getUserProperties());
}
function tokenInfo() {
  var token = service_().getToken();
  return { token: token, cached: CacheService.getUserCache().get('oauth2.fitbit') };
}
function libraryFacts() {
  return { redirectUri: OAuth2.getRedirectUri(), explicit: OAuth2.getRedirectUri('a/b'),
    formats: OAuth2.TOKEN_FORMAT };
}
`;
}

const server = new TokenServer();
let runtime: Runtime;
let userCount = 0;
/** Every test has its own user, so user stores, caches and locks do not leak between tests. */
const newUser = () => `user${++userCount}@example.com`;

async function run<T>(user: string, fn: string, args: unknown[] = []): Promise<T> {
  const result = await runtime.run(fn, args, { user });
  if (!result.ok) throw new Error(`${fn} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const props = (user: string) => runtime.properties.user(user).all() as Record<string, string>;
const tokenRequests = () => server.requests.filter((r) => r.path === '/oauth2/token');

beforeAll(async () => {
  await server.start();
  runtime = await Runtime.create({
    // 2026-11-22 12:00 UTC: token expiry in these tests is relative to the runtime's clock.
    clock: new Clock(Date.UTC(2026, 10, 22, 12)),
    scriptSource: scriptSource(server.url),
    oauth2LibrarySrc: process.env.OAUTH2_LIBRARY_SRC || undefined,
  });
});

afterAll(async () => {
  await runtime?.close?.();
  await server.stop();
});

beforeEach(() => server.reset());

async function authorize(user: string): Promise<URL> {
  return new URL(await run<string>(user, 'authorizationUrl'));
}

describe('authorization in an execution', () => {
  test('the URL has the parameters in the library order and the S256 challenge of the verifier', async () => {
    const url = await authorize(newUser());
    expect(url.origin + url.pathname).toBe('https://www.fitbit.com/oauth2/authorize');
    expect([...url.searchParams.keys()]).toEqual([
      'client_id',
      'response_type',
      'redirect_uri',
      'state',
      'code_challenge',
      'code_challenge_method',
      'scope',
      'prompt',
    ]);
    expect(url.searchParams.get('code_challenge')).toBe(CHALLENGE);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')).toBe('activity sleep');
    expect(url.searchParams.get('redirect_uri')).toMatch(
      /^https:\/\/script\.google\.com\/macros\/d\/[^/]+\/usercallback$/,
    );
  });

  test('the verifier is not stored: it travels only in the state token', async () => {
    const user = newUser();
    const url = await authorize(user);
    expect(url.searchParams.get('state')).not.toContain(VERIFIER);
    expect(JSON.stringify(props(user))).not.toContain(VERIFIER);
  });

  test('getRedirectUri encodes the script id; TOKEN_FORMAT has both content types', async () => {
    const facts = await run<{ redirectUri: string; explicit: string; formats: object }>(
      newUser(),
      'libraryFacts',
    );
    expect(facts.explicit).toBe('https://script.google.com/macros/d/a%2Fb/usercallback');
    expect(facts.redirectUri).toMatch(
      /^https:\/\/script\.google\.com\/macros\/d\/.+\/usercallback$/,
    );
    expect(facts.formats).toEqual({
      JSON: 'application/json',
      FORM_URL_ENCODED: 'application/x-www-form-urlencoded',
    });
  });
});

describe('the consent redirect through /usercallback', () => {
  test('exchanges the code with the verifier from the state token and stores the token', async () => {
    const user = newUser();
    const url = await authorize(user);
    server.respond(200, {
      access_token: 'AT1',
      refresh_token: 'RT1',
      expires_in: 28800,
      token_type: 'Bearer',
      user_id: 'ABC',
    });
    const before = await run<number>(user, 'nowSeconds');
    const redirect = `${url.searchParams.get('redirect_uri')}?code=CODE1&state=${encodeURIComponent(
      url.searchParams.get('state') as string,
    )}#_=_`;
    await runtime.usercallback(redirect, { user });
    const after = await run<number>(user, 'nowSeconds');

    expect(tokenRequests()).toHaveLength(1);
    const [request] = tokenRequests();
    expect(request.method).toBe('POST');
    expect(request.headers.accept).toBe('application/json');
    expect(request.form).toMatchObject({
      code: 'CODE1',
      client_id: 'CLIENT',
      client_secret: 'SECRET',
      redirect_uri: url.searchParams.get('redirect_uri'),
      grant_type: 'authorization_code',
      code_verifier: VERIFIER,
    });

    const stored = props(user);
    const token = JSON.parse(stored['oauth2.fitbit']);
    expect(token).toMatchObject({ access_token: 'AT1', refresh_token: 'RT1', user_id: 'ABC' });
    expect(token.expiresAt).toBeGreaterThanOrEqual(before + 28800);
    expect(token.expiresAt).toBeLessThanOrEqual(after + 28800);
    const callback = JSON.parse(stored['test.callback']);
    expect(callback.granted).toBe(true);
    expect(callback.parameter).toMatchObject({
      code: 'CODE1',
      serviceName: 'fitbit',
      sheetId: 'sheet-1',
      codeVerifier_: VERIFIER,
    });
    expect(await run(user, 'accessToken')).toBe('AT1');
  });

  test('access_denied reaches the callback, which returns false and stores no token', async () => {
    const user = newUser();
    const url = await authorize(user);
    const redirect = `${url.searchParams.get('redirect_uri')}?error=access_denied&state=${encodeURIComponent(
      url.searchParams.get('state') as string,
    )}`;
    await runtime.usercallback(redirect, { user });
    expect(tokenRequests()).toHaveLength(0);
    const stored = props(user);
    expect(JSON.parse(stored['test.callback']).granted).toBe(false);
    expect(stored['oauth2.fitbit']).toBeUndefined();
  });
});

describe('refresh in later executions', () => {
  test('an expired token is refreshed on use and the old refresh token is kept', async () => {
    const user = newUser();
    const now = await run<number>(user, 'nowSeconds');
    await run(user, 'seedToken', [
      { access_token: 'OLD', refresh_token: 'RT1', expiresAt: now + 30 },
    ]);
    server.respond(200, { access_token: 'NEW', expires_in: 3600 });
    expect(await run(user, 'accessToken')).toBe('NEW');
    expect(tokenRequests()).toHaveLength(1);
    expect(tokenRequests()[0].form).toEqual({
      refresh_token: 'RT1',
      client_id: 'CLIENT',
      client_secret: 'SECRET',
      grant_type: 'refresh_token',
    });
    expect(JSON.parse(props(user)['oauth2.fitbit'])).toMatchObject({
      access_token: 'NEW',
      refresh_token: 'RT1',
    });
  });

  test('a valid token is used without any token request', async () => {
    const user = newUser();
    const now = await run<number>(user, 'nowSeconds');
    await run(user, 'seedToken', [
      { access_token: 'VALID', refresh_token: 'RT1', expiresAt: now + 3600 },
    ]);
    expect(await run(user, 'accessToken')).toBe('VALID');
    expect(tokenRequests()).toHaveLength(0);
  });

  test("a refused refresh (Fitbit's error shape) is reported by getLastError; the token stays", async () => {
    const user = newUser();
    const now = await run<number>(user, 'nowSeconds');
    const old = { access_token: 'OLD', refresh_token: 'RT1', expiresAt: now - 10 };
    await run(user, 'seedToken', [old]);
    const body = {
      errors: [{ errorType: 'invalid_grant', message: 'Refresh token invalid: RT1' }],
      success: false,
    };
    server.respond(400, body);
    const result = await run<{ access: boolean; error: string | null }>(user, 'checkAccess');
    expect(result).toEqual({
      access: false,
      error: 'Error retrieving token: 400: ' + JSON.stringify(body),
    });
    expect(JSON.parse(props(user)['oauth2.fitbit'])).toEqual(old);
  });

  test('two concurrent executions refresh once: the second waits for the lock and re-reads', async () => {
    const user = newUser();
    const now = await run<number>(user, 'nowSeconds');
    await run(user, 'seedToken', [
      { access_token: 'OLD', refresh_token: 'RT1', expiresAt: now - 10 },
    ]);
    // The first refresh is answered only after the second execution has shown up.
    const secondArrived = server
      .received(2)
      .then(() => new Promise<void>((r) => setTimeout(r, 300)));
    server.respond(
      200,
      { access_token: 'NEW', refresh_token: 'RT2', expires_in: 3600 },
      secondArrived,
    );
    server.respond(200, {});
    const first = runtime.run('accessToken', [], { user });
    await server.received(1);
    const second = runtime.run('accessWhileBusy', [server.url + '/arrived'], { user });
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ ok: true, value: 'NEW' });
    expect(b).toMatchObject({ ok: true, value: { busy: true, token: 'NEW' } });
    expect(tokenRequests()).toHaveLength(1);
    expect(JSON.parse(props(user)['oauth2.fitbit'])).toMatchObject({ refresh_token: 'RT2' });
  });
});

describe('storage across executions', () => {
  test('a missing token is cached as "__NULL__" in the user cache', async () => {
    const info = await run<{ token: unknown; cached: string | null }>(newUser(), 'tokenInfo');
    expect(info).toEqual({ token: null, cached: '"__NULL__"' });
  });

  test('reset removes the token and its custom values only; getServiceNames lists services', async () => {
    const user = newUser();
    await run(user, 'seedToken', [{ access_token: 'A' }]);
    await run(user, 'saveCustomValue');
    expect(props(user)['oauth2.fitbit.connectedAt']).toBe('"2026-11-22"');
    expect((await run<string[]>(user, 'serviceNames')).sort()).toEqual(['fitbit', 'fitbitOther']);
    await run(user, 'resetService');
    const keys = Object.keys(props(user));
    expect(keys).not.toContain('oauth2.fitbit');
    expect(keys).not.toContain('oauth2.fitbit.connectedAt');
    expect(keys).toContain('oauth2.fitbitOther');
    expect(await run(user, 'serviceNames')).toEqual(['fitbitOther']);
    expect(await run(user, 'checkAccess')).toEqual({ access: false, error: null });
  });
});
