// Token life on the built bundle, for both providers: expiry -> refresh, 401 -> one refresh and one
// retry, a dead refresh token -> reset and "reconnect", concurrent refreshes spend the refresh
// token once, disconnect revokes, and the retired legacy API gives its own status.
import {
  call,
  connect,
  FITBIT,
  GOOGLE,
  setUp,
  startBed,
  state,
  tokenOf,
  USER,
  type Bed,
  type SidebarStateView,
} from './harness';
import { pageTitle } from '../../../src/ui/page-style';

let bed: Bed;
beforeAll(async () => {
  bed = await startBed();
});
afterAll(async () => bed?.close());

const cases = [
  { name: 'Google Health', setup: GOOGLE, tokenHost: 'oauth2.googleapis.com', tokenPath: '/token' },
  { name: 'Fitbit', setup: FITBIT, tokenHost: 'api.fitbit.com', tokenPath: '/oauth2/token' },
] as const;

describe.each(cases)('$name token life', ({ setup, tokenHost, tokenPath }) => {
  const refreshes = () =>
    bed.sim
      .requests({ host: tokenHost, pathPrefix: tokenPath, method: 'POST' })
      .filter((r) => new URLSearchParams(r.body).get('grant_type') === 'refresh_token');
  const check = () => call<SidebarStateView>(bed, 'checkConnection');

  beforeEach(async () => {
    bed.sim.settings.retired = false;
    await call(bed, 'disconnectAccount');
    await setUp(bed, setup);
    const { page } = await connect(bed);
    expect(page.title).toBe(pageTitle('Connected'));
    bed.sim.clearLog();
  });

  it('refreshes an expired access token before calling the API', async () => {
    const before = tokenOf(bed, setup.provider)?.access_token;
    bed.clock.advance(9 * 3600 * 1000);
    expect((await check()).connection.state).toBe('connected');
    expect(refreshes()).toHaveLength(1);
    expect(tokenOf(bed, setup.provider)?.access_token).not.toBe(before);
  });

  it('after a 401 refreshes once and retries once', async () => {
    bed.sim.expireAccessTokens(USER);
    const s = await check();
    expect(s.connection.state).toBe('connected');
    expect(s.connection.accountId).toBeTruthy();
    expect(refreshes()).toHaveLength(1);
  });

  it('a refresh token that no longer works resets the service and asks to reconnect', async () => {
    bed.sim.revokeAllTokens(USER);
    const s = await check();
    expect(s.connection.state).toBe('reconnect');
    expect(s.connection.message).toMatch(/Authorize/);
    expect(tokenOf(bed, setup.provider)).toBeNull();
  });

  it('two executions refreshing at once spend the refresh token once and both succeed', async () => {
    bed.sim.expireAccessTokens(USER);
    const [a, b] = await Promise.all([check(), check()]);
    expect(a.connection.state).toBe('connected');
    expect(b.connection.state).toBe('connected');
    expect(refreshes()).toHaveLength(1);
  });

  it('two executions finding the token expired at once refresh once', async () => {
    bed.clock.advance(9 * 3600 * 1000);
    const [a, b] = await Promise.all([check(), check()]);
    expect([a.connection.state, b.connection.state]).toEqual(['connected', 'connected']);
    expect(refreshes()).toHaveLength(1);
  });

  it('disconnect revokes at the provider with the token in the body, and forgets the tokens', async () => {
    const refreshToken = String(tokenOf(bed, setup.provider)?.refresh_token);
    const s = await call<SidebarStateView>(bed, 'disconnectAccount');
    expect(s.connection.state).toBe('not-connected');
    const revokes = bed.sim.requests({
      pathPrefix: setup.provider === 'fitbit' ? '/oauth2/revoke' : '/revoke',
    });
    expect(revokes).toHaveLength(1);
    expect(revokes[0].status).toBe(200);
    expect(revokes[0].query).toEqual({});
    expect(new URLSearchParams(revokes[0].body).get('token')).toBe(refreshToken);
    expect(tokenOf(bed, setup.provider)).toBeNull();
    const live = bed.sim.tokenInfo()[setup.provider === 'fitbit' ? 'fitbit' : 'google'][USER];
    expect(JSON.stringify(live ?? {})).not.toMatch(/[1-9]/);
  });
});

describe('the retired legacy Fitbit API', () => {
  beforeEach(async () => {
    bed.sim.settings.retired = false;
    await call(bed, 'disconnectAccount');
    await setUp(bed, FITBIT);
  });
  afterEach(() => {
    bed.sim.settings.retired = false;
  });

  it('a 410 from the API gives the retired status with the switch to Google Health', async () => {
    await connect(bed);
    bed.sim.settings.retired = true;
    const s = await call<SidebarStateView>(bed, 'checkConnection');
    expect(s.connection.state).toBe('retired');
    expect(s.connection.message).toContain('2 Nov 2026');
    expect(s.connection.offerGoogleHealth).toBe(true);
  });

  it('a 410 from the token endpoint gives the retired page', async () => {
    const url = await call<string>(bed, 'getAuthorizationUrl');
    const consent = await bed.sim.consent(url);
    bed.sim.settings.retired = true;
    const page = await bed.rt.usercallback(consent.location, { user: USER });
    expect(page.title).toBe(pageTitle('Fitbit turned this API off'));
    expect((await state(bed)).connection.state).toBe('retired');
  });
});
