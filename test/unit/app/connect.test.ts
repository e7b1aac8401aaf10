// The OAuth callback use case: every outcome, the one-time nonce, the add-on's own state window,
// and that no page ever carries a secret or a token.
import {
  CONSENT_WINDOW_MS,
  completeAuthorization,
  disconnect,
  startAuthorization,
} from '../../../src/app/connect';
import { sidebarState } from '../../../src/app/sidebar-state';
import { callbackPage } from '../../../src/ui/callback-page';
import { FakeHttp, fakeContext, json, SECRET } from './fakes';

const ACTIVITY = 'https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly';
const GOOGLE_ID = '1234-abc.apps.googleusercontent.com';

function connected(http = new FakeHttp(() => json(200, { healthUserId: 'hu-42' }))) {
  const f = fakeContext(http);
  f.ctx.setup.save('google-health', GOOGLE_ID, SECRET, 'server');
  const url = new URL(startAuthorization(f.ctx));
  const args = Object.fromEntries(url.searchParams) as Record<string, string>;
  const params = {
    ...args,
    serviceName: 'google-health',
    code: 'the-code',
    grantedScope: ACTIVITY,
  };
  return { ...f, http, params };
}

beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));

describe('completeAuthorization', () => {
  it('connects, names the account and the granted data in words', () => {
    const t = connected();
    const o = completeAuthorization(t.ctx, t.params);
    expect(o).toEqual({
      kind: 'connected',
      providerLabel: 'Google Health',
      accountId: 'hu-42',
      account: 'Google Health account …u-42',
      granted: [expect.stringMatching(/^Activity and fitness/)],
      missing: [],
    });
    expect(sidebarState(t.ctx).connection).toMatchObject({
      state: 'connected',
      accountId: 'hu-42',
      accountLabel: 'Google Health account …u-42',
    });
    expect(callbackPage(o).html).toContain(
      'as <strong class="account">Google Health account …u-42</strong>',
    );
  });

  it('says which data will be missing when fewer scopes were granted', () => {
    const t = connected();
    const o = completeAuthorization(t.ctx, { ...t.params, grantedScope: 'openid' });
    expect(o).toMatchObject({
      kind: 'connected',
      missing: [expect.stringMatching(/^Activity and fitness/)],
    });
    expect(callbackPage(o).html).toContain('these columns will stay empty');
  });

  it('consent declined stores nothing', () => {
    const t = connected();
    const o = completeAuthorization(t.ctx, { ...t.params, code: '', error: 'access_denied' });
    expect(o.kind).toBe('declined');
    expect(t.client.stored).toBeNull();
  });

  it('a replayed callback is "already used", not a second code exchange', () => {
    const t = connected();
    expect(completeAuthorization(t.ctx, t.params).kind).toBe('connected');
    expect(completeAuthorization(t.ctx, t.params).kind).toBe('state-used');
  });

  it('a callback after the add-on’s own window is "expired"', () => {
    const t = connected();
    t.advance(CONSENT_WINDOW_MS + 1000);
    expect(completeAuthorization(t.ctx, t.params)).toEqual({
      kind: 'state-expired',
      windowMinutes: 15,
    });
    expect(t.client.stored).toBeNull();
  });

  it('a rejected code and a wrong client are told apart', () => {
    const t = connected();
    t.client.callbackError = 'Error retrieving token: invalid_grant, Bad Request';
    expect(completeAuthorization(t.ctx, t.params).kind).toBe('code-rejected');
    const u = connected();
    u.client.callbackError = 'Error retrieving token: invalid_client, Unauthorized';
    expect(completeAuthorization(u.ctx, u.params).kind).toBe('bad-client');
  });

  it('a Google account without a health profile gets the sign-up link', () => {
    const t = connected(
      new FakeHttp(() =>
        json(400, {
          error: {
            code: 400,
            status: 'FAILED_PRECONDITION',
            details: [
              {
                reason: 'ACCOUNT_NOT_LINKED',
                metadata: { redirect_uri: 'https://health.example/signup' },
              },
            ],
          },
        }),
      ),
    );
    const o = completeAuthorization(t.ctx, t.params);
    expect(o).toEqual({
      kind: 'account-not-linked',
      providerLabel: 'Google Health',
      signUpUrl: 'https://health.example/signup',
    });
    expect(callbackPage(o).html).toContain('href="https://health.example/signup"');
    expect(sidebarState(t.ctx).connection.state).toBe('account-not-linked');
  });

  it('a 410 from the Fitbit token endpoint says the API was turned off', () => {
    const f = fakeContext(new FakeHttp(() => json(200, {})));
    f.ctx.setup.save('fitbit', '23ABCD', SECRET, 'server');
    const url = new URL(startAuthorization(f.ctx));
    f.client.callbackError = 'Error retrieving token: 410: {"errors":[{"errorType":"gone"}]}';
    const o = completeAuthorization(f.ctx, {
      ...Object.fromEntries(url.searchParams),
      serviceName: 'fitbit',
      code: 'c',
    });
    expect(o.kind).toBe('retired');
    expect(callbackPage(o).html).toContain('2 Nov 2026');
    expect(sidebarState(f.ctx).connection).toMatchObject({
      state: 'retired',
      offerGoogleHealth: true,
    });
  });

  it('pages never contain the secret or a token even when the library error embeds them', () => {
    const t = connected();
    t.client.callbackError = `Error retrieving token: 400: {"access_token":"ya29.tokenvalue","client_secret":"${SECRET}"}`;
    const page = callbackPage(completeAuthorization(t.ctx, t.params)).html;
    expect(page).not.toContain(SECRET);
    expect(page).not.toContain('ya29');
  });
});

describe('disconnect', () => {
  it('revokes at the provider, forgets the token and the account', () => {
    const t = connected();
    completeAuthorization(t.ctx, t.params);
    disconnect(t.ctx);
    const revoke = t.http.sent.find((r) =>
      r.url.startsWith('https://oauth2.googleapis.com/revoke'),
    );
    expect(revoke?.url).toBe('https://oauth2.googleapis.com/revoke');
    expect(revoke?.payload).toBe('token=rt-1');
    expect(t.client.stored).toBeNull();
    expect(sidebarState(t.ctx).connection.state).toBe('not-connected');
  });
});

describe('sidebarState', () => {
  it('tells the browser whether a secret is set, never the secret', () => {
    const t = connected();
    completeAuthorization(t.ctx, t.params);
    const text = JSON.stringify(sidebarState(t.ctx));
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('at-1');
    expect(text).not.toContain('rt-1');
    expect(sidebarState(t.ctx).providers.find((p) => p.id === 'google-health')?.secretSet).toBe(
      true,
    );
  });

  it('marks Google Health recommended with the 2 Nov 2026 reason', () => {
    const f = fakeContext(new FakeHttp(() => json(200, {})));
    const s = sidebarState(f.ctx);
    const google = s.providers.find((p) => p.id === 'google-health')!;
    expect(google.recommended).toBe(true);
    expect(google.note).toContain('2 Nov 2026');
    expect(s.connection.state).toBe('setup-needed');
    expect(s.redirectUri).toBe('https://script.google.com/macros/d/SCRIPT/usercallback');
  });
});
