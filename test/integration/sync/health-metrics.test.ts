// Heart, vitals, body and fitness columns on the built bundle with Google Health: each column
// holds the simulator's number for that local day (empty where the day has none), temperatures
// follow the units, requests per data type are exactly the planner's floor, and a scope refused
// at consent leaves its columns out with a note naming them.
import { roundTo } from '../../../src/core/units';
import {
  addDays,
  backfill,
  dataRequests,
  dataRoute,
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
const G_ACTIVITY = 'https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly';
const METRICS = [
  'steps',
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
  'weight',
  'bodyFat',
  'vo2Max',
];
const HEADER = [
  'Date',
  'Steps',
  'Resting heart rate (bpm)',
  'HRV (ms)',
  'HRV deep sleep RMSSD (ms)',
  'Heart rate avg (bpm)',
  'Heart rate min (bpm)',
  'Heart rate max (bpm)',
  'Zone minutes fat burn (min)',
  'Zone minutes cardio (min)',
  'Zone minutes peak (min)',
  'Active zone minutes (min)',
  'SpO2 (%)',
  'Breathing rate (breaths/min)',
  'Skin temperature (°C)',
  'Skin temperature vs baseline (°C)',
  'Weight (kg)',
  'Body fat (%)',
  'VO2 max (mL/kg/min)',
];

type Member = Record<string, unknown> | undefined;
const num = (v: unknown) => Number(v ?? 0);

/** What each column should hold for a day, computed from the simulator's own answers. */
function expectedRow(bed: SyncBed, day: string, units: 'metric' | 'us'): unknown[] {
  const g = (type: string) => bed.sim.dataFor('google', USER, type, day) as Member;
  const f = (m: Member, read: (m: Record<string, unknown>) => number | '') => (m ? read(m) : '');
  const steps = g('steps');
  const rhr = g('daily-resting-heart-rate');
  const hrv = g('daily-heart-rate-variability');
  const hr = g('heart-rate');
  const azm = g('active-zone-minutes');
  const spo2 = g('daily-oxygen-saturation');
  const breath = g('daily-respiratory-rate');
  const temp = g('daily-sleep-temperature-derivations');
  const weight = g('weight');
  const fat = g('body-fat');
  const vo2 = g('daily-vo2-max');
  const optional = (m: Record<string, unknown>, k: string, d: number) =>
    m[k] === undefined ? '' : roundTo(num(m[k]), d);
  const celsius = (c: number) => (units === 'us' ? c * 1.8 + 32 : c);
  const zones = ['sumInFatBurnHeartZone', 'sumInCardioHeartZone', 'sumInPeakHeartZone'];
  return [
    day,
    f(steps, (m) => num(m.countSum)),
    f(rhr, (m) => num(m.beatsPerMinute)),
    f(hrv, (m) => optional(m, 'averageHeartRateVariabilityMilliseconds', 1)),
    f(hrv, (m) => optional(m, 'deepSleepRootMeanSquareOfSuccessiveDifferencesMilliseconds', 1)),
    f(hr, (m) => roundTo(num(m.beatsPerMinuteAvg), 1)),
    f(hr, (m) => num(m.beatsPerMinuteMin)),
    f(hr, (m) => num(m.beatsPerMinuteMax)),
    ...zones.map((z) => f(azm, (m) => num(m[z]))),
    f(azm, (m) => zones.reduce((s, z) => s + num(m[z]), 0)),
    f(spo2, (m) => roundTo(num(m.averagePercentage), 1)),
    f(breath, (m) => roundTo(num(m.breathsPerMinute), 1)),
    f(temp, (m) => roundTo(celsius(num(m.nightlyTemperatureCelsius)), 2)),
    f(temp, (m) =>
      m.baselineTemperatureCelsius === undefined
        ? ''
        : roundTo(
            (num(m.nightlyTemperatureCelsius) - num(m.baselineTemperatureCelsius)) *
              (units === 'us' ? 1.8 : 1),
            2,
          ),
    ),
    f(weight, (m) => roundTo(num(m.weightGramsAvg) / (units === 'us' ? 453.59237 : 1000), 2)),
    f(fat, (m) => roundTo(num(m.bodyFatPercentageAvg), 1)),
    f(vo2, (m) => roundTo(num(m.vo2Max), 1)),
  ];
}

/** Data requests per data type (the path names it; a list's query is not part of the path). */
function requestsPerType(bed: SyncBed): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of dataRequests(bed)) {
    const type = /\/dataTypes\/([^/:]+)\/dataPoints/.exec(r.path)![1];
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

const DAILY_SUMMARIES = [
  'daily-resting-heart-rate',
  'daily-heart-rate-variability',
  'daily-oxygen-saturation',
  'daily-respiratory-rate',
  'daily-sleep-temperature-derivations',
  'daily-vo2-max',
];
function floor(heartRate: number, per90: number): Record<string, number> {
  const out: Record<string, number> = {
    steps: per90,
    'heart-rate': heartRate,
    'active-zone-minutes': per90,
    weight: per90,
    'body-fat': per90,
  };
  for (const t of DAILY_SUMMARIES) out[t] = 1;
  return out;
}

describe('google: heart, vitals, body and fitness columns', () => {
  let bed: SyncBed;
  let today: string;
  beforeAll(async () => {
    bed = await startSyncBed('google', { timeZone: ZONE, metrics: METRICS });
    today = localDate(bed.clock.now(), ZONE);
  });
  afterAll(async () => bed?.close());

  it('30 days: every column holds the simulator’s number for its day, at the floor of requests per data type', async () => {
    const reply = await syncNow(bed);
    expect(reply.ok).toBe(true);
    expect(reply.state.sync.notes).toEqual([]);
    const rows = sheetRows(bed);
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(31);
    const settled = settledRows(rows.slice(1), today).filter((r) => r.length > 1);
    expect(settled).toHaveLength(29);
    for (const row of settled) expect(row).toEqual(expectedRow(bed, row[0] as string, 'metric'));
    // The data has what the parser must handle: absent nights, a missing Optional field, a 0.
    const col = (h: string) => HEADER.indexOf(h);
    expect(settled.some((r) => r[col('Resting heart rate (bpm)')] === '')).toBe(true);
    expect(settled.some((r) => r[col('Zone minutes peak (min)')] === 0)).toBe(true);
    expect(settled.filter((r) => typeof r[col('SpO2 (%)')] === 'number').length).toBeGreaterThan(
      20,
    );
    // 30 days: one list per daily summary, heart-rate in 3 chunks of 14, the others in one.
    expect(requestsPerType(bed)).toEqual(floor(3, 1));
    // Lists go out with the largest page size and the date filter.
    const list = dataRequests(bed).find((r) => r.path.includes('daily-vo2-max'))!;
    expect(list.method).toBe('GET');
    expect(list.query).toEqual({
      pageSize: '10000',
      filter: `daily_vo2_max.date >= "${addDays(today, -29)}" AND daily_vo2_max.date < "${addDays(today, 1)}"`,
    });
  });

  it('1095 days: one list per daily summary for the whole range, roll-ups per 90 days (14 for heart-rate)', async () => {
    await useNewSpreadsheet(bed);
    bed.sim.clearLog();
    const reply = await backfill(bed, addDays(today, -1094));
    expect(reply.ok).toBe(true);
    expect(reply.state.sync.lastSync?.days).toBe(1095);
    expect(requestsPerType(bed)).toEqual(floor(79, 13));
    const rows = sheetRows(bed);
    expect(rows).toHaveLength(1096);
    for (const day of [addDays(today, -1094), addDays(today, -600), addDays(today, -2)]) {
      expect(rows.find((r) => r[0] === day)).toEqual(expectedRow(bed, day, 'metric'));
    }
  }, 180_000);

  it('US units: skin temperature in °F, its difference to baseline without the 32° offset', async () => {
    await useNewSpreadsheet(bed);
    await ok(bed, 'saveSyncSettings', [{ metrics: METRICS, units: 'us' }]);
    expect((await syncNow(bed)).ok).toBe(true);
    const rows = sheetRows(bed);
    expect(rows[0]).toContain('Skin temperature (°F)');
    expect(rows[0]).toContain('Skin temperature vs baseline (°F)');
    const settled = settledRows(rows.slice(1), today).filter((r) => r.length > 1);
    for (const row of settled) expect(row).toEqual(expectedRow(bed, row[0] as string, 'us'));
    const t = rows[0].indexOf('Skin temperature (°F)');
    expect(settled.some((r) => typeof r[t] === 'number' && (r[t] as number) > 88)).toBe(true);
  });
});

describe('google: a scope refused at consent', () => {
  let bed: SyncBed;
  beforeAll(async () => {
    bed = await startSyncBed('google', {
      timeZone: ZONE,
      metrics: METRICS,
      scopes: [G_ACTIVITY],
    });
  });
  afterAll(async () => bed?.close());

  it('leaves the measurements columns out, says which, and fills the activity ones', async () => {
    const reply = await syncNow(bed);
    expect(reply.ok).toBe(true);
    const rows = sheetRows(bed);
    expect(rows[0]).toEqual([
      'Date',
      'Steps',
      'Zone minutes fat burn (min)',
      'Zone minutes cardio (min)',
      'Zone minutes peak (min)',
      'Active zone minutes (min)',
      'VO2 max (mL/kg/min)',
    ]);
    expect(reply.state.sync.notes).toEqual([
      expect.stringContaining(
        'No permission for: Resting heart rate, HRV, HRV deep sleep RMSSD, Heart rate avg, Heart rate min, Heart rate max, SpO2, Breathing rate, Skin temperature, Skin temperature vs baseline, Weight, Body fat',
      ),
    ]);
    // Nothing was asked of the data types the person did not allow.
    expect(Object.keys(requestsPerType(bed)).sort()).toEqual([
      'active-zone-minutes',
      'daily-vo2-max',
      'steps',
    ]);
  });
});

describe('google: daily summaries that come in pages', () => {
  const PAGE = 100;
  let bed: SyncBed;
  let today: string;
  beforeAll(async () => {
    bed = await startSyncBed('google', { timeZone: ZONE, metrics: ['restingHeartRate', 'vo2Max'] });
    today = localDate(bed.clock.now(), ZONE);
    // The server returns at most 100 points a page, whatever pageSize asks.
    bed.sim.settings.googleListPageCap = PAGE;
  });
  afterAll(async () => bed?.close());

  /** Days with a point in the range: a full last page is followed by an empty one ({}). */
  const pagesFor = (type: string, start: string) => {
    let points = 0;
    for (let d = start; d <= today; d = addDays(d, 1))
      if (bed.sim.dataFor('google', USER, type, d)) points++;
    return Math.floor(points / PAGE) + 1;
  };
  const expectedRows = (start: string) => {
    const rows: unknown[][] = [];
    for (let d = start; d <= today; d = addDays(d, 1)) {
      const full = expectedRow(bed, d, 'metric');
      rows.push([d, full[HEADER.indexOf('Resting heart rate (bpm)')], full[HEADER.length - 1]]);
    }
    return rows;
  };

  it('365 days: each list follows nextPageToken to the end, one request per page', async () => {
    const start = addDays(today, -364);
    const reply = await backfill(bed, start);
    expect(reply.ok).toBe(true);
    const pages = {
      'daily-resting-heart-rate': pagesFor('daily-resting-heart-rate', start),
      'daily-vo2-max': pagesFor('daily-vo2-max', start),
    };
    expect(pages['daily-resting-heart-rate']).toBeGreaterThanOrEqual(4);
    expect(requestsPerType(bed)).toEqual(pages);
    const tokens = dataRequests(bed).filter((r) => r.query.pageToken).length;
    expect(tokens).toBe(pages['daily-resting-heart-rate'] + pages['daily-vo2-max'] - 2);
    expect(sheetRows(bed).slice(1)).toEqual(expectedRows(start));
  });

  it('a 429 between two pages pauses the sync; the continuation lists again from the first page and the sheet ends complete', async () => {
    await useNewSpreadsheet(bed);
    bed.clock.advance(3_600_000);
    today = localDate(bed.clock.now(), ZONE);
    bed.sim.clearLog();
    const start = addDays(today, -364);
    // Requests go out lists first, one page at a time: the 3rd is a later page of the first list.
    bed.sim.faults.add({ ...dataRoute('google'), atRequest: 3, kind: 'rate-limit' });
    const reply = await backfill(bed, start);
    expect(reply.state.sync.next).toMatchObject({ kind: 'continuation', reason: 'rate-limit' });
    // The first batch is both lists' first page, the second their second pages (one refused).
    const before = dataRequests(bed);
    expect(before).toHaveLength(4);
    expect(before[2].query.pageToken).toEqual(expect.any(String));
    expect(await runTriggersUntilIdle(bed)).toBe(1);
    // A list whose pages were cut short is listed again whole: its page tokens are not kept.
    expect(dataRequests(bed)).toHaveLength(
      4 + pagesFor('daily-resting-heart-rate', start) + pagesFor('daily-vo2-max', start),
    );
    expect(settledRows(sheetRows(bed).slice(1), today)).toEqual(
      settledRows(expectedRows(start), today),
    );
    expect(sheetRows(bed)).toHaveLength(366);
  });
});
