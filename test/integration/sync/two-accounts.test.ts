// Two people in one spreadsheet, each connected to their own Google Health account, each with
// daily sync on: each account's rows go to its own sheet (the first keeps "Activity"), each job
// is continued only by the person who started it, and a backfill by one never touches the other.
import { connect, GOOGLE } from '../connect/harness';
import {
  addDays,
  dataRoute,
  localDate,
  settledRows,
  startSyncBed,
  useNewSpreadsheet,
  USER,
  type SyncBed,
  type SyncReply,
} from './bed';

const OTHER = 'other@example.com';
let bed: SyncBed;

beforeAll(async () => {
  bed = await startSyncBed('google', { metrics: ['steps', 'distance'] });
  bed.sim.addUser({ email: OTHER, timeZone: bed.timeZone });
  // Each person sets up their own OAuth client (user properties) and connects their own account.
  const setup = await bed.rt.runFromClient('saveProviderSetup', [GOOGLE], {
    user: OTHER,
    spreadsheetId: bed.spreadsheetId,
  });
  if (!setup.ok) throw new Error(`setup failed: ${setup.error.message}`);
  const { page } = await connect(bed, { user: OTHER });
  if (!/^Connected/.test(page.title)) throw new Error(`connect failed: ${page.title}`);
});
afterAll(() => bed.close());

async function as<T = SyncReply>(user: string, fn: string, args: unknown[] = []): Promise<T> {
  const r = await bed.rt.runFromClient(fn, args, { user, spreadsheetId: bed.spreadsheetId });
  if (!r.ok) throw new Error(`${fn} as ${user} failed: ${r.error.message}`);
  return r.value as T;
}

/** The named sheet's rows, dates as yyyy-MM-dd in the spreadsheet's zone. */
function rowsOf(name: string, spreadsheetId = bed.spreadsheetId): unknown[][] {
  const sheet = bed.rt.sheets.get(spreadsheetId).sheets.find((s) => s.name === name);
  if (!sheet) return [];
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: bed.timeZone });
  return (sheet.values() as unknown[][]).map((row) =>
    row.map((v) =>
      Object.prototype.toString.call(v) === '[object Date]' ? day.format(v as Date) : v,
    ),
  );
}

const sheetNames = () => bed.rt.sheets.get(bed.spreadsheetId).sheets.map((s) => s.name);
const today = () => localDate(bed.clock.now(), bed.timeZone);
const triggersOf = (user: string) =>
  bed.rt.triggers.list({ user, spreadsheetId: bed.spreadsheetId });

/** What the person's own sync of the same days gives on a spreadsheet of their own. */
async function referenceRows(user: string, start: string, name: string): Promise<unknown[][]> {
  const home = bed.spreadsheetId;
  await useNewSpreadsheet(bed);
  const reply = await as(user, 'startBackfill', [start]);
  expect(reply.state.sync.next).toBeNull();
  const rows = rowsOf(name);
  bed.spreadsheetId = home;
  return rows;
}

it('over three days of daily syncs, each sheet holds exactly its own account’s numbers', async () => {
  await useNewSpreadsheet(bed);
  const mine = await as(USER, 'setDailySync', [true]);
  const theirs = await as(OTHER, 'setDailySync', [true]);
  expect(mine.ok && theirs.ok).toBe(true);
  expect(triggersOf(USER)).toHaveLength(1);
  expect(triggersOf(OTHER)).toHaveLength(1);
  const firstDay = today();

  for (let day = 0; day < 3; day++) {
    const due = Math.max(...[USER, OTHER].map((u) => triggersOf(u)[0].nextRunAt as number));
    bed.clock.advance(Math.max(0, due - bed.clock.now()));
    const runs = await bed.rt.triggers.fireDue();
    expect(runs.map((r) => r.ok)).toEqual([true, true]);
    expect(triggersOf(USER).map((t) => t.handler)).toEqual(['runScheduledSync']);
    expect(triggersOf(OTHER).map((t) => t.handler)).toEqual(['runScheduledSync']);
  }

  const mineNow = await as<SyncReply['state']>(USER, 'getSidebarState');
  const theirsNow = await as<SyncReply['state']>(OTHER, 'getSidebarState');
  const myAccount = (mineNow.sync as unknown as { account: { sheetName: string } }).account;
  const theirAccount = (theirsNow.sync as unknown as { account: { sheetName: string } }).account;
  // The first account to sync keeps "Activity"; the other's sheet is named after its account.
  const names = [myAccount.sheetName, theirAccount.sheetName].sort();
  expect(names[0]).toBe('Activity');
  expect(names[1]).toMatch(/^Activity \(Google Health .+\)$/);
  expect(
    sheetNames()
      .filter((n) => n.startsWith('Activity'))
      .sort(),
  ).toEqual(names);
  expect(mineNow.sync.lastSyncedDate).toBe(today());
  expect(theirsNow.sync.lastSyncedDate).toBe(today());

  const start = addDays(firstDay, -29);
  const myRows = rowsOf(myAccount.sheetName);
  const theirRows = rowsOf(theirAccount.sheetName);
  expect(myRows.length).toBe(theirRows.length);
  expect(myRows[1][0]).toBe(start);
  expect(settledRows(myRows, today())).not.toEqual(settledRows(theirRows, today()));
  const myRef = await referenceRows(USER, start, myAccount.sheetName);
  const theirRef = await referenceRows(OTHER, start, 'Activity');
  expect(settledRows(myRows, today())).toEqual(settledRows(myRef, today()));
  expect(settledRows(theirRows, today())).toEqual(settledRows(theirRef, today()));

  for (const user of [USER, OTHER]) await as(user, 'setDailySync', [false]);
  expect(bed.rt.triggers.list()).toEqual([]);
});

it('a backfill by one never touches the other’s paused job or sheet, and only its owner continues it', async () => {
  await useNewSpreadsheet(bed);
  const doc = bed.rt.properties.document(bed.spreadsheetId);
  // The first person's backfill pauses at a 429; their continuation waits an hour.
  bed.sim.faults.add({ ...dataRoute('google'), atRequest: 3, kind: 'rate-limit' });
  const start = addDays(today(), -199);
  const paused = await as(USER, 'startBackfill', [start]);
  bed.sim.faults.clear();
  expect(paused.state.sync.next).toMatchObject({ kind: 'continuation', reason: 'rate-limit' });
  const job = doc.get('sync.job');
  expect(job).not.toBeNull();
  const rowsBefore = rowsOf('Activity');

  // The second person backfills their own account, and syncs now: their own sheet only.
  const theirs = await as(OTHER, 'startBackfill', [addDays(today(), -59)]);
  expect(theirs.ok).toBe(true);
  const now = await as(OTHER, 'syncNow');
  expect(now.ok).toBe(true);
  expect(doc.get('sync.job')).toBe(job);
  expect(rowsOf('Activity')).toEqual(rowsBefore);
  expect(triggersOf(OTHER)).toEqual([]);
  const theirName = (theirs.state.sync as unknown as { account: { sheetName: string } }).account
    .sheetName;
  expect(rowsOf(theirName)).toHaveLength(61);

  // The second person's sidebar never drives the first person's job.
  const driven = await as(OTHER, 'continueFromSidebar');
  expect(driven.message).toBe('Nothing left to continue.');
  expect(doc.get('sync.job')).toBe(job);
  expect(triggersOf(USER).map((t) => t.handler)).toEqual(['continueSync']);
  bed.clock.advance((triggersOf(USER)[0].nextRunAt as number) - bed.clock.now());
  expect((await bed.rt.triggers.fireDue()).map((r) => r.ok)).toEqual([true]);
  expect(doc.get('sync.job')).toBeNull();
  expect(settledRows(rowsOf('Activity'), today())).toEqual(
    settledRows(await referenceRows(USER, start, 'Activity'), today()),
  );
});
