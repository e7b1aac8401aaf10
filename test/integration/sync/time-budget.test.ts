// The 6-minute execution limit end to end: a slow provider makes time pass while a backfill runs,
// the engine stops at a batch boundary, writes only complete rows and schedules its continuation.
import {
  backfill,
  dataRequests,
  runTriggersUntilIdle,
  settledRows,
  sheetRows,
  slowRun,
  useNewSpreadsheet,
  USER,
  useReferenceBackfill,
  type ProviderKey,
  type SyncReply,
} from './bed';

/** Google: 236 requests (8 batches); Fitbit: 47 (2 batches). */
const DAYS = 1095;
const BATCH = 30;

describe.each<ProviderKey>(['google', 'fitbit'])('%s', (provider) => {
  const ref = useReferenceBackfill(provider, DAYS);

  it('stops after the batch that used up the time, keeps complete rows only, and its "time limit" continuation finishes the same sheet', async () => {
    ref.bed.clock.advance(3_600_000);
    await useNewSpreadsheet(ref.bed);
    ref.bed.sim.clearLog();
    ref.bed.sim.faults.clear();
    const startedAt = ref.bed.clock.now();
    const reply = await slowRun<SyncReply>(ref.bed, () => backfill(ref.bed, ref.start));

    // Paused, not failed: the sidebar says why and when it goes on.
    expect(reply.ok).toBe(true);
    expect(reply.message).toMatch(/6 minutes/);
    expect(reply.state.sync.problem).toBeNull();
    expect(reply.state.sync.next).toMatchObject({ kind: 'continuation', reason: 'time-budget' });
    const triggers = ref.bed.rt.triggers.list({ user: USER, spreadsheetId: ref.bed.spreadsheetId });
    expect(triggers).toHaveLength(1);
    expect(triggers[0].handler).toBe('continueSync');
    expect(triggers[0].oneOff).toBe(true);
    expect(triggers[0].nextRunAt as number).toBeGreaterThan(startedAt + 6 * 60_000);
    // The first batch outlasted the budget, so no second batch was started.
    expect(dataRequests(ref.bed)).toHaveLength(BATCH);

    // Only days whose every request was fetched are in the sheet, each exactly as uninterrupted.
    const sheetId = ref.bed.rt.properties.document(ref.bed.spreadsheetId).get('sync.sheetId');
    const written = sheetId ? settledRows(sheetRows(ref.bed), ref.today) : [];
    const byDate = new Map(ref.reference.map((r) => [r[0], r]));
    for (const row of written.slice(1)) expect(row).toEqual(byDate.get(row[0]));
    // Google's first 30 requests (ordered by their last day) are the 14-day chunks up to day
    // 168 and the 90-day chunks up to day 90: days 1-90 are complete. Fitbit's first batch is all
    // 30-day activityCalories chunks, which complete no day on their own.
    if (provider === 'google') expect(written).toHaveLength(91);
    else expect(written).toEqual([]);
    // Progress counts exactly the days written, though no 90-day request is finished yet.
    expect(reply.state.sync.progress?.daysDone).toBe(Math.max(0, written.length - 1));

    // Firing the continuation (at normal speed) completes the sync.
    expect(await runTriggersUntilIdle(ref.bed)).toBe(1);
    // What the first run fetched but could not write waited in the user cache: no request twice.
    expect(dataRequests(ref.bed).length).toBe(ref.planSize);
    expect(ref.bed.rt.properties.document(ref.bed.spreadsheetId).get('sync.job')).toBeNull();
    expect(settledRows(sheetRows(ref.bed), ref.today)).toEqual(ref.reference);
  });
});
