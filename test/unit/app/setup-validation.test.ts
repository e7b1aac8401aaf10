// Setup input checks: empty, whitespace, wrong shape per provider, write-only secret.
import { saveSetup } from '../../../src/app/setup';
import { validateSetup } from '../../../src/app/setup-validation';
import { FakeHttp, fakeContext, json } from './fakes';

const GOOGLE_ID = '1234567890-abc123.apps.googleusercontent.com';

describe('validateSetup', () => {
  it('accepts a Google client and trims pasted whitespace at the ends', () => {
    const r = validateSetup(
      { provider: 'google-health', clientId: ` ${GOOGLE_ID}\n`, clientSecret: ' GOCSPX-abcdefgh ' },
      false,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        provider: 'google-health',
        clientId: GOOGLE_ID,
        clientSecret: 'GOCSPX-abcdefgh',
        appType: 'server',
      },
    });
  });

  it('asks for a provider first', () => {
    expect(validateSetup({ provider: 'strava' }, false)).toEqual({
      ok: false,
      errors: { provider: expect.any(String) },
    });
  });

  it('flags empty fields', () => {
    const r = validateSetup({ provider: 'fitbit', clientId: '  ', clientSecret: '' }, false);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.clientId).toBe('Paste the client ID.');
      expect(r.errors.clientSecret).toBe('Paste the client secret.');
    }
  });

  it('flags a space inside the id or secret', () => {
    const r = validateSetup(
      { provider: 'fitbit', clientId: '23A BCD', clientSecret: 'abc def ghij' },
      false,
    );
    expect(r.ok || r.errors.clientId).toMatch(/space/);
    expect(r.ok || r.errors.clientSecret).toMatch(/space/);
  });

  it('knows each provider’s client id shape', () => {
    const fitbitWithGoogleId = validateSetup(
      { provider: 'fitbit', clientId: GOOGLE_ID, clientSecret: 'x'.repeat(32) },
      false,
    );
    expect(fitbitWithGoogleId.ok || fitbitWithGoogleId.errors.clientId).toMatch(
      /6 capital letters/,
    );
    const lowerCase = validateSetup(
      { provider: 'fitbit', clientId: '23abcd', clientSecret: 'x'.repeat(32) },
      false,
    );
    expect(lowerCase.ok).toBe(false);
    const googleWithFitbitId = validateSetup(
      { provider: 'google-health', clientId: '23ABCD', clientSecret: 'x'.repeat(20) },
      false,
    );
    expect(googleWithFitbitId.ok || googleWithFitbitId.errors.clientId).toMatch(
      /apps\.googleusercontent\.com/,
    );
  });

  it('keeps the stored secret when none is pasted', () => {
    const r = validateSetup(
      { provider: 'fitbit', clientId: '23ABCD', clientSecret: '', appType: 'client' },
      true,
    );
    expect(r).toEqual({
      ok: true,
      value: { provider: 'fitbit', clientId: '23ABCD', clientSecret: null, appType: 'client' },
    });
  });

  it('rejects an unknown Fitbit app type', () => {
    const r = validateSetup(
      { provider: 'fitbit', clientId: '23ABCD', clientSecret: 'x'.repeat(32), appType: 'mobile' },
      false,
    );
    expect(r.ok || r.errors.appType).toMatch(/Server, Client or Personal/);
  });
});

describe('saveSetup', () => {
  it("stores the secret in the person's user properties, never in script properties, and a new client id needs a new secret", () => {
    const f = fakeContext(new FakeHttp(() => json(200, {})));
    expect(
      saveSetup(f.ctx, { provider: 'fitbit', clientId: '23ABCD', clientSecret: 'fitbitsecret1' }),
    ).toEqual({ ok: true });
    expect(f.user.get('setup.fitbit.clientSecret')).toBe('fitbitsecret1');
    expect(f.script.map.size).toBe(0);
    expect(saveSetup(f.ctx, { provider: 'fitbit', clientId: '23ABCD', clientSecret: '' })).toEqual({
      ok: true,
    });
    expect(f.user.get('setup.fitbit.clientSecret')).toBe('fitbitsecret1');
    expect(saveSetup(f.ctx, { provider: 'fitbit', clientId: '99ZZZZ', clientSecret: '' }).ok).toBe(
      false,
    );
    expect(f.script.map.size).toBe(0);
  });

  it('forgets this user’s token when the client id changes', () => {
    const f = fakeContext(new FakeHttp(() => json(200, {})));
    saveSetup(f.ctx, { provider: 'fitbit', clientId: '23ABCD', clientSecret: 'fitbitsecret1' });
    f.client.stored = { access_token: 'a', refresh_token: 'r' };
    saveSetup(f.ctx, { provider: 'fitbit', clientId: '99ZZZZ', clientSecret: 'fitbitsecret2' });
    expect(f.client.stored).toBeNull();
  });
});
