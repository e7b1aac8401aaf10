// The Weekly and Monthly sheets on the built bundle after a year's backfill: every figure equals
// the total, average, workout or night count computed here from the simulator's own data, a day corrected by hand moves
// its week's figures and the key figures with no sync, and weeks follow the chosen weekday.
import { roundTo } from '../../../src/core/units';
import {
  addDays,
  backfill,
  dataSheetId,
  localDate,
  ok,
  startSyncBed,
  USER,
  type SyncBed,
} from '../sync/bed';

const DAYS = 365;
const METRICS = [
  'steps',
  'distance',
  'minutesLightlyActive',
  'minutesFairlyActive',
  'minutesVeryActive',
  'restingHeartRate',
  'weight',
  'sleepAsleep',
];

type Member = Record<string, unknown> | undefined;
type Meta = { nap?: boolean; mainSleep?: boolean };

/** The period start of a date: Monday-based weeks or the 1st of the month. */
function periodOf(kind: 'week' | 'month', day: string): string {
  if (kind === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

interface Expected {
  days: number;
  steps: number[];
  weight: number[];
  rhr: number[];
}

/** Per period, from the simulator's answers (not from the sheet). */
function expectedPeriods(bed: SyncBed, kind: 'week' | 'month', first: string, last: string) {
  const out = new Map<string, Expected>();
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const key = periodOf(kind, day);
    const e = out.get(key) ?? { days: 0, steps: [], weight: [], rhr: [] };
    e.days++;
    const g = (type: string) => bed.sim.dataFor('google', USER, type, day) as Member;
    const steps = g('steps');
    if (steps) e.steps.push(Number(steps.countSum ?? 0));
    const weight = g('weight');
    if (weight) e.weight.push(roundTo(Number(weight.weightGramsAvg) / 1000, 2));
    const rhr = g('daily-resting-heart-rate');
    if (rhr) e.rhr.push(Number(rhr.beatsPerMinute));
    out.set(key, e);
  }
  return out;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const avg = (xs: number[]) => (xs.length === 0 ? '' : sum(xs) / xs.length);
const day = (v: unknown) => new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC' }).format(v as Date);

describe('Weekly and Monthly summaries after a 365-day backfill', () => {
  let bed: SyncBed;
  let today: string;
  let first: string;
  beforeAll(async () => {
    bed = await startSyncBed('google', { metrics: METRICS, timeZone: 'UTC' });
    await ok(bed, 'saveRecordSheets', [['exercises', 'sleep']]);
    today = localDate(bed.clock.now(), 'UTC');
    first = addDays(today, -(DAYS - 1));
    const reply = await backfill(bed, first);
    if (reply.state.sync.lastSync?.days !== DAYS) throw new Error(reply.message);
  }, 120_000);
  afterAll(async () => bed?.close());

  const model = () => bed.rt.sheets.get(bed.spreadsheetId);
  const table = (name: string) => {
    const [header, ...rows] = model().sheet(name).values();
    const col = (h: string) => {
      const i = header.indexOf(h);
      if (i < 0) throw new Error(`no column ${h} in ${name}: ${header.join(', ')}`);
      return i;
    };
    return { header, rows: rows.filter((r) => r[0] !== ''), col };
  };

  it.each(['week', 'month'] as const)(
    'each %s holds the days, step totals and averages, the weight and resting heart rate averages, the workouts and nights of the simulator',
    (kind) => {
      const t = table(kind === 'week' ? 'Weekly' : 'Monthly');
      const expected = expectedPeriods(bed, kind, first, addDays(today, -1));
      const todays = periodOf(kind, today);
      expect(t.rows.map((r) => day(r[0]))).toEqual([...expected.keys()]);
      let compared = 0;
      for (const row of t.rows) {
        const start = day(row[0]);
        // Today's numbers are partial and move with the minute: its period is left out.
        if (start === todays) continue;
        const e = expected.get(start)!;
        expect(row[t.col('Days')]).toBe(e.days);
        expect(row[t.col('Steps total')]).toBe(e.steps.length ? sum(e.steps) : '');
        const stepsAvg = row[t.col('Steps a day')];
        if (e.steps.length) expect(stepsAvg).toBeCloseTo(avg(e.steps) as number, 9);
        else expect(stepsAvg).toBe('');
        const w = row[t.col('Weight average (kg)')];
        if (e.weight.length) expect(w).toBeCloseTo(avg(e.weight) as number, 9);
        else expect(w).toBe('');
        const r = row[t.col('Resting heart rate average (bpm)')];
        if (e.rhr.length) expect(r).toBeCloseTo(avg(e.rhr) as number, 9);
        else expect(r).toBe('');
        // Workouts counted from the Exercises sheet, against the simulator's own list.
        const end =
          kind === 'week' ? addDays(start, 6) : addDays(periodOf('month', addDays(start, 31)), -1);
        // Only the workouts of the days synced: the first period starts before the backfill.
        const from = start < first ? first : start;
        expect(row[t.col('Workouts')]).toBe(bed.sim.exercises(USER, from, end).length);
        // Nights: the main sleeps (not naps) that ended on the period's days.
        let nights = 0;
        for (let d = from; d <= end; d = addDays(d, 1))
          nights += (bed.sim.sleepFor(USER, d) as { sleep: { metadata: Meta } }[]).filter(
            (p) => !p.sleep.metadata.nap && p.sleep.metadata.mainSleep,
          ).length;
        expect(row[t.col('Nights')]).toBe(nights);
        compared++;
      }
      expect(compared).toBeGreaterThanOrEqual(kind === 'week' ? 52 : 12);
    },
  );

  it("changes that week's figures and the key figures when a day's steps are edited by hand, without a sync", async () => {
    const sheetId = dataSheetId(bed);
    const daily = model().sheet(sheetId).values();
    const header = daily[0];
    const stepsCol = header.indexOf('Steps') + 1;
    const target = addDays(today, -3);
    const row = daily.findIndex((r) => r[0] instanceof Object && day(r[0]) === target) + 1;
    expect(row).toBeGreaterThan(1);
    const before = table('Weekly');
    const weekRow = before.rows.find((r) => day(r[0]) === periodOf('week', target))!;
    const totalBefore = weekRow[before.col('Steps total')] as number;
    const keyBefore = model().sheet('Dashboard').values()[2][1] as number;
    const old = daily[row - 1][stepsCol - 1] as number;
    const requests = bed.sim.requests({}).length;

    bed.rt.sheets.editByHand(bed.spreadsheetId, 'setValues', (m) =>
      m
        .sheet(sheetId)
        .setValues({ row, column: stepsCol, numRows: 1, numColumns: 1 }, [[old + 7000]]),
    );

    const after = table('Weekly');
    const weekAfter = after.rows.find((r) => day(r[0]) === periodOf('week', target))!;
    expect(weekAfter[after.col('Steps total')]).toBe(totalBefore + 7000);
    // The last 7 days' average a day moves by the change over the days with steps in them.
    const lastWeek = daily.filter(
      (r) => r[0] instanceof Object && day(r[0]) > addDays(today, -7) && r[stepsCol - 1] !== '',
    );
    const keyAfter = model().sheet('Dashboard').values()[2][1] as number;
    expect(keyAfter - keyBefore).toBeCloseTo(7000 / lastWeek.length, 6);
    expect(bed.sim.requests({}).length).toBe(requests);
  });

  it('starts weeks on Sunday once the person picks Sunday, and keeps the step goal they set', async () => {
    const reply = await ok<{ ok: boolean; message: string }>(bed, 'saveDashboardSettings', [
      { weekStart: 7, stepGoal: '8000' },
    ]);
    expect(reply).toMatchObject({ ok: true, message: expect.stringMatching(/redrawn/) });
    const t = table('Weekly');
    expect(t.rows.every((r) => (r[0] as Date).getUTCDay() === 0)).toBe(true);
    const dash = model().sheet('Dashboard').values();
    expect(dash[1][20]).toBe(8000);
  });

  it('refuses a step goal that is not a whole number, saying what to enter', async () => {
    const reply = await ok<{ ok: boolean; message: string }>(bed, 'saveDashboardSettings', [
      { weekStart: 1, stepGoal: 'ten thousand' },
    ]);
    expect(reply).toMatchObject({ ok: false, message: expect.stringMatching(/whole number/) });
  });
});
