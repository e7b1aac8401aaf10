// Google Health OAuth settings: offline access, restricted read-only scopes, revoke.
import { googleHealthOAuth } from '../../../src/providers/google-health/oauth';
import { DEFAULT_METRIC_IDS } from '../../../src/providers/metrics';

const creds = { clientId: '1-a.apps.googleusercontent.com', clientSecret: 'GOCSPX-secret' };
const ACTIVITY = 'https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly';
const MEASUREMENTS =
  'https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.readonly';

describe('Google Health OAuth settings', () => {
  it('uses Google OAuth endpoints', () => {
    expect(googleHealthOAuth.authorizationBaseUrl).toBe(
      'https://accounts.google.com/o/oauth2/v2/auth',
    );
    expect(googleHealthOAuth.tokenUrl).toBe('https://oauth2.googleapis.com/token');
  });

  it('asks for offline access with a consent prompt, so Google issues a refresh token', () => {
    expect(googleHealthOAuth.authorizeParams).toEqual({
      access_type: 'offline',
      prompt: 'consent',
    });
  });

  it('asks only for the activity scope for the default metrics, read-only', () => {
    expect(googleHealthOAuth.scopesFor(DEFAULT_METRIC_IDS)).toEqual([ACTIVITY]);
    expect(googleHealthOAuth.scopesFor(['weight']).every((s) => s.endsWith('.readonly'))).toBe(
      true,
    );
  });

  it('asks for the scopes of the chosen heart, vitals, body and fitness metrics, and no other', () => {
    expect(googleHealthOAuth.scopesFor(['vo2Max', 'azmTotal'])).toEqual([ACTIVITY]);
    expect(googleHealthOAuth.scopesFor(['restingHeartRate', 'skinTemperature'])).toEqual([
      MEASUREMENTS,
    ]);
    expect(googleHealthOAuth.scopesFor(['steps', 'bodyFat'])).toEqual([ACTIVITY, MEASUREMENTS]);
    expect(googleHealthOAuth.describeScope(MEASUREMENTS)).toMatch(/HRV, SpO2/);
  });

  it('sends client id and secret in the body and no extra header', () => {
    expect(googleHealthOAuth.tokenHeaders(creds)).toEqual({});
    expect(
      googleHealthOAuth.tokenPayload(
        { code: 'c', client_id: 'i', client_secret: 's', x: undefined },
        creds,
      ),
    ).toEqual({ code: 'c', client_id: 'i', client_secret: 's' });
  });

  it('revokes at oauth2.googleapis.com/revoke with the token in the form body, not the URL', () => {
    const r = googleHealthOAuth.revokeRequest('1//tok/en', creds);
    expect(r.method).toBe('post');
    expect(r.url).toBe('https://oauth2.googleapis.com/revoke');
    expect(r.contentType).toBe('application/x-www-form-urlencoded');
    expect(r.payload).toBe('token=1%2F%2Ftok%2Fen');
  });

  it('reads granted scopes and names them in human words', () => {
    expect(googleHealthOAuth.grantedScopes({ scope: `${ACTIVITY} openid` })).toEqual([
      ACTIVITY,
      'openid',
    ]);
    expect(googleHealthOAuth.describeScope(ACTIVITY)).toMatch(/^Activity and fitness/);
  });
});
