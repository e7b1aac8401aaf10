// Connecting a Google Health account on the built bundle through the local runtime and the
// simulator: authorization URL, PKCE, consent outcomes, per-user token storage, identity.
import { createHash } from 'node:crypto';
import {
  call,
  connect,
  GOOGLE,
  OTHER_USER,
  setUp,
  startBed,
  state,
  tokenOf,
  userProps,
  USER,
  type Bed,
} from './harness';
import { pageTitle } from '../../../src/ui/page-style';

const ACTIVITY = 'https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly';
const MEASUREMENTS =
  'https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.readonly';
let bed: Bed;

beforeAll(async () => {
  bed = await startBed();
});
afterAll(async () => bed?.close());

beforeEach(async () => {
  for (const u of [USER, OTHER_USER])
    await call(bed, 'disconnectAccount', [], u).catch(() => undefined);
  await setUp(bed, GOOGLE);
  bed.sim.clearLog();
});

describe('Google Health: authorization URL', () => {
  it('carries client id, redirect URI, offline access, consent prompt, minimal scope and a 43-char S256 challenge', async () => {
    const url = new URL(await call<string>(bed, 'getAuthorizationUrl'));
    expect(url.origin + url.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    const q = url.searchParams;
    expect(q.get('client_id')).toBe(GOOGLE.clientId);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('redirect_uri')).toBe(bed.rt.redirectUri());
    expect(q.get('access_type')).toBe('offline');
    expect(q.get('prompt')).toBe('consent');
    expect(q.get('scope')).toBe(ACTIVITY);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toBeTruthy();
  });

  it('the simulator verifies the challenge against the verifier sent to the token endpoint', async () => {
    const { url, page } = await connect(bed);
    expect(page.title).toBe(pageTitle('Connected'));
    const token = bed.sim.requests({ host: 'oauth2.googleapis.com', pathPrefix: '/token' })[0];
    const verifier = new URLSearchParams(token.body).get('code_verifier') ?? '';
    expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
    expect(new URL(url).searchParams.get('code_challenge')).toBe(challenge);
  });
});

describe('Google Health: consent and callback', () => {
  it('stores tokens in that user’s properties only and shows the account', async () => {
    const { page } = await connect(bed);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Activity and fitness');
    expect(tokenOf(bed, 'google-health')?.refresh_token).toBeTruthy();
    expect(Object.keys(userProps(bed, OTHER_USER)).filter((k) => k.startsWith('oauth2.'))).toEqual(
      [],
    );
    expect(bed.rt.properties.script.all()).not.toHaveProperty('oauth2.google-health');
    const mine = await state(bed);
    expect(mine.connection).toMatchObject({
      state: 'connected',
      accountId: bed.sim.user(USER).healthUserId,
      accountLabel: `Google Health account …${bed.sim.user(USER).healthUserId.slice(-4)}`,
    });
    // Personal mode: the other person has set up no client of their own yet.
    expect((await state(bed, OTHER_USER)).connection.state).toBe('setup-needed');
    // The identity call gives only an opaque id: the page names the account by its last characters.
    expect(page.html).toContain(
      `as <strong class="account">Google Health account …${bed.sim.user(USER).healthUserId.slice(-4)}</strong>`,
    );
  });

  it('consent declined stores nothing and says so', async () => {
    const { page } = await connect(bed, { deny: true });
    expect(page.title).toMatch(/declined/);
    expect(tokenOf(bed, 'google-health')).toBeNull();
  });

  it('partial consent stays connected and names the missing data', async () => {
    // Weight needs a second scope, so the person can leave one out.
    bed.rt.properties
      .document(bed.rt.defaultSpreadsheetId)
      .set('addon.metrics', '["steps","weight"]');
    try {
      const { url, page } = await connect(bed, { scopes: [ACTIVITY] });
      expect(new URL(url).searchParams.get('scope')?.split(' ').sort()).toEqual([
        ACTIVITY,
        MEASUREMENTS,
      ]);
      expect(page.title).toBe(pageTitle('Connected, with some data left out'));
      expect(page.html).toContain('Health metrics and measurements');
      const s = await state(bed);
      expect(s.connection.state).toBe('connected');
      expect(s.connection.grantedScopes).toEqual([expect.stringMatching(/^Activity and fitness/)]);
      expect(s.connection.missingScopes).toEqual([expect.stringMatching(/^Health metrics/)]);
    } finally {
      bed.rt.properties.document(bed.rt.defaultSpreadsheetId).delete('addon.metrics');
    }
  });

  it('a callback after the add-on’s 15-minute window says the link expired', async () => {
    const { page } = await connect(bed, {
      beforeCallback: () => bed.clock.advance(16 * 60 * 1000),
    });
    expect(page.title).toBe(pageTitle('This sign-in link has expired'));
    expect(tokenOf(bed, 'google-health')).toBeNull();
  });

  it('a state older than Apps Script’s 3600 s never reaches the add-on (the runtime’s own page)', async () => {
    const { page } = await connect(bed, { beforeCallback: () => bed.clock.advance(3601 * 1000) });
    expect(page.status).toBe(400);
    expect(tokenOf(bed, 'google-health')).toBeNull();
  });

  it('a reused callback says already used and does not spend the code again', async () => {
    const first = await connect(bed);
    expect(first.page.title).toBe(pageTitle('Connected'));
    const again = await bed.rt.usercallback(first.consent.location, { user: USER });
    expect(again.title).toBe(pageTitle('This sign-in link was already used'));
    expect(bed.sim.requests({ host: 'oauth2.googleapis.com', pathPrefix: '/token' })).toHaveLength(
      1,
    );
  });

  it('an expired code is rejected by the provider and the page says start again', async () => {
    // 11 minutes: inside the add-on's window, past the provider's code lifetime.
    const { page } = await connect(bed, {
      beforeCallback: () => bed.clock.advance(11 * 60 * 1000),
    });
    expect(page.title).toBe(pageTitle('The provider did not accept the sign-in'));
    expect(tokenOf(bed, 'google-health')).toBeNull();
  });

  it('a wrong client secret gives the wrong-client page, without the secret', async () => {
    await setUp(bed, { ...GOOGLE, clientSecret: 'GOCSPX-wrong-secret-9999' });
    const { page } = await connect(bed);
    expect(page.title).toBe(pageTitle('The client ID or secret is wrong'));
    expect(page.html).not.toContain('GOCSPX-wrong-secret-9999');
  });

  it('a Google account without a health profile gets the sign-up link', async () => {
    bed.sim.addUser({ email: 'nolink@example.com', healthLinked: false });
    await setUp(bed, GOOGLE, 'nolink@example.com');
    const { page } = await connect(bed, { user: 'nolink@example.com' });
    expect(page.title).toBe(pageTitle('Your Google account has no health profile yet'));
    const s = await state(bed, 'nolink@example.com');
    expect(s.connection.state).toBe('account-not-linked');
    expect(s.connection.signUpUrl).toMatch(/^https:\/\//);
    expect(page.html).toContain(s.connection.signUpUrl!.replace(/&/g, '&amp;'));
  });
});
