// The Sleep sheet on the built bundle with Google Health: one row per sleep session (naps
// included) equal to the simulator's sessions, from the same `list` that fills the daily sleep
// columns (no extra request), a re-sync that changes nothing, and an edited session (newer
// updateTime) updated in its row.
import {
  addDays,
  backfill,
  dataRequests,
  localDate,
  ok,
  runTriggersUntilIdle,
  sheetRows,
  startSyncBed,
  syncNow,
  useNewSpreadsheet,
  USER,
  type SyncBed,
} from './bed';

const ZONE = 'America/Los_Angeles';
const HEADER = [
  'Start',
  'End',
  'Kind',
  'Time asleep (min)',
  'Time in bed (min)',
  'Deep (min)',
  'Light (min)',
  'REM (min)',
  'Awake (min)',
  'Restless (min)',
  'Efficiency (%)',
  'Time to fall asleep (min)',
  'Updated',
  'Id',
];
const ID = HEADER.indexOf('Id');

/* eslint-disable @typescript-eslint/no-explicit-any */
/** 'yyyy-MM-dd HH:mm' of an instant at a protobuf Duration offset ("-28800s"). */
function clock(instant: string, offset: string): string {
  const t = new Date(Date.parse(instant) + Number(offset.slice(0, -1)) * 1000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/** The row a session should be, worked out here from the API's own fields. */
function expectedRow(p: any): unknown[] {
  const s = p.sleep;
  const staged = s.type === 'STAGES';
  const stage = (type: string) =>
    Number(s.summary.stagesSummary.find((e: any) => e.type === type)?.minutes ?? 0);
  const inBed = (Date.parse(s.interval.endTime) - Date.parse(s.interval.startTime)) / 60000;
  const asleep = Number(s.summary.minutesAsleep ?? 0);
  return [
    clock(s.interval.startTime, s.interval.startUtcOffset),
    clock(s.interval.endTime, s.interval.endUtcOffset),
    s.metadata.nap ? 'Nap' : s.metadata.mainSleep ? 'Main sleep' : 'Sleep',
    asleep,
    inBed,
    staged ? stage('DEEP') : '',
    staged ? stage('LIGHT') : '',
    staged ? stage('REM') : '',
    Number(s.summary.minutesAwake ?? 0),
    staged ? '' : stage('RESTLESS'),
    Math.round((100 * asleep) / inBed),
    Number(s.summary.minutesToFallAsleep ?? 0),
    s.updateTime,
    p.name,
  ];
}

function sleepSheetId(bed: SyncBed): number {
  const raw = bed.rt.properties.document(bed.spreadsheetId).get('sync.recordSheet.sleep');
  if (raw === null) throw new Error('no Sleep sheet yet');
  return Number(raw);
}

/** The Sleep sheet's used rows, date-time cells as 'yyyy-MM-dd HH:mm' in the zone. */
function sleepRows(bed: SyncBed): unknown[][] {
  const model = bed.rt.sheets.get(bed.spreadsheetId);
  const f = new Intl.DateTimeFormat('sv-SE', {
    timeZone: model.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (model.sheet(sleepSheetId(bed)).values() as unknown[][])
    .filter((row) => row.some((c) => c !== '' && c !== null))
    .map((row) =>
      row.map((v) =>
        Object.prototype.toString.call(v) === '[object Date]' ? f.format(v as Date) : v,
      ),
    );
}

/** The simulator's sessions that woke on a local day of [start, end], oldest start first. */
function simulatorPoints(bed: SyncBed, start: string, end: string): any[] {
  const out: any[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) out.push(...bed.sim.sleepFor(USER, d));
  return out.sort((a, b) => (a.sleep.interval.startTime < b.sleep.interval.startTime ? -1 : 1));
}

/** Sessions the add-on's end-time filter selects for a range: what the pages hold. */
function sessionsInFilter(bed: SyncBed, start: string, end: string): number {
  const from = Date.parse(`${addDays(start, -1)}T10:00:00Z`);
  const until = Date.parse(`${addDays(end, 1)}T12:00:00Z`);
  let n = 0;
  for (let d = addDays(start, -2); d <= addDays(end, 2); d = addDays(d, 1))
    for (const p of bed.sim.sleepFor(USER, d)) {
      const at = Date.parse((p as any).sleep.interval.endTime);
      if (at >= from && at < until) n++;
    }
  return n;
}

const sleepRequests = (bed: SyncBed) =>
  dataRequests(bed).filter((r) => r.path.includes('/dataTypes/sleep/'));

describe('Sleep sheet (Google Health)', () => {
  let bed: SyncBed;
  let today: string;
  beforeAll(async () => {
    bed = await startSyncBed('google', {
      timeZone: ZONE,
      metrics: ['steps', 'sleepAsleep', 'napCount'],
    });
    today = localDate(bed.clock.now(), ZONE);
  });
  afterAll(async () => bed?.close());

  async function freshSheetWithSleep(): Promise<void> {
    await useNewSpreadsheet(bed);
    await ok(bed, 'saveRecordSheets', [['sleep']]);
    bed.clock.advance(3_600_000);
    today = localDate(bed.clock.now(), ZONE);
    bed.sim.clearLog();
  }

  it('a 90-day backfill: one row per session, naps included, from the one sleep list that fills the daily columns', async () => {
    await freshSheetWithSleep();
    const start = addDays(today, -89);
    const reply = await backfill(bed, start);
    expect(reply.ok).toBe(true);
    await runTriggersUntilIdle(bed);
    const points = simulatorPoints(bed, start, today);
    expect(points.filter((p) => p.sleep.metadata.nap).length).toBeGreaterThan(5);
    expect(sleepRows(bed)).toEqual([HEADER, ...points.map(expectedRow)]);
    // The same pages feed both: the daily sheet's naps agree with the Sleep sheet's.
    const daily = sheetRows(bed);
    const naps = daily[0].indexOf('Naps');
    const napRows = sleepRows(bed).filter((r) => r[2] === 'Nap').length;
    expect(daily.slice(1).reduce((n, r) => n + (Number(r[naps]) || 0), 0)).toBe(napRows);
    expect(sleepRequests(bed)).toHaveLength(
      Math.floor(sessionsInFilter(bed, start, today) / 25) + 1,
    );
  });

  it('the Sleep sheet alone (no sleep column): the same one sleep list, at the floor of pages', async () => {
    await useNewSpreadsheet(bed);
    await ok(bed, 'saveSyncSettings', [{ metrics: ['steps'], units: 'metric' }]);
    await ok(bed, 'saveRecordSheets', [['sleep']]);
    bed.clock.advance(3_600_000);
    today = localDate(bed.clock.now(), ZONE);
    bed.sim.clearLog();
    const start = addDays(today, -29);
    expect((await backfill(bed, start)).ok).toBe(true);
    expect(sheetRows(bed)[0]).toEqual(['Date', 'Steps']);
    expect(sleepRows(bed)).toEqual([
      HEADER,
      ...simulatorPoints(bed, start, today).map(expectedRow),
    ]);
    expect(sleepRequests(bed)).toHaveLength(
      Math.floor(sessionsInFilter(bed, start, today) / 25) + 1,
    );
    await ok(bed, 'saveSyncSettings', [
      { metrics: ['steps', 'sleepAsleep', 'napCount'], units: 'metric' },
    ]);
  });

  it('a re-sync changes nothing: rows, values and formats are identical, the Sleep sheet only read', async () => {
    await freshSheetWithSleep();
    const start = addDays(today, -59);
    expect((await backfill(bed, start)).ok).toBe(true);
    const model = bed.rt.sheets.get(bed.spreadsheetId);
    const snapshot = () =>
      JSON.stringify({
        values: model.sheet(sleepSheetId(bed)).values(),
        formats: model.sheet(sleepSheetId(bed)).numberFormats(),
      });
    const before = snapshot();
    const counted = async (sheets: string[]) => {
      await ok(bed, 'saveRecordSheets', [sheets]);
      bed.clock.advance(600_000);
      bed.rt.sheets.resetCalls();
      expect((await backfill(bed, start)).ok).toBe(true);
      const calls = bed.rt.sheets.calls;
      return { total: calls.total, setValues: calls.byMethod['Range.setValues'] ?? 0 };
    };
    const without = await counted([]);
    const withSheet = await counted(['sleep']);
    expect(snapshot()).toBe(before);
    // Only read: one getSheetById, four size reads and one range read, nothing written.
    expect(withSheet.total - without.total).toBe(7);
    expect(withSheet.setValues).toBe(without.setValues);
  });

  it('an edited session (newer updateTime) updates its row in place; the other rows stay', async () => {
    await freshSheetWithSleep();
    const start = addDays(today, -29);
    expect((await backfill(bed, start)).ok).toBe(true);
    const points = simulatorPoints(bed, start, today);
    // A night inside the window "Sync now" reads again, and an older one a backfill reads.
    const recent = [...points]
      .reverse()
      .find((p) => p.sleep.metadata.mainSleep && p.sleep.interval.endTime >= addDays(today, -2));
    const older = points.find((p, i) => i > points.length / 3 && p.sleep.metadata.mainSleep);
    for (const [edited, run] of [
      [recent, () => syncNow(bed)],
      [older, () => backfill(bed, start)],
    ] as const) {
      const before = sleepRows(bed);
      const row = before.findIndex((r) => r[ID] === edited.name);
      expect(row).toBeGreaterThan(0);
      bed.clock.advance(600_000);
      bed.sim.editSleepSession(USER, edited.name, 25);
      expect((await run()).ok).toBe(true);
      const after = sleepRows(bed);
      expect(after).toHaveLength(before.length);
      expect(after.findIndex((r) => r[ID] === edited.name)).toBe(row);
      const now = simulatorPoints(bed, start, today).find((p) => p.name === edited.name);
      expect(after[row]).toEqual(expectedRow(now));
      expect(after[row][HEADER.indexOf('Time in bed (min)')]).toBe(
        Number(before[row][HEADER.indexOf('Time in bed (min)')]) - 25,
      );
      after.forEach((r, i) => {
        if (i !== row) expect(r).toEqual(before[i]);
      });
    }
  });
});
