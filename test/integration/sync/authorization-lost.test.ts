// Trigger runs after the person's authorization of the add-on itself lapsed (access removed, or an
// update asks for more scopes): the trigger ends quietly without a request or a write, the sidebar
// says what to do, and once allowed again the stored sync goes on where it stopped.
import {
  backfill,
  dataRequests,
  dataRoute,
  ok,
  settledRows,
  sheetRows,
  syncNow,
  useNewSpreadsheet,
  USER,
  useReferenceBackfill,
  type ProviderKey,
  type SyncReply,
} from './bed';

const DAYS = 120;

describe.each<ProviderKey>(['google', 'fitbit'])('%s', (provider) => {
  const ref = useReferenceBackfill(provider, DAYS);
  afterEach(() => ref.bed.rt.authorization.grantAll(USER));

  const triggers = () =>
    ref.bed.rt.triggers.list({ user: USER, spreadsheetId: ref.bed.spreadsheetId });
  const storedProblem = (): string | null => {
    const text = ref.bed.rt.properties.document(ref.bed.spreadsheetId).get('sync.status');
    return text
      ? ((JSON.parse(text) as { problem: { message: string } | null }).problem?.message ?? null)
      : null;
  };

  it('a continuation without authorization makes no request and writes nothing; allowed again, Sync now finishes the same sheet', async () => {
    ref.bed.clock.advance(3_600_000);
    await useNewSpreadsheet(ref.bed);
    ref.bed.sim.clearLog();
    ref.bed.sim.faults.add({ ...dataRoute(provider), atRequest: 5, kind: 'rate-limit' });
    const paused = await backfill(ref.bed, ref.start);
    expect(paused.state.sync.next).toMatchObject({ kind: 'continuation', reason: 'rate-limit' });
    const before = dataRequests(ref.bed).length;
    // Fitbit's first requests complete no day on their own: there may be no sheet yet.
    const rowsNow = () =>
      ref.bed.rt.properties.document(ref.bed.spreadsheetId).get('sync.sheetId')
        ? sheetRows(ref.bed)
        : null;
    const rowsBefore = rowsNow();

    ref.bed.rt.authorization.withdraw(USER);
    ref.bed.clock.advance((triggers()[0].nextRunAt as number) - ref.bed.clock.now());
    const runs = await ref.bed.rt.triggers.fireDue();
    // Ended normally: no failure for Apps Script to mail about.
    expect(runs.map((r) => r.ok)).toEqual([true]);
    expect(dataRequests(ref.bed)).toHaveLength(before);
    expect(rowsNow()).toEqual(rowsBefore);
    expect(storedProblem()).toMatch(/lost your permission to run on its own/);
    expect(ref.bed.rt.properties.document(ref.bed.spreadsheetId).get('sync.job')).not.toBeNull();

    // The person opens the add-on (allowing it) and sees the note, then syncs.
    ref.bed.rt.authorization.grantAll(USER);
    const state = await ok<SyncReply['state']>(ref.bed, 'getSidebarState');
    expect(state.sync.problem).toMatch(/Open the add-on from the Extensions menu, allow it/);
    const done = await syncNow(ref.bed);
    expect(done.ok).toBe(true);
    expect(done.state.sync.problem).toBeNull();
    expect(ref.bed.rt.properties.document(ref.bed.spreadsheetId).get('sync.job')).toBeNull();
    // The plan once, plus the refused request: nothing fetched twice, nothing lost.
    expect(dataRequests(ref.bed)).toHaveLength(ref.planSize + 1);
    expect(settledRows(sheetRows(ref.bed), ref.today)).toEqual(ref.reference);
  });

  it('the daily trigger without authorization ends quietly, and runs again normally once allowed', async () => {
    await ok(ref.bed, 'setDailySync', [true]);
    const daily = triggers().find((t) => !t.oneOff);
    expect(daily).toBeDefined();
    ref.bed.rt.authorization.withdraw(USER, [
      'https://www.googleapis.com/auth/script.external_request',
    ]);
    ref.bed.sim.clearLog();
    ref.bed.clock.advance((daily!.nextRunAt as number) - ref.bed.clock.now());
    expect((await ref.bed.rt.triggers.fireDue()).map((r) => r.ok)).toEqual([true]);
    expect(dataRequests(ref.bed)).toHaveLength(0);
    expect(storedProblem()).toMatch(/lost your permission/);

    ref.bed.rt.authorization.grantAll(USER);
    const next = triggers().find((t) => !t.oneOff)!;
    ref.bed.clock.advance((next.nextRunAt as number) - ref.bed.clock.now());
    expect((await ref.bed.rt.triggers.fireDue()).map((r) => r.ok)).toEqual([true]);
    expect(dataRequests(ref.bed).length).toBeGreaterThan(0);
    expect(storedProblem()).toBeNull();
    await ok(ref.bed, 'setDailySync', [false]);
  });
});
