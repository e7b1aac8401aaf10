// Google OAuth in the simulator over real HTTP: code exchange rules in RFC 6749's error shape,
// refresh that keeps its refresh token, revoke, and the Testing-app refresh expiry switch.
import type { Simulator } from '../../../dev/simulator/index';
import {
  type Answer,
  G_ACTIVITY,
  G_METRICS,
  G_NUTRITION,
  GOOGLE,
  googleAuthorizeUrl,
  googleTokens,
  pkce,
  postForm,
  postJson,
  REDIRECT,
  startSimulator,
  NOON_LA,
} from './helpers';

const TOKEN = 'oauth2.googleapis.com/token';
let sim: Simulator;

beforeEach(async () => {
  sim = await startSimulator({ atMs: NOON_LA });
});
afterEach(async () => {
  await sim.close();
});

async function codeFor(params: Record<string, string>, scopes?: string[]): Promise<string> {
  const c = await sim.consent(googleAuthorizeUrl(params), { scopes });
  expect(c.status).toBe(302);
  return c.code as string;
}

function exchange(code: string, extra: Record<string, string> = {}) {
  return postForm(sim, TOKEN, {
    code,
    grant_type: 'authorization_code',
    client_id: GOOGLE.clientId,
    client_secret: GOOGLE.clientSecret,
    redirect_uri: REDIRECT,
    ...extra,
  });
}

function expectOAuthError(r: Answer, status: number, error: string) {
  expect(r.status).toBe(status);
  expect(r.body.error).toBe(error);
  expect(typeof r.body.error_description).toBe('string');
}

test('consent redirects with code, state and the granted scope, no fragment', async () => {
  const c = await sim.consent(googleAuthorizeUrl());
  const u = new URL(c.location);
  expect(`${u.origin}${u.pathname}`).toBe(REDIRECT);
  expect(u.hash).toBe('');
  expect(u.searchParams.get('state')).toBe('st-g');
  expect(u.searchParams.get('code')).toBe(c.code);
});

test('code exchange returns access and refresh token with expires_in 3599', async () => {
  const { verifier, challenge } = pkce();
  const code = await codeFor({ code_challenge: challenge, code_challenge_method: 'S256' });
  const r = await exchange(code, { code_verifier: verifier });
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ expires_in: 3599, token_type: 'Bearer' });
  expect(r.body.access_token).toMatch(/^ya29\./);
  expect(typeof r.body.refresh_token).toBe('string');
  expect(r.body.scope.split(' ').sort()).toEqual([G_ACTIVITY, G_METRICS, G_NUTRITION].sort());
});

test('access_type=online gives no refresh token', async () => {
  const r = await exchange(await codeFor({ access_type: 'online' }));
  expect(r.status).toBe(200);
  expect(r.body.refresh_token).toBeUndefined();
});

test('S256 PKCE mismatch is 400 invalid_grant', async () => {
  const code = await codeFor({ code_challenge: pkce().challenge, code_challenge_method: 'S256' });
  expectOAuthError(await exchange(code, { code_verifier: pkce().verifier }), 400, 'invalid_grant');
});

test('plain PKCE mismatch is 400 invalid_grant and the right verifier still works', async () => {
  const { verifier } = pkce();
  const code = await codeFor({ code_challenge: verifier, code_challenge_method: 'plain' });
  expectOAuthError(await exchange(code, { code_verifier: 'y'.repeat(43) }), 400, 'invalid_grant');
  expect((await exchange(code, { code_verifier: verifier })).status).toBe(200);
});

test('a missing code verifier is 400 invalid_grant', async () => {
  const code = await codeFor({ code_challenge: pkce().challenge, code_challenge_method: 'S256' });
  expectOAuthError(await exchange(code), 400, 'invalid_grant');
});

test('a reused code is 400 invalid_grant', async () => {
  const code = await codeFor({});
  expect((await exchange(code)).status).toBe(200);
  expectOAuthError(await exchange(code), 400, 'invalid_grant');
});

test('an expired code is 400 invalid_grant', async () => {
  const code = await codeFor({});
  sim.clock.advance(10 * 60 * 1000 + 1000);
  expectOAuthError(await exchange(code), 400, 'invalid_grant');
});

test('a different redirect URI is 400 redirect_uri_mismatch', async () => {
  const code = await codeFor({});
  expectOAuthError(
    await exchange(code, { redirect_uri: 'https://example.com/other' }),
    400,
    'redirect_uri_mismatch',
  );
});

test('a wrong client secret is 401 invalid_client', async () => {
  const code = await codeFor({});
  expectOAuthError(await exchange(code, { client_secret: 'nope' }), 401, 'invalid_client');
});

test('an unknown client is 401 invalid_client', async () => {
  const code = await codeFor({});
  expectOAuthError(
    await exchange(code, { client_id: 'unknown.apps.googleusercontent.com' }),
    401,
    'invalid_client',
  );
});

test('missing parameters are 400 in the OAuth shape', async () => {
  expectOAuthError(
    await postForm(sim, TOKEN, { grant_type: 'authorization_code' }),
    400,
    'invalid_request',
  );
  expectOAuthError(
    await postForm(sim, TOKEN, {
      client_id: GOOGLE.clientId,
      client_secret: GOOGLE.clientSecret,
      grant_type: 'authorization_code',
    }),
    400,
    'invalid_request',
  );
  expectOAuthError(
    await postForm(sim, TOKEN, { client_id: GOOGLE.clientId, client_secret: GOOGLE.clientSecret }),
    400,
    'unsupported_grant_type',
  );
});

describe('refresh', () => {
  const refresh = (token: string) =>
    postForm(sim, TOKEN, {
      grant_type: 'refresh_token',
      refresh_token: token,
      client_id: GOOGLE.clientId,
      client_secret: GOOGLE.clientSecret,
    });

  test('keeps the refresh token: new access token, no refresh_token in the response, reusable', async () => {
    const t = await googleTokens(sim);
    const r1 = await refresh(t.refresh_token);
    expect(r1.status).toBe(200);
    expect(r1.body.refresh_token).toBeUndefined();
    expect(r1.body.access_token).not.toBe(t.access_token);
    expect(r1.body.expires_in).toBe(3599);
    const r2 = await refresh(t.refresh_token);
    expect(r2.status).toBe(200);
    expect(r2.body.access_token).not.toBe(r1.body.access_token);
  });

  test('a revoked refresh token is 400 invalid_grant', async () => {
    const t = await googleTokens(sim);
    sim.revokeAllTokens('user@example.com');
    expectOAuthError(await refresh(t.refresh_token), 400, 'invalid_grant');
  });

  test('Testing apps: refresh tokens die after 7 days when the switch is on', async () => {
    sim.settings.googleTokenRefreshExpiresInTesting = true;
    const t = (await googleTokens(sim)) as {
      refresh_token: string;
      refresh_token_expires_in?: number;
    };
    expect(t.refresh_token_expires_in).toBe(7 * 24 * 3600);
    sim.clock.advance(6 * 24 * 3600 * 1000);
    expect((await refresh(t.refresh_token)).status).toBe(200);
    sim.clock.advance(24 * 3600 * 1000 + 1000);
    expectOAuthError(await refresh(t.refresh_token), 400, 'invalid_grant');
  });

  test('without the switch refresh tokens do not expire', async () => {
    const t = await googleTokens(sim);
    sim.clock.advance(30 * 24 * 3600 * 1000);
    expect((await refresh(t.refresh_token)).status).toBe(200);
  });
});

describe('revoke', () => {
  test('a token in the URL is refused and revokes nothing', async () => {
    const t = await googleTokens(sim);
    expectOAuthError(
      await postForm(
        sim,
        `oauth2.googleapis.com/revoke?token=${encodeURIComponent(t.refresh_token)}`,
        {},
      ),
      400,
      'invalid_request',
    );
    expect(sim.tokenInfo().google['user@example.com']).toBeDefined();
  });

  test('revoking the refresh token in the body revokes the access token too', async () => {
    const t = await googleTokens(sim);
    const r = await postForm(sim, 'oauth2.googleapis.com/revoke', { token: t.refresh_token });
    expect(r.status).toBe(200);
    const identity = await fetch(`${sim.url}/health.googleapis.com/v4/users/me/identity`, {
      headers: { authorization: `Bearer ${t.access_token}` },
    });
    expect(identity.status).toBe(401);
    expect(sim.tokenInfo().google['user@example.com']).toBeUndefined();
  });

  test('revoking in the form body works, and a second revoke is 400 invalid_token', async () => {
    const t = await googleTokens(sim);
    expect(
      (await postForm(sim, 'oauth2.googleapis.com/revoke', { token: t.access_token })).status,
    ).toBe(200);
    expectOAuthError(
      await postForm(sim, 'oauth2.googleapis.com/revoke', { token: t.access_token }),
      400,
      'invalid_token',
    );
  });
});

test('expireAccessTokens makes the API answer 401 until a refresh', async () => {
  const t = await googleTokens(sim, { scopes: [G_ACTIVITY] });
  sim.expireAccessTokens();
  const body = {
    range: {
      start: { date: { year: 2026, month: 11, day: 1 } },
      end: { date: { year: 2026, month: 11, day: 2 } },
    },
  };
  const r = await postJson(
    sim,
    'health.googleapis.com/v4/users/me/dataTypes/steps/dataPoints:dailyRollUp',
    body,
    {
      authorization: `Bearer ${t.access_token}`,
    },
  );
  expect(r.status).toBe(401);
  expect(r.body.error.status).toBe('UNAUTHENTICATED');
  expect(r.body.error.details[0].reason).toBe('ACCESS_TOKEN_EXPIRED');
});

describe('incremental authorization (include_granted_scopes)', () => {
  const scopesOf = (r: Answer) => (r.body.scope as string).split(' ').sort();

  test('true: the new grant covers the new scope and every scope granted before', async () => {
    const first = await exchange(await codeFor({ scope: G_ACTIVITY }));
    expect(scopesOf(first)).toEqual([G_ACTIVITY]);
    const c = await sim.consent(
      googleAuthorizeUrl({ scope: G_NUTRITION, include_granted_scopes: 'true' }),
    );
    // The redirect and the token both name the union.
    expect(new URL(c.location).searchParams.get('scope')!.split(' ').sort()).toEqual(
      [G_ACTIVITY, G_NUTRITION].sort(),
    );
    const second = await exchange(c.code as string);
    expect(scopesOf(second)).toEqual([G_ACTIVITY, G_NUTRITION].sort());
  });

  test('absent: the grant is what this consent ticked, nothing more', async () => {
    await exchange(await codeFor({ scope: G_ACTIVITY }));
    const second = await exchange(await codeFor({ scope: G_NUTRITION }));
    expect(scopesOf(second)).toEqual([G_NUTRITION]);
  });

  test('a revoked grant is not carried into a new incremental one', async () => {
    await exchange(await codeFor({ scope: G_ACTIVITY }));
    sim.revokeAllTokens('user@example.com');
    const c = await sim.consent(
      googleAuthorizeUrl({ scope: G_METRICS, include_granted_scopes: 'true' }),
    );
    expect(scopesOf(await exchange(c.code as string))).toEqual([G_METRICS]);
  });

  test('a value other than true or false is refused at the authorize endpoint', async () => {
    const c = await sim.consent(googleAuthorizeUrl({ include_granted_scopes: 'yes' }));
    expect(c.status).not.toBe(302);
    expect(c.errorBody).toContain('include_granted_scopes');
  });
});
