// A token refresh that meets a failure proving nothing about the token, on the built bundle with
// both providers: a dropped connection, an HTML 502 page, a 503, a 429 and a timeout each keep the
// stored token, say the provider could not be reached, and the next run succeeds without consent.
// Only invalid_grant (the refresh token is dead) leads to "reconnect".
import type { Fault } from '../../../dev/simulator/types';
import { tokenOf } from '../connect/harness';
import {
  runTriggersUntilIdle,
  startSyncBed,
  syncNow,
  USER,
  type ProviderKey,
  type SyncBed,
} from './bed';

const PROVIDERS = [
  {
    provider: 'google' as ProviderKey,
    id: 'google-health',
    token: { host: 'oauth2.googleapis.com', pathPrefix: '/token', method: 'POST' },
    authorize: '/o/oauth2/v2/auth',
  },
  {
    provider: 'fitbit' as ProviderKey,
    id: 'fitbit',
    token: { host: 'api.fitbit.com', pathPrefix: '/oauth2/token', method: 'POST' },
    authorize: '/oauth2/authorize',
  },
];

const FAULTS: { name: string; fault: Omit<Fault, 'host' | 'pathPrefix' | 'method'> }[] = [
  { name: 'a dropped connection (UrlFetchApp: Address unavailable)', fault: { kind: 'network' } },
  { name: 'an HTML 502 page (the library: not valid JSON)', fault: { kind: 'html-error' } },
  { name: 'a 503 with an empty body', fault: { kind: 'status', status: 503 } },
  { name: 'a 429 in the provider’s own shape', fault: { kind: 'rate-limit' } },
  { name: 'a timeout', fault: { kind: 'timeout' } },
];

/** Fitbit access tokens last 8 h, Google's 1 h: 9 h later both need a refresh. */
const PAST_EXPIRY_MS = 9 * 3_600_000;

describe.each(PROVIDERS)('$provider', ({ provider, id, token, authorize }) => {
  let bed: SyncBed;
  beforeAll(async () => {
    // UrlFetchApp gives up after about 60 s; a hung token request here fails after 6 s (no slow answer of a loaded machine is taken for one).
    bed = await startSyncBed(provider, { fetchTimeoutMs: 6_000 });
  });
  afterAll(async () => bed?.close());
  beforeEach(() => {
    bed.sim.faults.clear();
    bed.sim.clearLog();
  });

  const refreshes = () =>
    bed.sim
      .requests(token)
      .filter((r) => new URLSearchParams(r.body).get('grant_type') === 'refresh_token');

  it.each(FAULTS)(
    '$name at the token endpoint keeps the token; the next run refreshes and syncs',
    async ({ fault }) => {
      bed.clock.advance(PAST_EXPIRY_MS);
      const before = tokenOf(bed, id);
      expect(before?.refresh_token).toBeTruthy();
      bed.sim.faults.add({ ...token, ...fault });

      const reply = await syncNow(bed);
      expect(reply.ok).toBe(false);
      expect(reply.message).toMatch(/could not be reached, retrying/);
      expect(reply.state.connection.state).toBe('connected');
      expect(reply.state.sync.next).toMatchObject({ kind: 'continuation', reason: 'transient' });
      expect(tokenOf(bed, id)).toEqual(before);
      expect(refreshes()).toHaveLength(1);
      const text = JSON.stringify(reply);
      expect(text).not.toContain(String(before?.refresh_token));
      expect(text).not.toContain(String(before?.access_token));

      // The continuation is the next run: it refreshes and finishes, no consent involved.
      const failedAt = bed.clock.now();
      expect(await runTriggersUntilIdle(bed)).toBe(1);
      expect(refreshes()).toHaveLength(2);
      expect(tokenOf(bed, id)?.access_token).not.toBe(before?.access_token);
      expect(bed.rt.properties.document(bed.spreadsheetId).get('sync.job')).toBeNull();
      const status = JSON.parse(
        bed.rt.properties.document(bed.spreadsheetId).get('sync.status') ?? '{}',
      ) as { problem: unknown; lastSync: { atMs: number } | null };
      expect(status.problem).toBeNull();
      expect(status.lastSync?.atMs).toBeGreaterThan(failedAt);
      expect(bed.sim.requests({ pathPrefix: authorize })).toHaveLength(0);
    },
  );

  it('invalid_grant (a revoked refresh token) is the one answer that asks to reconnect', async () => {
    bed.clock.advance(PAST_EXPIRY_MS);
    bed.sim.revokeAllTokens(USER);
    const reply = await syncNow(bed);
    expect(reply.ok).toBe(false);
    expect(reply.message).toMatch(/no longer accepts this connection.*Authorize/);
    expect(reply.state.connection.state).toBe('reconnect');
    expect(tokenOf(bed, id)).toBeNull();
  });
});
