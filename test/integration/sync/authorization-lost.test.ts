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
  startWithReferenceBackfill,
  syncNow,
  useNewSpreadsheet,
  USER,
  type ProviderKey,
  type SyncBed,
  type SyncReply,
} from './bed';

const DAYS = 120;

describe.each<ProviderKey>(['google', 'fitbit'])('%s', (provider) => {
  let bed: SyncBed;
  let today: string;
  let start: string;
  let reference: unknown[][];
  let planSize: number;

  beforeAll(async () => {
    ({ bed, today, start, reference, planSize } = await startWithReferenceBackfill(provider, DAYS));
  });
  afterAll(async () => bed?.close());
  afterEach(() => bed.rt.authorization.grantAll(USER));

  const triggers = () => bed.rt.triggers.list({ user: USER, spreadsheetId: bed.spreadsheetId });
  const storedProblem = (): string | null => {
    const text = bed.rt.properties.document(bed.spreadsheetId).get('sync.status');
    return text
      ? ((JSON.parse(text) as { problem: { message: string } | null }).problem?.message ?? null)
      : null;
  };

  it('a continuation without authorization makes no request and writes nothing; allowed again, Sync now finishes the same sheet', async () => {
    bed.clock.advance(3_600_000);
    await useNewSpreadsheet(bed);
    bed.sim.clearLog();
    bed.sim.faults.add({ ...dataRoute(provider), atRequest: 5, kind: 'rate-limit' });
    const paused = await backfill(bed, start);
    expect(paused.state.sync.next).toMatchObject({ kind: 'continuation', reason: 'rate-limit' });
    const before = dataRequests(bed).length;
    // Fitbit's first requests complete no day on their own: there may be no sheet yet.
    const rowsNow = () =>
      bed.rt.properties.document(bed.spreadsheetId).get('sync.sheetId') ? sheetRows(bed) : null;
    const rowsBefore = rowsNow();

    bed.rt.authorization.withdraw(USER);
    bed.clock.advance((triggers()[0].nextRunAt as number) - bed.clock.now());
    const runs = await bed.rt.triggers.fireDue();
    // Ended normally: no failure for Apps Script to mail about.
    expect(runs.map((r) => r.ok)).toEqual([true]);
    expect(dataRequests(bed)).toHaveLength(before);
    expect(rowsNow()).toEqual(rowsBefore);
    expect(storedProblem()).toMatch(/lost your permission to run on its own/);
    expect(bed.rt.properties.document(bed.spreadsheetId).get('sync.job')).not.toBeNull();

    // The person opens the add-on (allowing it) and sees the note, then syncs.
    bed.rt.authorization.grantAll(USER);
    const state = await ok<SyncReply['state']>(bed, 'getSidebarState');
    expect(state.sync.problem).toMatch(/Open the add-on from the Extensions menu, allow it/);
    const done = await syncNow(bed);
    expect(done.ok).toBe(true);
    expect(done.state.sync.problem).toBeNull();
    expect(bed.rt.properties.document(bed.spreadsheetId).get('sync.job')).toBeNull();
    // The plan once, plus the refused request: nothing fetched twice, nothing lost.
    expect(dataRequests(bed)).toHaveLength(planSize + 1);
    expect(settledRows(sheetRows(bed), today)).toEqual(reference);
  });

  it('the daily trigger without authorization ends quietly, and runs again normally once allowed', async () => {
    await ok(bed, 'setDailySync', [true]);
    const daily = triggers().find((t) => !t.oneOff);
    expect(daily).toBeDefined();
    bed.rt.authorization.withdraw(USER, [
      'https://www.googleapis.com/auth/script.external_request',
    ]);
    bed.sim.clearLog();
    bed.clock.advance((daily!.nextRunAt as number) - bed.clock.now());
    expect((await bed.rt.triggers.fireDue()).map((r) => r.ok)).toEqual([true]);
    expect(dataRequests(bed)).toHaveLength(0);
    expect(storedProblem()).toMatch(/lost your permission/);

    bed.rt.authorization.grantAll(USER);
    const next = triggers().find((t) => !t.oneOff)!;
    bed.clock.advance((next.nextRunAt as number) - bed.clock.now());
    expect((await bed.rt.triggers.fireDue()).map((r) => r.ok)).toEqual([true]);
    expect(dataRequests(bed).length).toBeGreaterThan(0);
    expect(storedProblem()).toBeNull();
    await ok(bed, 'setDailySync', [false]);
  });
});
