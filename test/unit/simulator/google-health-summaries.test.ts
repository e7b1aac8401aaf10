// Google Health daily summaries in the simulator: `list` with the date filter grammar of the
// discovery doc, 400 INVALID_ARGUMENT for anything else, pageSize and pageToken with the empty
// last page, absent nights, Optional fields, scopes per Google's table, and body-fat roll-ups.
import type { Simulator } from '../../../dev/simulator/index';
import {
  G_ACTIVITY,
  G_METRICS,
  googleTokens,
  get,
  postJson,
  startSimulator,
  NOON_LA,
} from './helpers';

let sim: Simulator;
let bearer: Record<string, string>;

beforeEach(async () => {
  sim = await startSimulator({ atMs: NOON_LA });
  bearer = { authorization: `Bearer ${(await googleTokens(sim)).access_token}` };
});
afterEach(async () => {
  await sim.close();
});

const dateFilter = (type: string, from: string, until: string) => {
  const f = `${type.replace(/-/g, '_')}.date`;
  return `${f} >= "${from}" AND ${f} < "${until}"`;
};
const list = (type: string, query: Record<string, string>, headers = bearer) =>
  get(
    sim,
    `health.googleapis.com/v4/users/me/dataTypes/${type}/dataPoints?${new URLSearchParams(query)}`,
    headers,
  );
type Point = Record<string, { date: { year: number; month: number; day: number } } & object>;
const dayOf = (p: Point, member: string) => {
  const x = p[member].date;
  return `${x.year}-${String(x.month).padStart(2, '0')}-${String(x.day).padStart(2, '0')}`;
};

test('resting heart rate: one point per night in the range (end exclusive), int64 as a string, nights without a device absent', async () => {
  const r = await list('daily-resting-heart-rate', {
    filter: dateFilter('daily-resting-heart-rate', '2026-09-01', '2026-11-01'),
    pageSize: '10000',
  });
  expect(r.status).toBe(200);
  const days: string[] = r.body.dataPoints.map((p: Point) => dayOf(p, 'dailyRestingHeartRate'));
  expect(days.length).toBeGreaterThan(45);
  expect(days.length).toBeLessThan(61);
  expect(days[0] <= '2026-10-31' && days[days.length - 1] >= '2026-09-01').toBe(true);
  expect([...days].sort().reverse()).toEqual(days);
  for (const p of r.body.dataPoints) {
    expect(p.dailyRestingHeartRate.beatsPerMinute).toMatch(/^\d{2}$/);
    expect(p.name).toMatch(/^users\/\d+\/dataTypes\/daily-resting-heart-rate\/dataPoints\//);
    expect(
      sim.dataFor(
        'google',
        'user@example.com',
        'daily-resting-heart-rate',
        dayOf(p, 'dailyRestingHeartRate'),
      ),
    ).toMatchObject({ beatsPerMinute: p.dailyRestingHeartRate.beatsPerMinute });
  }
});

test('Optional fields are sometimes absent: deep-sleep RMSSD and the temperature baseline', async () => {
  const q = (type: string) => ({
    filter: dateFilter(type, '2024-01-01', '2026-11-01'),
    pageSize: '10000',
  });
  const hrv = await list('daily-heart-rate-variability', q('daily-heart-rate-variability'));
  const points = hrv.body.dataPoints.map((p: Point) => p.dailyHeartRateVariability);
  expect(
    points.some(
      (v: object) => !('deepSleepRootMeanSquareOfSuccessiveDifferencesMilliseconds' in v),
    ),
  ).toBe(true);
  expect(
    points.every(
      (v: { averageHeartRateVariabilityMilliseconds: unknown }) =>
        typeof v.averageHeartRateVariabilityMilliseconds === 'number',
    ),
  ).toBe(true);
  const temp = await list(
    'daily-sleep-temperature-derivations',
    q('daily-sleep-temperature-derivations'),
  );
  const temps = temp.body.dataPoints.map((p: Point) => p.dailySleepTemperatureDerivations);
  expect(temps.some((v: object) => !('baselineTemperatureCelsius' in v))).toBe(true);
  for (const v of temps) expect(v.nightlyTemperatureCelsius).toBeGreaterThan(31);
});

test("today's night appears once processed (after 09:00 local), never a later day", async () => {
  // NOON_LA: 12:00 on 2026-11-22 in Los Angeles.
  const q = { filter: dateFilter('daily-oxygen-saturation', '2026-11-15', '2026-11-30') };
  const days = (await list('daily-oxygen-saturation', q)).body.dataPoints.map((p: Point) =>
    dayOf(p, 'dailyOxygenSaturation'),
  );
  expect(days.every((d: string) => d <= '2026-11-22')).toBe(true);
  await sim.close();
  sim = await startSimulator({ atMs: Date.UTC(2026, 10, 22, 15) }); // 07:00 in Los Angeles
  bearer = { authorization: `Bearer ${(await googleTokens(sim)).access_token}` };
  const early = await list('daily-oxygen-saturation', {
    filter: dateFilter('daily-oxygen-saturation', '2026-11-22', '2026-11-23'),
  });
  expect(early.status).toBe(200);
  expect(early.body).toEqual({});
});

test.each([
  ['a field of another data type', 'daily_vo2_max.date >= "2026-11-01"'],
  [
    'an interval field on a daily summary',
    'daily_respiratory_rate.interval.start_time >= "2026-11-01T00:00:00Z"',
  ],
  ['the operator <=', 'daily_respiratory_rate.date <= "2026-11-01"'],
  [
    'OR',
    'daily_respiratory_rate.date >= "2026-11-01" OR daily_respiratory_rate.date < "2026-10-01"',
  ],
  ['an unquoted date', 'daily_respiratory_rate.date >= 2026-11-01'],
  ['a date that is not YYYY-MM-DD', 'daily_respiratory_rate.date >= "2026-11-31"'],
])('a filter with %s is 400 INVALID_ARGUMENT', async (_what, filter) => {
  const r = await list('daily-respiratory-rate', { filter });
  expect(r.status).toBe(400);
  expect(r.body.error.status).toBe('INVALID_ARGUMENT');
  expect(r.body.error.message).toMatch(/filter/i);
});

test('paging: pageSize splits the points, a full last page carries a token and the page after it is {}', async () => {
  const filter = dateFilter('daily-respiratory-rate', '2026-10-01', '2026-11-01');
  const all = await list('daily-respiratory-rate', { filter, pageSize: '10000' });
  const n: number = all.body.dataPoints.length;
  expect(all.body.nextPageToken).toBeUndefined();
  const pagesOf = async (pageSize: number) => {
    const bodies: { dataPoints?: unknown[]; nextPageToken?: string }[] = [];
    let token: string | undefined;
    do {
      const r = await list('daily-respiratory-rate', {
        filter,
        pageSize: String(pageSize),
        ...(token ? { pageToken: token } : {}),
      });
      expect(r.status).toBe(200);
      bodies.push(r.body);
      token = r.body.nextPageToken;
    } while (token);
    return bodies;
  };
  // Exactly n per page: the full page says there may be more, the next one is {}.
  const exact = await pagesOf(n);
  expect(exact).toHaveLength(2);
  expect(exact[1]).toEqual({});
  const small = await pagesOf(7);
  expect(small).toHaveLength(Math.floor(n / 7) + 1);
  expect(small.flatMap((b) => b.dataPoints ?? [])).toEqual(all.body.dataPoints);
  // A token belongs to its request: another filter with it is refused.
  const other = await list('daily-respiratory-rate', {
    filter: dateFilter('daily-respiratory-rate', '2026-09-01', '2026-11-01'),
    pageSize: '7',
    pageToken: small[0].nextPageToken!,
  });
  expect(other.status).toBe(400);
});

test('without pageSize at most 1440 points come back; above 10000 is truncated to 10000', async () => {
  const f = dateFilter('daily-vo2-max', '2020-01-01', '2026-11-23');
  const noSize = await list('daily-vo2-max', { filter: f });
  expect(noSize.body.dataPoints).toHaveLength(1440);
  expect(noSize.body.nextPageToken).toEqual(expect.any(String));
  const big = await list('daily-vo2-max', { filter: f, pageSize: '50000' });
  expect(big.body.dataPoints.length).toBeGreaterThan(1440);
  expect(big.body.dataPoints.length).toBeLessThan(10000);
  expect(big.body.nextPageToken).toBeUndefined();
});

test('scopes follow Google’s table: vitals need the measurements scope, VO2 max the activity one', async () => {
  const activityOnly = {
    authorization: `Bearer ${(await googleTokens(sim, { scopes: [G_ACTIVITY] })).access_token}`,
  };
  const metricsOnly = {
    authorization: `Bearer ${(await googleTokens(sim, { scopes: [G_METRICS] })).access_token}`,
  };
  const q = (type: string) => ({ filter: dateFilter(type, '2026-11-01', '2026-11-08') });
  expect(
    (await list('daily-resting-heart-rate', q('daily-resting-heart-rate'), activityOnly)).status,
  ).toBe(403);
  expect((await list('daily-vo2-max', q('daily-vo2-max'), activityOnly)).status).toBe(200);
  expect((await list('daily-vo2-max', q('daily-vo2-max'), metricsOnly)).status).toBe(403);
  const denied = await list('daily-oxygen-saturation', q('daily-oxygen-saturation'), activityOnly);
  expect(denied.body.error.details[0].reason).toBe('ACCESS_TOKEN_SCOPE_INSUFFICIENT');
  const hr = await postJson(
    sim,
    'health.googleapis.com/v4/users/me/dataTypes/heart-rate/dataPoints:dailyRollUp',
    {
      range: {
        start: { date: { year: 2026, month: 11, day: 1 } },
        end: { date: { year: 2026, month: 11, day: 8 } },
      },
    },
    activityOnly,
  );
  expect(hr.status).toBe(403);
});

test('body fat rolls up on the weigh-in days only, as bodyFatPercentageAvg', async () => {
  const body = (type: string) =>
    postJson(
      sim,
      `health.googleapis.com/v4/users/me/dataTypes/${type}/dataPoints:dailyRollUp`,
      {
        range: {
          start: { date: { year: 2026, month: 9, day: 1 } },
          end: { date: { year: 2026, month: 11, day: 23 } },
        },
        windowSizeDays: 1,
        pageSize: 90,
      },
      bearer,
    );
  const fat = await body('body-fat');
  const weight = await body('weight');
  expect(fat.status).toBe(200);
  const days = (r: typeof fat) =>
    r.body.rollupDataPoints.map((p: { civilStartTime: { date: object } }) =>
      JSON.stringify(p.civilStartTime.date),
    );
  expect(days(fat)).toEqual(days(weight));
  for (const p of fat.body.rollupDataPoints) {
    expect(p.bodyFat.bodyFatPercentageAvg).toBeGreaterThan(10);
    expect(p.bodyFat.bodyFatPercentageAvg).toBeLessThan(40);
  }
});
