// Legacy Fitbit OAuth settings: scopes, client authentication per app type, revoke, granted scopes.
import { base64Utf8, fitbitOAuth } from '../../../src/providers/fitbit/oauth';
import { DEFAULT_METRIC_IDS } from '../../../src/providers/metrics';

const server = { clientId: '23ABCD', clientSecret: 'abc123secret', appType: 'server' as const };
const client = { ...server, appType: 'client' as const };

describe('Fitbit OAuth settings', () => {
  it('asks only for the activity scope for the default metrics', () => {
    expect(fitbitOAuth.scopesFor(DEFAULT_METRIC_IDS)).toEqual(['activity']);
  });

  it('never asks for every scope, even for unknown metric ids', () => {
    expect(fitbitOAuth.scopesFor(['nonsense'])).toEqual(['activity']);
  });

  it('adds the weight scope only when the weight metric is read', () => {
    expect(fitbitOAuth.scopesFor(['steps', 'weight']).sort()).toEqual(['activity', 'weight']);
  });

  it('authenticates server apps with a Basic header of id:secret', () => {
    const h = fitbitOAuth.tokenHeaders(server);
    expect(h.Authorization).toBe('Basic ' + Buffer.from('23ABCD:abc123secret').toString('base64'));
  });

  it('sends no Authorization header and no secret for client and personal apps', () => {
    expect(fitbitOAuth.tokenHeaders(client)).toEqual({});
    expect(fitbitOAuth.tokenHeaders({ ...client, appType: 'personal' })).toEqual({});
    const body = fitbitOAuth.tokenPayload(
      {
        code: 'c',
        client_id: 'x',
        client_secret: 'abc123secret',
        grant_type: 'authorization_code',
      },
      client,
    );
    expect(body).toEqual({ code: 'c', client_id: '23ABCD', grant_type: 'authorization_code' });
  });

  it('keeps the secret out of the body for server apps too (the header carries it)', () => {
    const body = fitbitOAuth.tokenPayload(
      {
        refresh_token: 'r',
        client_id: '23ABCD',
        client_secret: 'abc123secret',
        grant_type: 'refresh_token',
      },
      server,
    );
    expect(body).toEqual({ refresh_token: 'r', client_id: '23ABCD', grant_type: 'refresh_token' });
  });

  it('drops undefined payload fields (the library always sends client_secret, maybe undefined)', () => {
    const body = fitbitOAuth.tokenPayload({ code: 'c', client_secret: undefined }, server);
    expect(Object.keys(body).sort()).toEqual(['client_id', 'code']);
  });

  it('revokes with the Basic header for server apps and client_id for client apps', () => {
    const s = fitbitOAuth.revokeRequest('tok', server);
    expect(s.url).toBe('https://api.fitbit.com/oauth2/revoke');
    expect(s.payload).toEqual({ token: 'tok' });
    expect(s.headers?.Authorization).toMatch(/^Basic /);
    const c = fitbitOAuth.revokeRequest('tok', client);
    expect(c.payload).toEqual({ token: 'tok', client_id: '23ABCD' });
    expect(c.headers).toEqual({});
  });

  it('reads the granted scopes from the token response', () => {
    expect(fitbitOAuth.grantedScopes({ scope: 'activity heartrate' })).toEqual([
      'activity',
      'heartrate',
    ]);
    expect(fitbitOAuth.grantedScopes({})).toEqual([]);
  });

  it('names scopes in human words', () => {
    expect(fitbitOAuth.describeScope('activity')).toMatch(/^Activity \(steps/);
  });

  it('base64-encodes UTF-8 like Node does', () => {
    for (const s of ['', 'a', 'ab', 'abc', '23ABCD:secret', 'é€😀:x'])
      expect(base64Utf8(s)).toBe(Buffer.from(s, 'utf8').toString('base64'));
  });
});
