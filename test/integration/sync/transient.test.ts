// Transient and malformed provider answers on the built bundle: a 5xx or a timeout is retried
// within the run; an answer that keeps being unusable writes nothing of its own, names the
// request in the sidebar (never a token) and is repaired by the transient continuation.
import { userProps } from '../connect/harness';
import {
  addDays,
  backfill,
  dataRequests,
  dataRoute,
  runTriggersUntilIdle,
  settledRows,
  sheetRows,
  useNewSpreadsheet,
  USER,
  useReferenceBackfill,
  type ProviderKey,
} from './bed';

/** Google: 30 requests, one batch (floors in 2 chunks); Fitbit: 14 (activityCalories in 4). */
const DAYS = 120;

describe.each<ProviderKey>(['google', 'fitbit'])('%s', (provider) => {
  // UrlFetchApp gives up after about 60 s; a hung request here fails after 6 s: short enough for
  // a quick test, long enough that a loaded machine answering slowly is never taken for a hang
  // (at 1.5 s a busy CI box timed out healthy batches and doubled the reference plan).
  const ref = useReferenceBackfill(provider, DAYS, { fetchTimeoutMs: 6_000 });
  beforeAll(() => expect(ref.planSize).toBe(provider === 'google' ? 30 : 14));
  beforeEach(async () => {
    ref.bed.sim.faults.clear();
    ref.bed.clock.advance(3_600_000);
    await useNewSpreadsheet(ref.bed);
    ref.bed.sim.clearLog();
  });

  const noContinuation = () =>
    expect(ref.bed.rt.triggers.list({ user: USER, spreadsheetId: ref.bed.spreadsheetId })).toEqual(
      [],
    );

  it('a 503 once is retried within the run: the same sheet, one extra request, no problem', async () => {
    ref.bed.sim.faults.add({ ...dataRoute(provider), atRequest: 2, kind: 'status', status: 503 });
    const reply = await backfill(ref.bed, ref.start);
    expect(reply.ok).toBe(true);
    expect(reply.state.sync.problem).toBeNull();
    expect(reply.state.sync.next).toBeNull();
    noContinuation();
    expect(dataRequests(ref.bed)).toHaveLength(ref.planSize + 1);
    expect(settledRows(sheetRows(ref.bed), ref.today)).toEqual(ref.reference);
  });

  it('a timeout loses the whole fetchAll, which is sent again: the sync completes in the run', async () => {
    ref.bed.sim.faults.add({ ...dataRoute(provider), atRequest: 3, kind: 'timeout' });
    const reply = await backfill(ref.bed, ref.start);
    expect(reply.ok).toBe(true);
    expect(reply.state.sync.problem).toBeNull();
    noContinuation();
    // UrlFetchApp throws for the whole batch on a timeout, so every request of it goes again.
    expect(dataRequests(ref.bed)).toHaveLength(2 * ref.planSize);
    expect(settledRows(sheetRows(ref.bed), ref.today)).toEqual(ref.reference);
  });

  /** One chunk of the plan that answers unusably on every attempt (the first try and 2 retries). */
  function brokenChunk(kind: 'malformed-json' | 'html-error') {
    if (provider === 'google') {
      // floors is asked in chunks of 90 days: the 2nd floors request is days 91-120, and its
      // retries follow the batch, so the next two floors requests are that chunk again.
      const chunk = { start: addDays(ref.start, 90), end: ref.today };
      const pathPrefix = '/v4/users/me/dataTypes/floors';
      ref.bed.sim.faults.add({
        host: 'health.googleapis.com',
        pathPrefix,
        atRequest: 2,
        times: 3,
        kind,
      });
      return { chunk, id: `google floors ${chunk.start}..${chunk.end}` };
    }
    const chunk = { start: addDays(ref.start, 30), end: addDays(ref.start, 59) };
    const pathPrefix = `/1/user/-/activities/activityCalories/date/${chunk.start}/`;
    ref.bed.sim.faults.add({ host: 'api.fitbit.com', pathPrefix, times: 3, kind });
    return { chunk, id: `fitbit activities/activityCalories ${chunk.start}..${chunk.end}` };
  }

  it.each(['malformed-json', 'html-error'] as const)(
    '%s on every attempt: nothing from it is written, the problem names the request, a later run repairs the gap',
    async (kind) => {
      const { chunk, id } = brokenChunk(kind);
      const reply = await backfill(ref.bed, ref.start);
      expect(reply.ok).toBe(true);
      expect(reply.state.sync.next).toMatchObject({ kind: 'continuation', reason: 'transient' });
      const problem = reply.state.sync.problem ?? '';
      expect(problem).toContain(id);
      const token = JSON.parse(
        userProps(ref.bed)[`oauth2.${provider === 'google' ? 'google-health' : 'fitbit'}`] ?? '{}',
      ) as { access_token?: string; refresh_token?: string };
      expect(token.access_token).toBeTruthy();
      expect(problem).not.toContain(token.access_token);
      expect(problem).not.toMatch(/Bearer|access_token|refresh_token/i);

      // Every other day is in the sheet exactly as uninterrupted; none of the broken chunk's.
      const rows = settledRows(sheetRows(ref.bed), ref.today);
      const dates = rows.slice(1).map((r) => r[0] as string);
      expect(dates.some((d) => d >= chunk.start && d <= chunk.end)).toBe(false);
      expect(rows).toEqual(
        ref.reference.filter(
          (r, i) => i === 0 || !((r[0] as string) >= chunk.start && (r[0] as string) <= chunk.end),
        ),
      );

      expect(await runTriggersUntilIdle(ref.bed)).toBe(1);
      expect(ref.bed.rt.properties.document(ref.bed.spreadsheetId).get('sync.job')).toBeNull();
      expect(settledRows(sheetRows(ref.bed), ref.today)).toEqual(ref.reference);
    },
  );
});
