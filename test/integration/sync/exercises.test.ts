// The Exercises sheet on the built bundle with Google Health: one row per workout equal to the
// simulator's workouts, exactly floor(workouts / 25) + 1 `list` requests (the simulator answers
// a full page with a token, and the page after the last full one is `{}`), a re-sync that changes
// nothing with a fixed number of Sheets calls, an edited workout updated in place, and a write
// killed at any Sheets call repaired by the next run without a duplicate.
import type { RunOptions } from '../../../dev/runtime/index';
import { roundTo } from '../../../src/core/units';
import {
  addDays,
  backfill,
  localDate,
  ok,
  runTriggersUntilIdle,
  startSyncBed,
  syncNow,
  useNewSpreadsheet,
  USER,
  type SyncBed,
} from './bed';

const ZONE = 'America/Los_Angeles';
/** 2026-11-22 12:00 UTC is 04:00 in Los Angeles. */
const EXERCISE_PATH = '/v4/users/me/dataTypes/exercise/dataPoints';
const HEADER = [
  'Start',
  'Type',
  'Duration (min)',
  'Active duration (min)',
  'Distance (km)',
  'Calories (kcal)',
  'Avg heart rate (bpm)',
  'Steps',
  'Active zone minutes',
  'Elevation gain (m)',
  'Avg speed (km/h)',
  'Swim lengths',
  'Run VO2 max (mL/kg/min)',
  'End',
  'Updated',
  'Id',
];

type Point = {
  name: string;
  exercise: {
    interval: { startTime: string; endTime: string; startUtcOffset: string; endUtcOffset: string };
    displayName: string;
    activeDuration: string;
    metricsSummary: Record<string, number | string | undefined>;
    updateTime: string;
  };
};

// Half away from zero without binary noise (1.025 km is 1.03), as the add-on's columns round.
const round = roundTo;

/** 'yyyy-MM-dd HH:mm' of an instant at a protobuf Duration offset ("-28800s"). */
function clock(instant: string, offset: string): string {
  const t = new Date(Date.parse(instant) + Number(offset.slice(0, -1)) * 1000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/** The row a workout should be, worked out here from the API's own fields. */
function expectedRow(p: Point): unknown[] {
  const e = p.exercise;
  const m = e.metricsSummary;
  const num = (v: number | string | undefined, f: (x: number) => number = (x) => x) =>
    v === undefined ? '' : f(Number(v));
  return [
    clock(e.interval.startTime, e.interval.startUtcOffset),
    e.displayName,
    round((Date.parse(e.interval.endTime) - Date.parse(e.interval.startTime)) / 60000, 1),
    round(Number(e.activeDuration.slice(0, -1)) / 60, 1),
    num(m.distanceMillimeters, (x) => round(x / 1e6, 2)),
    num(m.caloriesKcal, (x) => round(x, 0)),
    num(m.averageHeartRateBeatsPerMinute),
    num(m.steps),
    num(m.activeZoneMinutes),
    num(m.elevationGainMillimeters, (x) => round(x / 1000, 1)),
    num(m.averageSpeedMillimetersPerSecond, (x) => round((x * 3.6) / 1000, 2)),
    num(m.totalSwimLengths),
    num(m.runVo2Max, (x) => round(x, 1)),
    clock(e.interval.endTime, e.interval.endUtcOffset),
    e.updateTime,
    p.name,
  ];
}

function exerciseSheetId(bed: SyncBed): number {
  const raw = bed.rt.properties.document(bed.spreadsheetId).get('sync.recordSheet.exercises');
  if (raw === null) throw new Error('no Exercises sheet yet');
  return Number(raw);
}

/** The Exercises sheet's used rows, date-time cells as 'yyyy-MM-dd HH:mm' in the zone. */
function exerciseRows(bed: SyncBed): unknown[][] {
  const model = bed.rt.sheets.get(bed.spreadsheetId);
  const sheet = model.sheet(exerciseSheetId(bed));
  const f = new Intl.DateTimeFormat('sv-SE', {
    timeZone: model.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (sheet.values() as unknown[][])
    .filter((row) => row.some((c) => c !== '' && c !== null))
    .map((row) =>
      row.map((v) =>
        Object.prototype.toString.call(v) === '[object Date]' ? f.format(v as Date) : v,
      ),
    );
}

/** The simulator's workouts with a local start in [start, end], as rows in start order. */
function simulatorRows(bed: SyncBed, start: string, end: string): unknown[][] {
  const points = bed.sim.exercises(USER, start, end) as unknown as Point[];
  return points.map(expectedRow).reverse();
}

const exerciseRequests = (bed: SyncBed) =>
  bed.sim.requests({ host: 'health.googleapis.com', pathPrefix: EXERCISE_PATH });

describe('Exercises sheet (Google Health)', () => {
  let bed: SyncBed;
  let today: string;
  beforeAll(async () => {
    bed = await startSyncBed('google', { timeZone: ZONE, metrics: ['steps'] });
    today = localDate(bed.clock.now(), ZONE);
  });
  afterAll(async () => bed?.close());

  async function freshSheetWithExercises(): Promise<void> {
    await useNewSpreadsheet(bed);
    await ok(bed, 'saveRecordSheets', [['exercises']]);
    bed.clock.advance(3_600_000);
    bed.sim.clearLog();
  }

  it.each([1, 30, 365, 1095])(
    'a %i-day backfill writes one row per workout and lists them in exactly floor(n/25)+1 requests',
    async (days) => {
      await freshSheetWithExercises();
      const start = addDays(today, -(days - 1));
      const reply = await backfill(bed, start);
      expect(reply.ok).toBe(true);
      await runTriggersUntilIdle(bed);
      const expected = simulatorRows(bed, start, today);
      if (days >= 30) expect(expected.length).toBeGreaterThan(days / 4);
      expect(exerciseRows(bed)).toEqual([HEADER, ...expected]);
      const requests = exerciseRequests(bed);
      expect(requests).toHaveLength(Math.floor(expected.length / 25) + 1);
      for (const r of requests) expect(r.query.pageSize).toBe('25');
    },
    240_000,
  );

  it('a re-sync changes nothing: the sheet is identical and only read (7 Sheets calls)', async () => {
    await freshSheetWithExercises();
    const start = addDays(today, -89);
    expect((await backfill(bed, start)).ok).toBe(true);
    const model = bed.rt.sheets.get(bed.spreadsheetId);
    const before = JSON.stringify({
      values: model.sheet(exerciseSheetId(bed)).values(),
      formats: model.sheet(exerciseSheetId(bed)).numberFormats(),
    });
    const withoutRecords = await countedBackfill(start, []);
    const withRecords = await countedBackfill(start, ['exercises']);
    const after = JSON.stringify({
      values: model.sheet(exerciseSheetId(bed)).values(),
      formats: model.sheet(exerciseSheetId(bed)).numberFormats(),
    });
    expect(after).toBe(before);
    // The Exercises sheet costs one getSheetById, four size reads and one range read.
    expect(withRecords.total - withoutRecords.total).toBe(7);
    expect(
      withRecords.byMethod['Range.getValues'] - (withoutRecords.byMethod['Range.getValues'] ?? 0),
    ).toBe(1);
  });

  async function countedBackfill(start: string, sheets: string[]) {
    await ok(bed, 'saveRecordSheets', [sheets]);
    bed.clock.advance(3_600_000);
    bed.rt.sheets.resetCalls();
    expect((await backfill(bed, start)).ok).toBe(true);
    return { total: bed.rt.sheets.calls.total, byMethod: { ...bed.rt.sheets.calls.byMethod } };
  }

  it('an edited workout (newer updateTime) updates its row in place; the other rows stay', async () => {
    await freshSheetWithExercises();
    const start = addDays(today, -29);
    expect((await backfill(bed, start)).ok).toBe(true);
    const points = bed.sim.exercises(USER, start, today) as unknown as Point[];
    // The newest workout is in the window "Sync now" reads again; an older one needs a backfill.
    const newest = points[0];
    const older = points[Math.floor(points.length / 2)];
    expect(newest.exercise.interval.startTime >= addDays(today, -3)).toBe(true);
    for (const [edited, run] of [
      [newest, () => syncNow(bed)],
      [older, () => backfill(bed, start)],
    ] as const) {
      const before = exerciseRows(bed);
      bed.clock.advance(3_600_000);
      bed.sim.editExercise(edited.name);
      expect((await run()).ok).toBe(true);
      const after = exerciseRows(bed);
      expect(after).toHaveLength(before.length);
      const row = after.findIndex((r) => r[15] === edited.name);
      expect(row).toBe(before.findIndex((r) => r[15] === edited.name));
      const now = (bed.sim.exercises(USER, start, today) as unknown as Point[]).find(
        (p) => p.name === edited.name,
      ) as Point;
      expect(after[row]).toEqual(expectedRow(now));
      expect(after[row][5]).toBe(Number(before[row][5]) + 40);
      expect(after[row][14]).not.toBe(before[row][14]);
      after.forEach((r, i) => {
        if (i !== row) expect(r).toEqual(before[i]);
      });
    }
  });

  it('a workout named like a formula lands as its exact name, never as a formula', async () => {
    await freshSheetWithExercises();
    const start = addDays(today, -29);
    const points = bed.sim.exercises(USER, start, today) as unknown as Point[];
    const names = ['=HYPERLINK("http://127.0.0.1/x","run")', "'90s mix ride"];
    names.forEach((displayName, i) => bed.sim.editExercise(points[i].name, undefined, displayName));
    expect((await backfill(bed, start)).ok).toBe(true);
    const rows = exerciseRows(bed);
    const model = bed.rt.sheets.get(bed.spreadsheetId);
    const sheet = model.sheet(exerciseSheetId(bed));
    names.forEach((displayName, i) => {
      const row = rows.findIndex((r) => r[15] === points[i].name);
      expect(row).toBeGreaterThan(0);
      expect(rows[row][1]).toBe(displayName);
    });
    expect(
      sheet
        .getFormulas(sheet.dataBox())
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
  });

  it('a run killed at any Sheets call is repaired by the next one: no workout missing or twice', async () => {
    const days = 30;
    const start = addDays(today, -(days - 1));
    let completed = false;
    // The sync's own calls, then the dashboard refresh that ends a sync that wrote rows (about 65
    // calls of its own): a kill there too must leave the Exercises sheet whole.
    for (let nth = 1; nth <= 150 && !completed; nth++) {
      await freshSheetWithExercises();
      let calls = 0;
      const killWhen: RunOptions['killWhen'] = (c) =>
        c.service === 'spreadsheet' && ++calls === nth;
      const r = await bed.rt.runFromClient('startBackfill', [start], {
        user: USER,
        spreadsheetId: bed.spreadsheetId,
        killWhen,
      });
      completed = r.ok;
      const job = bed.rt.properties.document(bed.spreadsheetId).get('sync.job');
      const reply = job ? await syncNow(bed) : await backfill(bed, start);
      expect(reply.ok).toBe(true);
      await runTriggersUntilIdle(bed);
      const end = localDate(bed.clock.now(), ZONE);
      expect(exerciseRows(bed)).toEqual([HEADER, ...simulatorRows(bed, start, end)]);
    }
    expect(completed).toBe(true);
  }, 600_000);
});
