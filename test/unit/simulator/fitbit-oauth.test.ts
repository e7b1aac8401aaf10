// Fitbit OAuth in the simulator over real HTTP: code exchange rules, client authentication, refresh
// rotation and the identical-request window, revoke, introspect and the 410 switch.
import type { Simulator } from '../../../dev/simulator/index';
import {
  type Answer,
  basic,
  FITBIT,
  FITBIT_PUBLIC,
  fitbitAuthorizeUrl,
  fitbitTokens,
  get,
  pkce,
  postForm,
  REDIRECT,
  startSimulator,
  NOON_LA,
} from './helpers';

const TOKEN = 'api.fitbit.com/oauth2/token';
let sim: Simulator;
const auth = { authorization: basic(FITBIT.clientId, FITBIT.clientSecret) };

beforeEach(async () => {
  sim = await startSimulator({ atMs: NOON_LA });
});
afterEach(async () => {
  await sim.close();
});

async function codeFor(params: Record<string, string>): Promise<string> {
  const c = await sim.consent(fitbitAuthorizeUrl(params));
  expect(c.status).toBe(302);
  return c.code as string;
}

function exchange(
  code: string,
  extra: Record<string, string> = {},
  headers: Record<string, string> = auth,
) {
  return postForm(
    sim,
    TOKEN,
    {
      code,
      grant_type: 'authorization_code',
      client_id: FITBIT.clientId,
      redirect_uri: REDIRECT,
      ...extra,
    },
    headers,
  );
}

function expectFitbitError(r: Answer, status: number, errorType: string) {
  expect(r.status).toBe(status);
  expect(r.body.success).toBe(false);
  expect(r.body.errors[0].errorType).toBe(errorType);
  expect(typeof r.body.errors[0].message).toBe('string');
}

test('consent redirects with code, state and the #_=_ fragment', async () => {
  const c = await sim.consent(fitbitAuthorizeUrl());
  expect(c.status).toBe(302);
  expect(c.location.startsWith(`${REDIRECT}?`)).toBe(true);
  expect(c.location.endsWith('#_=_')).toBe(true);
  expect(new URL(c.location).searchParams.get('state')).toBe('st-1');
});

test('code exchange with S256 PKCE returns Fitbit token fields', async () => {
  const { verifier, challenge } = pkce();
  const code = await codeFor({ code_challenge: challenge, code_challenge_method: 'S256' });
  const r = await exchange(code, { code_verifier: verifier });
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({
    expires_in: 28800,
    token_type: 'Bearer',
    scope: 'activity profile weight',
  });
  expect(r.body.user_id).toBe(sim.user('user@example.com').fitbitUserId);
  expect(typeof r.body.access_token).toBe('string');
  expect(typeof r.body.refresh_token).toBe('string');
});

test("Fitbit's documented PKCE example verifier matches its challenge", async () => {
  const code = await codeFor({
    code_challenge: '-4cf-Mzo_qg9-uq0F4QwWhRh4AjcAqNx7SbYVsdmyQM',
    code_challenge_method: 'S256',
  });
  const r = await exchange(code, {
    code_verifier: '01234567890123456789012345678901234567890123456789',
  });
  expect(r.status).toBe(200);
});

test('S256 PKCE mismatch is 400 invalid_grant', async () => {
  const { challenge } = pkce();
  const code = await codeFor({ code_challenge: challenge, code_challenge_method: 'S256' });
  expectFitbitError(await exchange(code, { code_verifier: pkce().verifier }), 400, 'invalid_grant');
});

test('plain PKCE (the default method) compares verifier and challenge as is', async () => {
  const { verifier } = pkce();
  const code = await codeFor({ code_challenge: verifier });
  expectFitbitError(await exchange(code, { code_verifier: verifier + 'x' }), 400, 'invalid_grant');
  expect((await exchange(code, { code_verifier: verifier })).status).toBe(200);
});

test('a code is single use', async () => {
  const code = await codeFor({});
  expect((await exchange(code)).status).toBe(200);
  expectFitbitError(await exchange(code), 400, 'invalid_grant');
});

test('a code expires after 10 minutes on the shared clock', async () => {
  const code = await codeFor({});
  sim.clock.advance(10 * 60 * 1000 + 1000);
  expectFitbitError(await exchange(code), 400, 'invalid_grant');
});

test('a code is still good just before 10 minutes', async () => {
  const code = await codeFor({});
  sim.clock.advance(9 * 60 * 1000);
  expect((await exchange(code)).status).toBe(200);
});

test('a redirect_uri different from the authorize request is rejected', async () => {
  const code = await codeFor({});
  expectFitbitError(
    await exchange(code, { redirect_uri: 'https://example.com/cb' }),
    400,
    'invalid_request',
  );
});

test('a wrong client secret in the Basic header is 401 invalid_client', async () => {
  const code = await codeFor({});
  expectFitbitError(
    await exchange(code, {}, { authorization: basic(FITBIT.clientId, 'wrong') }),
    401,
    'invalid_client',
  );
});

test('a server app without the Basic header is 401 invalid_client', async () => {
  const code = await codeFor({});
  expectFitbitError(await exchange(code, {}, {}), 401, 'invalid_client');
});

test('an unknown client is 401 invalid_client', async () => {
  const code = await codeFor({});
  expectFitbitError(
    await exchange(code, {}, { authorization: basic('NOPE', 'x') }),
    401,
    'invalid_client',
  );
});

test('missing grant_type and missing code are 400 invalid_request', async () => {
  expectFitbitError(
    await postForm(sim, TOKEN, { client_id: FITBIT.clientId }, auth),
    400,
    'invalid_request',
  );
  expectFitbitError(
    await postForm(sim, TOKEN, { grant_type: 'authorization_code' }, auth),
    400,
    'invalid_request',
  );
});

test('a client app authenticates with client_id in the body and no secret', async () => {
  const { verifier, challenge } = pkce();
  const c = await sim.consent(
    fitbitAuthorizeUrl({
      client_id: FITBIT_PUBLIC.clientId,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }),
  );
  const r = await postForm(sim, TOKEN, {
    code: c.code as string,
    grant_type: 'authorization_code',
    client_id: FITBIT_PUBLIC.clientId,
    redirect_uri: REDIRECT,
    code_verifier: verifier,
  });
  expect(r.status).toBe(200);
  const refreshed = await postForm(sim, TOKEN, {
    grant_type: 'refresh_token',
    refresh_token: r.body.refresh_token,
    client_id: FITBIT_PUBLIC.clientId,
  });
  expect(refreshed.status).toBe(200);
});

test('a code issued to one app cannot be redeemed by another', async () => {
  const code = await codeFor({});
  const r = await postForm(sim, TOKEN, {
    code,
    grant_type: 'authorization_code',
    client_id: FITBIT_PUBLIC.clientId,
    redirect_uri: REDIRECT,
  });
  expectFitbitError(r, 400, 'invalid_grant');
});

describe('refresh', () => {
  const refresh = (token: string) =>
    postForm(sim, TOKEN, { grant_type: 'refresh_token', refresh_token: token }, auth);

  test('rotates: a new refresh token, the old one dies', async () => {
    const t = await fitbitTokens(sim);
    const r1 = await refresh(t.refresh_token);
    expect(r1.status).toBe(200);
    expect(r1.body.refresh_token).not.toBe(t.refresh_token);
    expect(r1.body.access_token).not.toBe(t.access_token);
    sim.clock.advance(121000);
    expectFitbitError(await refresh(t.refresh_token), 400, 'invalid_grant');
    expect((await refresh(r1.body.refresh_token)).status).toBe(200);
  });

  test('an identical request inside the window gets the same response', async () => {
    const t = await fitbitTokens(sim);
    const r1 = await refresh(t.refresh_token);
    sim.clock.advance(60000);
    const r2 = await refresh(t.refresh_token);
    expect(r2.status).toBe(200);
    expect(r2.body).toEqual(r1.body);
  });

  test('a reuse that differs from the first request is invalid_grant even inside the window', async () => {
    const t = await fitbitTokens(sim);
    await refresh(t.refresh_token);
    const r2 = await postForm(
      sim,
      TOKEN,
      { grant_type: 'refresh_token', refresh_token: t.refresh_token, expires_in: '3600' },
      auth,
    );
    expectFitbitError(r2, 400, 'invalid_grant');
  });

  test('with the window off, an identical reuse is invalid_grant at once', async () => {
    sim.settings.fitbitIdenticalRefreshWindowMs = 0;
    const t = await fitbitTokens(sim);
    expect((await refresh(t.refresh_token)).status).toBe(200);
    expectFitbitError(await refresh(t.refresh_token), 400, 'invalid_grant');
  });

  test('keeps the granted scopes', async () => {
    const t = await fitbitTokens(sim, { scopes: ['activity'] });
    expect(t.scope).toBe('activity');
    expect((await refresh(t.refresh_token)).body.scope).toBe('activity');
  });
});

describe('revoke and introspect', () => {
  const introspect = (bearer: string, token: string) =>
    postForm(
      sim,
      'api.fitbit.com/1.1/oauth2/introspect',
      { token },
      { authorization: `Bearer ${bearer}` },
    );

  test('introspect reports an active token with scopes, client and user', async () => {
    const t = await fitbitTokens(sim);
    const r = await introspect(t.access_token, t.access_token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      active: true,
      client_id: FITBIT.clientId,
      user_id: t.user_id,
      token_type: 'access_token',
    });
    expect(r.body.scope).toBe('{ACTIVITY=READ, PROFILE=READ, WEIGHT=READ}');
    expect(r.body.exp).toBeGreaterThan(r.body.iat);
  });

  test('revoke kills all of that user’s tokens for the app', async () => {
    const t = await fitbitTokens(sim);
    const other = await fitbitTokens(sim, { user: 'user@example.com' });
    expect(
      (await postForm(sim, 'api.fitbit.com/oauth2/revoke', { token: t.refresh_token }, auth))
        .status,
    ).toBe(200);
    const steps = await get(sim, 'api.fitbit.com/1/user/-/activities/steps/date/today/1d.json', {
      authorization: `Bearer ${other.access_token}`,
    });
    expectFitbitError(steps, 401, 'invalid_token');
    expect(sim.tokenInfo().fitbit['user@example.com']).toBeUndefined();
    const refreshed = await postForm(
      sim,
      TOKEN,
      { grant_type: 'refresh_token', refresh_token: other.refresh_token },
      auth,
    );
    expectFitbitError(refreshed, 400, 'invalid_grant');
  });

  test('introspect of a revoked token is inactive', async () => {
    const t = await fitbitTokens(sim);
    const probe = await fitbitTokens(sim, { user: 'user@example.com' });
    sim.addUser({ email: 'other@example.com' });
    const watcher = await fitbitTokens(sim, { user: 'other@example.com' });
    await postForm(sim, 'api.fitbit.com/oauth2/revoke', { token: probe.access_token }, auth);
    expect((await introspect(watcher.access_token, t.access_token)).body).toEqual({
      active: false,
    });
  });

  test('revoke needs the Basic header for a server app', async () => {
    const t = await fitbitTokens(sim);
    expectFitbitError(
      await postForm(sim, 'api.fitbit.com/oauth2/revoke', { token: t.access_token }),
      401,
      'invalid_client',
    );
    expect(sim.tokenInfo().fitbit['user@example.com'].hasAccessToken(t.access_token)).toBe(true);
  });
});

describe('retired switch', () => {
  test('every legacy Fitbit endpoint answers 410 Gone', async () => {
    const t = await fitbitTokens(sim);
    sim.settings.retired = true;
    const page = await fetch(
      `${sim.url}/www.fitbit.com/oauth2/authorize?client_id=${FITBIT.clientId}`,
    );
    expect(page.status).toBe(410);
    const token = await postForm(
      sim,
      TOKEN,
      { grant_type: 'refresh_token', refresh_token: t.refresh_token },
      auth,
    );
    expect(token.status).toBe(410);
    expect(token.body.errors[0].errorType).toBe('gone');
    const data = await get(sim, 'api.fitbit.com/1/user/-/profile.json', {
      authorization: `Bearer ${t.access_token}`,
    });
    expect(data.status).toBe(410);
  });

  test('Google hosts keep working when Fitbit is retired', async () => {
    sim.settings.retired = true;
    const r = await postForm(sim, 'oauth2.googleapis.com/token', { grant_type: 'refresh_token' });
    expect(r.status).not.toBe(410);
  });
});
