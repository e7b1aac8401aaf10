// A ten-year Google Health backfill under Apps Script's add-on trigger rules (continuations at
// most hourly): with the sidebar open it drives the continuations itself, one execution after
// another, without waiting for a trigger; closed, hourly continuations finish it. Same sheet.
import {
  addDays,
  backfill,
  localDate,
  ok,
  runTriggersUntilIdle,
  sheetRows,
  slowRun,
  startSyncBed,
  useNewSpreadsheet,
  USER,
  type SyncBed,
  type SyncReply,
} from './bed';

const DAYS = 3650;
const HOUR = 3_600_000;
// Some 26 executions each way: a hang guard for a loaded machine, not a speed claim.
const LONG_RUN_MS = 240_000;
let bed: SyncBed;

beforeAll(async () => {
  bed = await startSyncBed('google');
});
afterAll(() => bed.close());

const mine = () => bed.rt.triggers.list({ user: USER, spreadsheetId: bed.spreadsheetId });
/** Rows of days before `end`: later ones were partial (or not yet there) in one of the runs. */
const before = (rows: unknown[][], end: string) =>
  rows.filter((r, i) => i === 0 || (r[0] as string) < end);

let openRows: unknown[][] = [];
let openEnd = '';
let start = '';

it(
  'with the sidebar open, the sidebar runs each continuation at once; the trigger an hour out never fires',
  async () => {
    await useNewSpreadsheet(bed);
    openEnd = localDate(bed.clock.now(), bed.timeZone);
    start = addDays(openEnd, -(DAYS - 1));
    let reply = await slowRun(bed, () => backfill(bed, start));
    let executions = 1;
    while (reply.state.sync.next?.kind === 'continuation') {
      const sync = reply.state.sync as SyncReply['state']['sync'] & { continueNow: boolean };
      expect(reply.ok).toBe(true);
      // The person's one trigger stays an hour out while the sidebar drives.
      expect(mine().map((t) => t.handler)).toEqual(['continueSync']);
      expect(mine()[0].nextRunAt as number).toBeGreaterThan(bed.clock.now());
      if (!sync.continueNow) {
        // Paused at the provider's own limit: the sidebar waits for it, not for the trigger.
        expect(reply.state.sync.next.reason).toBe('rate-limit');
        expect((reply.state.sync.next.atMs as number) - bed.clock.now()).toBeLessThan(HOUR);
      }
      reply = await slowRun(bed, () => ok<SyncReply>(bed, 'continueFromSidebar'));
      executions++;
      expect(executions).toBeLessThan(80);
    }
    expect(reply.ok).toBe(true);
    expect(reply.state.sync.lastSync?.days).toBe(DAYS);
    expect(executions).toBeGreaterThan(10);
    expect(mine()).toEqual([]);
    openRows = sheetRows(bed);
    expect(openRows).toHaveLength(DAYS + 1);
  },
  LONG_RUN_MS,
);

it(
  'with the sidebar closed, hourly continuations finish the same sheet',
  async () => {
    await useNewSpreadsheet(bed);
    const startedAt = bed.clock.now();
    const first = await slowRun(bed, () => backfill(bed, start));
    expect(first.state.sync.next).toMatchObject({ kind: 'continuation', reason: 'time-budget' });
    const fired = await slowRun(bed, () => runTriggersUntilIdle(bed, 100));
    expect(fired).toBeGreaterThan(10);
    // Each continuation waited at least an hour (the runtime refuses a sooner one).
    expect(bed.clock.now() - startedAt).toBeGreaterThan(fired * HOUR);
    expect(bed.rt.properties.document(bed.spreadsheetId).get('sync.job')).toBeNull();
    expect(before(sheetRows(bed), openEnd)).toEqual(before(openRows, openEnd));
  },
  LONG_RUN_MS,
);
