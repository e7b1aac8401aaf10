// The simulated consent pages: validation errors shown as pages (no redirect), the accessible
// form, denial, partial scopes, login_hint, and the callbackBase rewrite for the playground.
import type { Simulator } from '../../../dev/simulator/index';
import { PRODUCT_NAME } from '../../../src/app/product';
import {
  fitbitAuthorizeUrl,
  fitbitTokens,
  G_ACTIVITY,
  googleAuthorizeUrl,
  googleTokens,
  REDIRECT,
  startSimulator,
  NOON_LA,
} from './helpers';

let sim: Simulator;
afterEach(async () => {
  await sim.close();
});

describe('with the default simulator', () => {
  beforeEach(async () => {
    sim = await startSimulator({ atMs: NOON_LA });
  });

  const page = (url: string) =>
    fetch(url.replace('https://', `${sim.url}/`), { redirect: 'manual' });

  test('the page names the app, has one checked box per scope, a user picker and labelled buttons', async () => {
    sim.addUser({ email: 'second@example.com' });
    const res = await page(fitbitAuthorizeUrl());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(PRODUCT_NAME);
    const boxes = [
      ...html.matchAll(
        /<input type="checkbox" id="([^"]+)" name="scope" value="([^"]+)" checked>/g,
      ),
    ];
    expect(boxes.map((b) => b[2])).toEqual(['activity', 'profile', 'weight']);
    for (const b of boxes) expect(html).toContain(`<label for="${b[1]}">`);
    expect(html).toContain('<label for="user">');
    expect(html).toContain('<option value="second@example.com">');
    expect(html).toMatch(/<button type="submit" name="decision" value="allow">Allow<\/button>/);
    expect(html).toMatch(/<button type="submit" name="decision" value="deny">Deny<\/button>/);
  });

  test.each([
    ['an unknown client', { client_id: 'NOPE' }, 400],
    ['an unregistered redirect URI', { redirect_uri: 'https://evil.example/cb' }, 400],
    ['response_type token', { response_type: 'token' }, 400],
    ['a missing scope', { scope: '' }, 400],
    ['an unknown scope', { scope: 'activity telepathy' }, 400],
    [
      'an unsupported challenge method',
      { code_challenge: 'a'.repeat(43), code_challenge_method: 'S512' },
      400,
    ],
    ['a too short challenge', { code_challenge: 'short', code_challenge_method: 'S256' }, 400],
    ['an invalid prompt', { prompt: 'sometimes' }, 400],
  ])('Fitbit shows an error page, no redirect, for %s', async (_what, params, status) => {
    const res = await page(fitbitAuthorizeUrl(params));
    expect(res.status).toBe(status);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('Developer information:');
  });

  test.each([
    ['an unknown client', { client_id: 'x.apps.googleusercontent.com' }, 401, 'invalid_client'],
    [
      'an unregistered redirect URI',
      { redirect_uri: 'https://evil.example/cb' },
      400,
      'redirect_uri_mismatch',
    ],
    [
      'an unknown scope',
      { scope: 'https://www.googleapis.com/auth/nothing' },
      400,
      'invalid_scope',
    ],
    ['an invalid access_type', { access_type: 'forever' }, 400, 'invalid_request'],
    ['prompt none combined with consent', { prompt: 'none consent' }, 400, 'invalid_request'],
  ])('Google shows an error page, no redirect, for %s', async (_what, params, status, error) => {
    const res = await page(googleAuthorizeUrl(params));
    expect(res.status).toBe(status);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain(`Error ${status}: ${error}`);
  });

  test('Google requires redirect_uri; Fitbit falls back to the single registered one', async () => {
    const g = new URL(googleAuthorizeUrl());
    g.searchParams.delete('redirect_uri');
    expect((await page(g.toString())).status).toBe(400);
    const f = new URL(fitbitAuthorizeUrl());
    f.searchParams.delete('redirect_uri');
    const c = await sim.consent(f.toString());
    expect(c.location.startsWith(REDIRECT)).toBe(true);
  });

  test('consent() returns the error page body for an invalid request', async () => {
    const c = await sim.consent(fitbitAuthorizeUrl({ client_id: 'NOPE' }));
    expect(c.status).toBe(400);
    expect(c.code).toBeUndefined();
    expect(String(c.errorBody)).toContain('Invalid client_id');
  });

  test('Fitbit denial redirects with access_denied, a description, state and #_=_', async () => {
    const c = await sim.consent(fitbitAuthorizeUrl(), { deny: true });
    expect(c.status).toBe(302);
    expect(c.error).toBe('access_denied');
    const u = new URL(c.location);
    expect(u.searchParams.get('error_description')).toBeTruthy();
    expect(u.searchParams.get('state')).toBe('st-1');
    expect(u.hash).toBe('#_=_');
    expect(c.code).toBeUndefined();
  });

  test('Google denial redirects with access_denied and state', async () => {
    const c = await sim.consent(googleAuthorizeUrl(), { deny: true });
    expect(c.error).toBe('access_denied');
    expect(new URL(c.location).searchParams.get('state')).toBe('st-g');
  });

  test('Fitbit partial consent: the token carries only the ticked scopes and other endpoints are 403', async () => {
    const t = await fitbitTokens(sim, { scopes: ['activity'] });
    expect(t.scope).toBe('activity');
    const r = await fetch(
      `${sim.url}/api.fitbit.com/1/user/-/body/weight/date/2026-11-01/2026-11-07.json`,
      {
        headers: { authorization: `Bearer ${t.access_token}` },
      },
    );
    expect(r.status).toBe(403);
    expect((await r.json()).errors[0].errorType).toBe('insufficient_scope');
  });

  test('Google partial consent: weight without the metrics scope is 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT', async () => {
    const t = await googleTokens(sim, { scopes: [G_ACTIVITY] });
    expect(t.scope).toBe(G_ACTIVITY);
    const body = {
      range: {
        start: { date: { year: 2026, month: 11, day: 1 } },
        end: { date: { year: 2026, month: 11, day: 8 } },
      },
    };
    const r = await fetch(
      `${sim.url}/health.googleapis.com/v4/users/me/dataTypes/weight/dataPoints:dailyRollUp`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${t.access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    expect(r.status).toBe(403);
    const e = (await r.json()).error;
    expect(e.status).toBe('PERMISSION_DENIED');
    expect(e.details[0].reason).toBe('ACCESS_TOKEN_SCOPE_INSUFFICIENT');
  });

  test('unticking every scope keeps the person on the page', async () => {
    const c = await sim.consent(fitbitAuthorizeUrl(), { scopes: [] });
    expect(c.status).toBe(400);
    expect(c.location).toBe('');
  });

  test('login_hint preselects the person and the chosen user owns the code', async () => {
    sim.addUser({ email: 'hinted@example.com' });
    const html = await (
      await page(fitbitAuthorizeUrl({ login_hint: 'hinted@example.com' }))
    ).text();
    expect(html).toContain('<option value="hinted@example.com" selected>');
    const t = await fitbitTokens(sim, { user: 'hinted@example.com' });
    expect(t.user_id).toBe(sim.user('hinted@example.com').fitbitUserId);
  });

  test('prompt=none cannot succeed without a session and redirects with an error', async () => {
    const c = await sim.consent(googleAuthorizeUrl({ prompt: 'none' }));
    expect(c.status).toBe(302);
    expect(c.error).toBe('interaction_required');
  });

  test('the local form of the authorize URL works like the production one', async () => {
    const c = await sim.consent(fitbitAuthorizeUrl().replace('https://', `${sim.url}/`));
    expect(c.code).toBeTruthy();
    expect(sim.requests({ host: 'www.fitbit.com', method: 'POST' })).toHaveLength(1);
  });
});

test('callbackBase rewrites script.google.com redirects to the playground origin', async () => {
  sim = await startSimulator({ atMs: NOON_LA, callbackBase: 'http://127.0.0.1:9999' });
  const c = await sim.consent(fitbitAuthorizeUrl());
  expect(c.location.startsWith('http://127.0.0.1:9999/macros/d/SCRIPT123/usercallback?')).toBe(
    true,
  );
  expect(c.code).toBeTruthy();
});
