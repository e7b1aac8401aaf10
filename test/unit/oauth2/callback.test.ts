// Contract of handleCallback and token responses (payload, headers, storage, error texts).
import type { OAuth2Service } from '../../../dev/oauth2';
import { execution } from './fakes';

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const T0s = T0 / 1000;

beforeEach(() => jest.useFakeTimers({ now: T0 }));
afterEach(() => jest.useRealTimers());

function configured() {
  const ex = execution();
  const service = ex.lib
    .createService('fitbit')
    .setAuthorizationBaseUrl('https://www.fitbit.com/oauth2/authorize')
    .setTokenUrl('https://api.fitbit.com/oauth2/token')
    .setClientId('CLIENT')
    .setCallbackFunction('authCallback')
    .setPropertyStore(ex.properties)
    .setCache(ex.cache);
  return { ...ex, service };
}

const grant = { access_token: 'AT', refresh_token: 'RT', expires_in: 28800, token_type: 'Bearer' };

describe('handleCallback', () => {
  test('POSTs the code grant with client_secret present even when undefined, muted, Accept JSON', () => {
    const { service, urlFetch } = configured();
    urlFetch.respond(200, grant);
    expect(service.handleCallback({ parameter: { code: 'CODE', serviceName: 'fitbit' } })).toBe(
      true,
    );
    expect(urlFetch.requests).toHaveLength(1);
    const { url, params } = urlFetch.requests[0];
    expect(url).toBe('https://api.fitbit.com/oauth2/token');
    expect(params.method).toBe('post');
    expect(params.muteHttpExceptions).toBe(true);
    expect(params.headers).toEqual({ Accept: 'application/json' });
    const payload = params.payload as Record<string, unknown>;
    expect(Object.keys(payload)).toEqual([
      'code',
      'client_id',
      'client_secret',
      'redirect_uri',
      'grant_type',
    ]);
    expect('client_secret' in payload).toBe(true);
    expect(payload).toEqual({
      code: 'CODE',
      client_id: 'CLIENT',
      client_secret: undefined,
      redirect_uri: 'https://script.google.com/macros/d/script-id-123/usercallback',
      grant_type: 'authorization_code',
    });
  });

  test('adds code_verifier from the state argument codeVerifier_', () => {
    const { service, urlFetch } = configured();
    urlFetch.respond(200, grant);
    service.setClientSecret('SECRET');
    service.handleCallback({ parameter: { code: 'C', codeVerifier_: 'VERIFIER' } });
    expect(urlFetch.requests[0].params.payload).toMatchObject({
      client_secret: 'SECRET',
      code_verifier: 'VERIFIER',
    });
  });

  test('does not check that a code is present: it sends code undefined', () => {
    const { service, urlFetch } = configured();
    urlFetch.respond(200, grant);
    service.handleCallback({ parameter: {} });
    const payload = urlFetch.requests[0].params.payload as Record<string, unknown>;
    expect('code' in payload && payload.code === undefined).toBe(true);
  });

  test('stores the token under oauth2.<name> with expiresAt = now + expires_in', () => {
    const { service, urlFetch, properties } = configured();
    urlFetch.respond(200, { ...grant, expires_at: 1 });
    service.handleCallback({ parameter: { code: 'C' } });
    const stored = JSON.parse(properties.data.get('oauth2.fitbit') as string);
    expect(stored).toEqual({ ...grant, expires_at: 1, expiresAt: T0s + 28800 });
    expect(service.getToken()).toEqual(stored);
  });

  test('access_denied returns false without a request', () => {
    const { service, urlFetch } = configured();
    expect(service.handleCallback({ parameter: { error: 'access_denied' } })).toBe(false);
    expect(urlFetch.requests).toHaveLength(0);
  });

  test('any other error throws "Error authorizing token: <error>"', () => {
    const { service } = configured();
    expect(() => service.handleCallback({ parameter: { error: 'invalid_scope' } })).toThrow(
      'Error authorizing token: invalid_scope',
    );
  });

  test('needs a client id and a token URL but no client secret', () => {
    const { service, urlFetch } = configured();
    service.setClientId('');
    expect(() => service.handleCallback({ parameter: { code: 'C' } })).toThrow(
      'Client ID is required.',
    );
    service.setClientId('CLIENT').setTokenUrl('');
    expect(() => service.handleCallback({ parameter: { code: 'C' } })).toThrow(
      'Token URL is required.',
    );
    expect(urlFetch.requests).toHaveLength(0);
  });

  test('token headers are merged over Accept and the payload handler rewrites the payload', () => {
    const { service, urlFetch } = configured();
    urlFetch.respond(200, grant);
    service
      .setTokenHeaders({ Authorization: 'Basic abc', Accept: 'text/plain' })
      .setTokenPayloadHandler((payload) => {
        const copy = { ...payload };
        delete copy.client_secret;
        return { ...copy, extra: '1' };
      });
    service.handleCallback({ parameter: { code: 'C' } });
    const { params } = urlFetch.requests[0];
    expect(params.headers).toEqual({ Accept: 'text/plain', Authorization: 'Basic abc' });
    expect(params.payload).toEqual({
      code: 'C',
      client_id: 'CLIENT',
      redirect_uri: 'https://script.google.com/macros/d/script-id-123/usercallback',
      grant_type: 'authorization_code',
      extra: '1',
    });
  });

  test('setTokenMethod changes the HTTP method of the token request', () => {
    const { service, urlFetch } = configured();
    urlFetch.respond(200, grant);
    service.setTokenMethod('put').handleCallback({ parameter: { code: 'C' } });
    expect(urlFetch.requests[0].params.method).toBe('put');
  });
});

describe('token responses', () => {
  const callback = (body: string | object, status = 200, setup?: (s: OAuth2Service) => void) => {
    const { service, urlFetch, properties } = configured();
    setup?.(service);
    urlFetch.respond(status, body);
    let error: Error | undefined;
    try {
      service.handleCallback({ parameter: { code: 'C' } });
    } catch (e) {
      error = e as Error;
    }
    return { error, properties };
  };

  test("Fitbit's {errors:[...]} shape surfaces as '<status>: <body>'", () => {
    const body = {
      errors: [{ errorType: 'invalid_grant', message: 'Authorization code invalid: C' }],
      success: false,
    };
    const { error, properties } = callback(body, 400);
    expect(error?.message).toBe('Error retrieving token: 400: ' + JSON.stringify(body));
    expect(properties.data.size).toBe(0);
  });

  test('RFC 6749 errors use error and error_description', () => {
    const { error } = callback({ error: 'invalid_grant', error_description: 'Bad Request' }, 400);
    expect(error?.message).toBe('Error retrieving token: invalid_grant, Bad Request');
  });

  test('a 200 body with an error field is an error too', () => {
    const { error } = callback({ error: 'slow_down' }, 200);
    expect(error?.message).toBe('Error retrieving token: slow_down');
  });

  test('non-string reason parts are JSON-encoded (Google JSON errors)', () => {
    const { error } = callback({ error: { code: 401, status: 'UNAUTHENTICATED' } }, 401);
    expect(error?.message).toBe('Error retrieving token: {"code":401,"status":"UNAUTHENTICATED"}');
  });

  test('an unparsable body throws "Token response not valid JSON" before the status is read', () => {
    const { error } = callback('<html>Bad gateway</html>', 502);
    expect(error?.message).toMatch(/^Token response not valid JSON: SyntaxError/);
  });

  test('FORM_URL_ENCODED responses are parsed from key=value pairs', () => {
    const { error, properties } = callback(
      'access_token=a%20b&expires=60&refresh_token=r',
      200,
      (s) => s.setTokenFormat('application/x-www-form-urlencoded'),
    );
    expect(error).toBeUndefined();
    expect(JSON.parse(properties.data.get('oauth2.fitbit') as string)).toEqual({
      access_token: 'a b',
      expires: '60',
      refresh_token: 'r',
      expiresAt: T0s + 60,
    });
  });

  test('an unknown token format throws', () => {
    const { error } = callback('{}', 200, (s) => s.setTokenFormat('text/plain'));
    expect(error?.message).toBe('Unknown token format: text/plain');
  });

  test.each([
    ['expires_in_sec', { expires_in_sec: 100, expires_in: 999 }, 100],
    ['expires_in', { expires_in: '3600' }, 3600],
    ['expires', { expires: 50 }, 50],
  ])('expiresAt comes from %s', (_label, fields, seconds) => {
    const { properties } = callback({ access_token: 'A', ...fields });
    expect(JSON.parse(properties.data.get('oauth2.fitbit') as string).expiresAt).toBe(
      T0s + seconds,
    );
  });

  test('refreshTokenExpiresAt comes from refresh_token_expires_in; no expiry fields, no expiresAt', () => {
    const { properties } = callback({ access_token: 'A', refresh_token_expires_in: 604800 });
    const stored = JSON.parse(properties.data.get('oauth2.fitbit') as string);
    expect(stored.refreshTokenExpiresAt).toBe(T0s + 604800);
    expect('expiresAt' in stored).toBe(false);
  });
});
