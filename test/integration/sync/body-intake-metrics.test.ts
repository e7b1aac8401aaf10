// Time in heart-rate zones, BMI, cardio fitness level, water and calories eaten on the built bundle
// with Google Health: each cell holds the simulator's number (or words) for that local day, empty
// where the day has none; weight in a unit chosen apart from the unit system; requests per data
// type exactly at the planner's floor with every daily metric chosen.
import { heightsOf } from '../../../dev/simulator/synthetic-body';
import { roundTo } from '../../../src/core/units';
import {
  addDays,
  backfill,
  dataRequests,
  localDate,
  ok,
  runTriggersUntilIdle,
  settledRows,
  sheetRows,
  startSyncBed,
  syncNow,
  useNewSpreadsheet,
  USER,
  type SyncBed,
} from './bed';

const ZONE = 'America/Los_Angeles';
const NEW_METRICS = [
  'weight',
  'hrZoneLight',
  'hrZoneModerate',
  'hrZoneVigorous',
  'hrZonePeak',
  'bmi',
  'cardioFitnessLevel',
  'water',
  'caloriesIn',
];
const HEADER = [
  'Date',
  'Heart zone light (min)',
  'Heart zone moderate (min)',
  'Heart zone vigorous (min)',
  'Heart zone peak (min)',
  'Weight (kg)',
  'BMI',
  'Cardio fitness level',
  'Water (mL)',
  'Calories eaten (kcal)',
];
/** Every daily metric the catalog has for Google Health (at the time of writing). */
const ALL_DAILY = [
  'steps',
  'distance',
  'calories',
  'activityCalories',
  'floors',
  'elevation',
  'minutesSedentary',
  'minutesLightlyActive',
  'minutesFairlyActive',
  'minutesVeryActive',
  'restingHeartRate',
  'hrvAverage',
  'hrvDeepSleepRmssd',
  'heartRateAvg',
  'heartRateMin',
  'heartRateMax',
  'azmFatBurn',
  'azmCardio',
  'azmPeak',
  'azmTotal',
  'spo2Average',
  'breathingRate',
  'skinTemperature',
  'skinTemperatureRelative',
  'vo2Max',
  'bodyFat',
  ...NEW_METRICS,
];

type Member = Record<string, unknown> | undefined;
const num = (v: unknown) => Number(v ?? 0);
const WORDS: Record<string, string> = {
  POOR: 'Poor',
  FAIR: 'Fair',
  AVERAGE: 'Average',
  GOOD: 'Good',
  VERY_GOOD: 'Very good',
  EXCELLENT: 'Excellent',
};

/** The latest height (mm) measured on or before the day, from the simulator's own samples. */
function heightOn(bed: SyncBed, day: string): number | null {
  const samples = heightsOf(bed.sim.user(USER), bed.clock.now()).filter((h) => h.date <= day);
  return samples.length ? samples[samples.length - 1].millimeters : null;
}

function expectedRow(bed: SyncBed, day: string): unknown[] {
  const g = (type: string) => bed.sim.dataFor('google', USER, type, day) as Member;
  const zones = g('time-in-heart-rate-zone');
  const zone = (z: string) => {
    if (!zones) return '';
    const list = zones.timeInHeartRateZones as { heartRateZone: string; duration?: string }[];
    const e = list.find((x) => x.heartRateZone === z);
    return e?.duration ? Number(e.duration.replace('s', '')) / 60 : 0;
  };
  const weight = g('weight');
  const grams = weight ? num(weight.weightGramsAvg) : null;
  const height = heightOn(bed, day);
  const vo2 = g('daily-vo2-max');
  const water = g('hydration-log');
  const food = g('nutrition-log');
  return [
    day,
    zone('LIGHT'),
    zone('MODERATE'),
    zone('VIGOROUS'),
    zone('PEAK'),
    grams === null ? '' : roundTo(grams / 1000, 2),
    grams === null || height === null ? '' : roundTo(grams / 1000 / (height / 1000) ** 2, 1),
    vo2 ? WORDS[vo2.cardioFitnessLevel as string] : '',
    water ? roundTo(num((water.amountConsumed as Member)!.millilitersSum), 1) : '',
    food ? roundTo(num((food.energy as Member)!.kcalSum), 0) : '',
  ];
}

function requestsPerType(bed: SyncBed, status?: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of dataRequests(bed)) {
    if (status !== undefined && r.status !== status) continue;
    const type = /\/dataTypes\/([^/:]+)\/dataPoints/.exec(r.path)![1];
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

/** The floor with every daily metric: one list per daily summary and heights, roll-ups per cap. */
function floor(days: number): Record<string, number> {
  const per90 = Math.ceil(days / 90);
  const per14 = Math.ceil(days / 14);
  const out: Record<string, number> = { height: 1 };
  for (const t of [
    'daily-resting-heart-rate',
    'daily-heart-rate-variability',
    'daily-oxygen-saturation',
    'daily-respiratory-rate',
    'daily-sleep-temperature-derivations',
    'daily-vo2-max',
  ])
    out[t] = 1;
  for (const t of ['total-calories', 'active-minutes', 'heart-rate']) out[t] = per14;
  for (const t of [
    'steps',
    'distance',
    'active-energy-burned',
    'floors',
    'altitude',
    'sedentary-period',
    'active-zone-minutes',
    'weight',
    'body-fat',
    'time-in-heart-rate-zone',
    'hydration-log',
    'nutrition-log',
  ])
    out[t] = per90;
  return out;
}

describe('google: zones, BMI, cardio fitness level and intake columns', () => {
  let bed: SyncBed;
  let today: string;
  beforeAll(async () => {
    bed = await startSyncBed('google', { timeZone: ZONE, metrics: NEW_METRICS, scopes: 'all' });
    today = localDate(bed.clock.now(), ZONE);
  });
  afterAll(async () => bed?.close());

  it('30 days: every cell holds the simulator’s value for its day, empty where it has none', async () => {
    const reply = await syncNow(bed);
    expect(reply.ok).toBe(true);
    expect(reply.state.sync.notes).toEqual([]);
    const rows = sheetRows(bed);
    expect(rows[0]).toEqual(HEADER);
    const settled = settledRows(rows.slice(1), today).filter((r) => r.length > 1);
    expect(settled.length).toBeGreaterThan(25);
    for (const row of settled) expect(row).toEqual(expectedRow(bed, row[0] as string));
    const col = (h: string) => HEADER.indexOf(h);
    const some = (h: string, test: (v: unknown) => boolean) => settled.some((r) => test(r[col(h)]));
    // What the parser must handle: a zone with no time is a true 0, days without a log are empty,
    // BMI only on weigh-in days, the fitness level as words.
    expect(some('Heart zone peak (min)', (v) => v === 0)).toBe(true);
    expect(some('Heart zone peak (min)', (v) => typeof v === 'number' && v > 0)).toBe(true);
    expect(some('Water (mL)', (v) => v === '')).toBe(true);
    expect(some('Water (mL)', (v) => typeof v === 'number' && v >= 750)).toBe(true);
    expect(some('Calories eaten (kcal)', (v) => v === '')).toBe(true);
    expect(some('BMI', (v) => typeof v === 'number' && v > 15 && v < 40)).toBe(true);
    expect(some('BMI', (v) => v === '')).toBe(true);
    expect(some('Cardio fitness level', (v) => typeof v === 'string' && v.length > 2)).toBe(true);
    // Heights: one list of every height up to the range's end, on its civil sample time.
    const heights = dataRequests(bed).filter((r) => r.path.includes('/height/'));
    expect(heights).toHaveLength(1);
    expect(heights[0].query).toEqual({
      pageSize: '10000',
      filter: `height.sample_time.civil_time < "${addDays(today, 1)}"`,
    });
  });

  it('weight in stones with US units: a decimal number of stones, BMI unchanged', async () => {
    await useNewSpreadsheet(bed);
    await ok(bed, 'saveSyncSettings', [{ metrics: NEW_METRICS, units: 'us', weightUnit: 'st' }]);
    expect((await syncNow(bed)).ok).toBe(true);
    const rows = sheetRows(bed);
    expect(rows[0]).toContain('Weight (st)');
    expect(rows[0]).toContain('Water (fl oz)');
    const w = rows[0].indexOf('Weight (st)');
    const b = rows[0].indexOf('BMI');
    const settled = settledRows(rows.slice(1), today).filter((r) => r.length > 1);
    let weighIns = 0;
    for (const row of settled) {
      const metric = expectedRow(bed, row[0] as string);
      const kg = metric[HEADER.indexOf('Weight (kg)')];
      if (kg === '') {
        expect(row[w]).toBe('');
        continue;
      }
      weighIns++;
      const grams = num(
        (bed.sim.dataFor('google', USER, 'weight', row[0] as string) as Member)!.weightGramsAvg,
      );
      expect(row[w]).toBe(roundTo(grams / (14 * 453.59237), 2));
      expect(row[b]).toBe(metric[HEADER.indexOf('BMI')]);
    }
    expect(weighIns).toBeGreaterThan(3);
  });

  it('30 days with every daily metric: requests per data type at the floor', async () => {
    await useNewSpreadsheet(bed);
    await ok(bed, 'saveSyncSettings', [{ metrics: ALL_DAILY, units: 'metric' }]);
    bed.sim.clearLog();
    expect((await syncNow(bed)).ok).toBe(true);
    expect(requestsPerType(bed)).toEqual(floor(30));
  });

  it('1095 days with every daily metric: requests per data type at the floor, across continuations', async () => {
    await useNewSpreadsheet(bed);
    await ok(bed, 'saveSyncSettings', [{ metrics: ALL_DAILY, units: 'metric' }]);
    bed.sim.clearLog();
    const reply = await backfill(bed, addDays(today, -1094));
    expect(reply.ok).toBe(true);
    // About 400 requests: more than one execution's rate budget, so continuations finish it.
    await runTriggersUntilIdle(bed, 40);
    expect(bed.rt.properties.document(bed.spreadsheetId).get('sync.job')).toBeNull();
    // Answered requests at the floor: a request the simulator's per-minute quota (300) turned
    // away with 429 is asked again once, which is the rate limit's doing, not the plan's.
    expect(requestsPerType(bed, 200)).toEqual(floor(1095));
    const rows = sheetRows(bed);
    expect(rows).toHaveLength(1096);
    const at = (h: string) => rows[0].indexOf(h);
    for (const day of [addDays(today, -1094), addDays(today, -400), addDays(today, -2)]) {
      const row = rows.find((r) => r[0] === day)!;
      const want = expectedRow(bed, day);
      for (const h of HEADER.slice(1))
        expect([day, h, row[at(h)]]).toEqual([day, h, want[HEADER.indexOf(h)]]);
    }
  }, 240_000);
});
