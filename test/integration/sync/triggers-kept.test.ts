// Triggers that cannot be lost: whatever way a run ends (busy, not connected, the add-on's
// authorization gone, the 20-trigger cap, done), the person is left exactly the clock trigger
// they need in the document: their paused job's continuation, else the daily one when it is on.
import { connect } from '../connect/harness';
import {
  addDays,
  backfill,
  dataRoute,
  localDate,
  ok,
  startSyncBed,
  useNewSpreadsheet,
  USER,
  type SyncBed,
  type SyncReply,
} from './bed';

const HOUR = 3_600_000;
let bed: SyncBed;

beforeAll(async () => {
  bed = await startSyncBed('google', { metrics: ['steps'] });
});
afterAll(() => bed.close());
afterEach(() => bed.rt.authorization.grantAll(USER));

const mine = () => bed.rt.triggers.list({ user: USER, spreadsheetId: bed.spreadsheetId });
const handlers = () => mine().map((t) => t.handler);

/** A new spreadsheet whose 200-day backfill paused at a 429: its continuation is pending. */
async function pausedBackfill(): Promise<SyncReply> {
  bed.clock.advance(HOUR);
  await useNewSpreadsheet(bed);
  bed.sim.faults.clear();
  bed.sim.faults.add({ ...dataRoute('google'), atRequest: 2, kind: 'rate-limit' });
  const start = addDays(localDate(bed.clock.now(), bed.timeZone), -199);
  const reply = await backfill(bed, start);
  bed.sim.faults.clear();
  expect(reply.state.sync.next).toMatchObject({ kind: 'continuation', reason: 'rate-limit' });
  return reply;
}

async function fireNext() {
  // With no trigger there is nothing to fire: never move the clock to Math.min()'s Infinity.
  expect(mine().length).toBeGreaterThan(0);
  const next = Math.min(...mine().map((t) => t.nextRunAt as number));
  bed.clock.advance(Math.max(0, next - bed.clock.now()));
  const runs = await bed.rt.triggers.fireDue();
  expect(runs.map((r) => r.ok)).toEqual(runs.map(() => true));
  return runs;
}

it('a continuation is due an hour later at the soonest, though the provider allowed sooner', async () => {
  const before = bed.clock.now() + HOUR;
  const reply = await pausedBackfill();
  expect(handlers()).toEqual(['continueSync']);
  expect(mine()[0].nextRunAt as number).toBeGreaterThanOrEqual(before + HOUR);
  // The sidebar shows the live trigger's time.
  expect(reply.state.sync.next?.atMs).toBe(mine()[0].nextRunAt);
  while (mine().length > 0) await fireNext();
});

it('a continuation that finds the document busy leaves one continuation; once done, the daily trigger is back', async () => {
  await pausedBackfill();
  await ok(bed, 'setDailySync', [true]);
  expect(handlers()).toEqual(['continueSync']);
  // A sync from the sidebar holds the document lock longer than the 3 s a run waits for it.
  bed.sim.settings.latencyMs = 6_000;
  const sidebar = ok<SyncReply>(bed, 'syncNow');
  await new Promise((r) => setTimeout(r, 1_000));
  const due = mine()[0].nextRunAt as number;
  bed.clock.advance(Math.max(0, due - bed.clock.now()));
  const runs = await bed.rt.triggers.fireDue();
  expect(runs.map((r) => r.ok)).toEqual([true]);
  // The busy run left exactly one trigger: its job is still paused, so a continuation.
  expect(handlers()).toEqual(['continueSync']);
  bed.sim.settings.latencyMs = 0;
  const done = await sidebar;
  expect(done.ok).toBe(true);
  expect(handlers()).toEqual(['runScheduledSync']);
  await ok(bed, 'setDailySync', [false]);
  expect(mine()).toEqual([]);
});

it('a continuation that finds the person disconnected leaves the daily trigger, or none when off', async () => {
  await pausedBackfill();
  await ok(bed, 'setDailySync', [true]);
  // Disconnect turns daily sync off (and says so); the person turns it back on while disconnected.
  const disconnected = await ok<SyncReply['state']>(bed, 'disconnectAccount');
  expect(disconnected.sync.daily).toBe(false);
  await ok(bed, 'setDailySync', [true]);
  await fireNext();
  expect(handlers()).toEqual(['runScheduledSync']);
  await fireNext();
  expect(handlers()).toEqual(['runScheduledSync']);
  await ok(bed, 'setDailySync', [false]);
  expect(mine()).toEqual([]);
  const { page } = await connect(bed);
  expect(page.title).toMatch(/^Connected/);
  // Reconnected, the stored job goes on with Sync now.
  const done = await ok<SyncReply>(bed, 'syncNow');
  expect(done.ok).toBe(true);
  expect(done.state.sync.progress).toBeNull();
});

it('a continuation without the add-on authorization cannot create a trigger; opening the sidebar puts it back', async () => {
  await pausedBackfill();
  bed.rt.authorization.withdraw(USER);
  await fireNext();
  expect(mine()).toEqual([]);
  bed.rt.authorization.grantAll(USER);
  const state = await ok<SyncReply['state']>(bed, 'getSidebarState');
  expect(handlers()).toEqual(['continueSync']);
  expect(state.sync.next).toMatchObject({ kind: 'continuation', atMs: mine()[0].nextRunAt });
  while (mine().length > 0) await fireNext();
});

it('at the 20-trigger cap the failure is shown with what to do, and the trigger comes back once there is room', async () => {
  const others: string[] = [];
  for (let i = 0; i < 20; i++) {
    others.push(await useNewSpreadsheet(bed));
    expect((await ok<SyncReply>(bed, 'setDailySync', [true])).ok).toBe(true);
  }
  await useNewSpreadsheet(bed);
  const refused = await ok<SyncReply>(bed, 'setDailySync', [true]);
  expect(refused.ok).toBe(false);
  expect(refused.message).toMatch(/20 triggers/);
  expect(refused.message).toMatch(/Turn daily sync off in a spreadsheet you no longer need/);
  expect(refused.state.sync.problem).toBe(refused.message);
  expect(mine()).toEqual([]);
  // A sync here still works, and says why the daily run is missing.
  const synced = await ok<SyncReply>(bed, 'syncNow');
  expect(synced.message).toMatch(/20 triggers/);
  expect(bed.rt.triggers.list({ user: USER })).toHaveLength(20);

  const here = bed.spreadsheetId;
  bed.spreadsheetId = others[0];
  await ok(bed, 'setDailySync', [false]);
  bed.spreadsheetId = here;
  const state = await ok<SyncReply['state']>(bed, 'getSidebarState');
  expect(handlers()).toEqual(['runScheduledSync']);
  expect(state.sync.problem).toBeNull();
  for (const id of [here, ...others.slice(1)]) {
    bed.spreadsheetId = id;
    await ok(bed, 'setDailySync', [false]);
  }
  expect(bed.rt.triggers.list({ user: USER })).toEqual([]);
});
