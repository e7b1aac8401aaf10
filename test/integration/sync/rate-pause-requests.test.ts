// Requests across a rate-limit pause on the built bundle: what was fetched before the pause is
// not fetched again by the continuation, so a paused sync costs its plan plus the refused request.
import { fitbitRequestCount } from '../../../src/providers/fitbit/data-plan';
import { DEFAULT_METRIC_IDS } from '../../../src/providers/metrics';
import {
  addDays,
  backfill,
  dataRequests,
  dataRoute,
  LA_EARLY_MS,
  LA_ZONE,
  localDate,
  runTriggersUntilIdle,
  settledRows,
  sheetRows,
  startSyncBed,
  useNewSpreadsheet,
  useReferenceBackfill,
  type ProviderKey,
} from './bed';

describe.each<[ProviderKey, number]>([
  // Google 1095 days: 234 requests in 8 batches; Fitbit 1095 days: 47 requests in 2 batches.
  ['google', 1095],
  ['fitbit', 1095],
])('%s, %i days', (provider, days) => {
  const ref = useReferenceBackfill(provider, days);

  it.each([5, 40])(
    'a 429 at request %i: the continuation fetches only what was not answered (plan + 1 requests)',
    async (at) => {
      ref.bed.clock.advance(3_600_000);
      await useNewSpreadsheet(ref.bed);
      ref.bed.sim.clearLog();
      ref.bed.sim.faults.add({ ...dataRoute(provider), atRequest: at, kind: 'rate-limit' });
      const reply = await backfill(ref.bed, ref.start);
      expect(reply.state.sync.next).toMatchObject({ kind: 'continuation', reason: 'rate-limit' });
      const beforePause = dataRequests(ref.bed).length;
      expect(beforePause).toBeLessThan(ref.planSize + 1);
      expect(await runTriggersUntilIdle(ref.bed)).toBe(1);
      expect(dataRequests(ref.bed).length).toBe(ref.planSize + 1);
      expect(settledRows(sheetRows(ref.bed), ref.today)).toEqual(ref.reference);
    },
  );
});

describe('fitbit at its own hourly limit', () => {
  it('a 3650-day backfill pauses at 150 requests and the continuation fetches only the rest: exactly the plan', async () => {
    const bed = await startSyncBed('fitbit', { timeZone: LA_ZONE, atMs: LA_EARLY_MS });
    try {
      const today = localDate(bed.clock.now(), LA_ZONE);
      const plan = fitbitRequestCount(3650, DEFAULT_METRIC_IDS);
      expect(plan).toBeGreaterThan(150);
      const reply = await backfill(bed, addDays(today, -3649));
      expect(reply.state.sync.next).toMatchObject({ kind: 'continuation', reason: 'rate-limit' });
      expect(dataRequests(bed).length).toBe(150);
      expect(await runTriggersUntilIdle(bed)).toBe(1);
      expect(dataRequests(bed).length).toBe(plan);
      const dates = sheetRows(bed)
        .slice(1)
        .map((r) => r[0]);
      expect(dates).toHaveLength(3650);
      expect(new Set(dates).size).toBe(3650);
    } finally {
      await bed.close();
    }
  });
});
