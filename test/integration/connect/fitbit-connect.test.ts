// Connecting a legacy Fitbit account on the built bundle: authorization URL, PKCE, client
// authentication by app type, consent outcomes, wrong secret, reused callback.
import {
  call,
  connect,
  FITBIT,
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

let bed: Bed;
beforeAll(async () => {
  bed = await startBed();
  bed.sim.registerClient('fitbit', {
    clientId: '77CLNT',
    clientSecret: 'fedcba9876543210fedcba9876543210',
    appType: 'client',
    redirectUris: [bed.rt.redirectUri()],
  });
});
afterAll(async () => bed?.close());

beforeEach(async () => {
  for (const u of [USER, OTHER_USER])
    await call(bed, 'disconnectAccount', [], u).catch(() => undefined);
  await setUp(bed, FITBIT);
  bed.sim.clearLog();
});

const tokenRequests = () =>
  bed.sim.requests({ host: 'api.fitbit.com', pathPrefix: '/oauth2/token' });

describe('Fitbit: authorization URL', () => {
  it('asks for the activity scope only, with a 43-char S256 challenge and the registered redirect', async () => {
    const url = new URL(await call<string>(bed, 'getAuthorizationUrl'));
    expect(url.origin + url.pathname).toBe('https://www.fitbit.com/oauth2/authorize');
    const q = url.searchParams;
    expect(q.get('client_id')).toBe(FITBIT.clientId);
    expect(q.get('scope')).toBe('activity');
    expect(q.get('redirect_uri')).toBe(bed.rt.redirectUri());
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('Fitbit: consent and callback', () => {
  it('a server app connects with the Basic header and stores tokens for that user only', async () => {
    const { page } = await connect(bed);
    expect(page.title).toBe(pageTitle('Connected'));
    const [req] = tokenRequests();
    const expected =
      'Basic ' + Buffer.from(`${FITBIT.clientId}:${FITBIT.clientSecret}`).toString('base64');
    expect(req.headers.authorization).toBe(expected);
    expect(new URLSearchParams(req.body).has('client_secret')).toBe(false);
    expect(tokenOf(bed, 'fitbit')?.access_token).toBeTruthy();
    expect(Object.keys(userProps(bed, OTHER_USER)).some((k) => k.startsWith('oauth2.'))).toBe(
      false,
    );
    const s = await state(bed);
    expect(s.connection).toMatchObject({
      state: 'connected',
      accountId: bed.sim.user(USER).fitbitUserId,
      accountLabel: `Fitbit account ${bed.sim.user(USER).fitbitUserId}`,
    });
    expect(s.connection.grantedScopes).toEqual([expect.stringMatching(/^Activity/)]);
  });

  it('a client app sends client_id in the body, no header and no secret', async () => {
    await setUp(bed, {
      ...FITBIT,
      clientId: '77CLNT',
      clientSecret: 'fedcba9876543210fedcba9876543210',
      appType: 'client',
    });
    const { page } = await connect(bed);
    expect(page.title).toBe(pageTitle('Connected'));
    const [req] = tokenRequests();
    expect(req.headers.authorization).toBeUndefined();
    const body = new URLSearchParams(req.body);
    expect(body.get('client_id')).toBe('77CLNT');
    expect(body.has('client_secret')).toBe(false);
    expect(body.get('code_verifier')).toMatch(/^[a-f0-9]{64}$/);
  });

  it('consent declined stores nothing', async () => {
    const { page } = await connect(bed, { deny: true });
    expect(page.title).toMatch(/declined/);
    expect(tokenOf(bed, 'fitbit')).toBeNull();
  });

  it('a wrong secret gives the wrong-client page without the secret', async () => {
    await setUp(bed, { ...FITBIT, clientSecret: 'ffffffffffffffffffffffffffffffff' });
    const { page } = await connect(bed);
    expect(page.title).toBe(pageTitle('The client ID or secret is wrong'));
    expect(page.html).not.toContain('ffffffffffffffffffffffffffffffff');
  });

  it('a reused callback is refused before the code is spent again; an expired code is rejected', async () => {
    const first = await connect(bed);
    expect((await bed.rt.usercallback(first.consent.location, { user: USER })).title).toBe(
      pageTitle('This sign-in link was already used'),
    );
    expect(tokenRequests()).toHaveLength(1);
    const late = await connect(bed, { beforeCallback: () => bed.clock.advance(11 * 60 * 1000) });
    expect(late.page.title).toBe(pageTitle('The provider did not accept the sign-in'));
  });
});
