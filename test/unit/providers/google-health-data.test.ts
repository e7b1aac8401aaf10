// Google Health data side: chunking counts, request shapes against the discovery doc, parsing.
import { addDays, type DateRange } from '../../../src/core/dates';
import { DEFAULT_METRIC_IDS, METRICS, type MetricId } from '../../../src/providers/metrics';
import {
  dailySummaryFilter,
  googleRangeCapDays,
  nextPageRequest,
  planGoogleHealthRequests,
} from '../../../src/providers/google-health/data-plan';
import { parseGoogleHealthResponse } from '../../../src/providers/google-health/data-parse';
import { googleHealthDataSource } from '../../../src/providers/google-health/data';
import { googleDiscovery, googleMethod, undeclaredFields } from './spec-surface';

const END = '2026-11-21';
function lastDays(n: number): DateRange {
  return { start: addDays(END, -(n - 1)), end: END };
}
function ok(body: unknown) {
  return { status: 200, headers: {}, body: JSON.stringify(body) };
}
function point(date: string, extra: Record<string, unknown>) {
  const [year, month, day] = date.split('-').map(Number);
  const next = addDays(date, 1).split('-').map(Number);
  return {
    civilStartTime: { date: { year, month, day } },
    civilEndTime: { date: { year: next[0], month: next[1], day: next[2] } },
    ...extra,
  };
}

describe('Google Health request planner', () => {
  // Defaults on Google: 8 data types (BMR has no daily roll-up): 6 capped at 90 days, 2 at 14.
  it.each([
    [1, 8],
    [7, 8],
    [14, 8],
    [15, 10],
    [90, 20],
    [91, 26],
    [365, 84],
    [1095, 236],
    [3650, 768],
  ])('covers %i days of the default metrics with %i dailyRollUp requests', (days, expected) => {
    expect(planGoogleHealthRequests(lastDays(days), DEFAULT_METRIC_IDS, 'metric')).toHaveLength(
      expected,
    );
  });

  it('shares one request between the metrics of one data type', () => {
    const plan = planGoogleHealthRequests(
      lastDays(14),
      ['minutesLightlyActive', 'minutesFairlyActive', 'minutesVeryActive'],
      'metric',
    );
    expect(plan).toHaveLength(1);
    expect(plan[0].covers.metricIds).toEqual([
      'minutesLightlyActive',
      'minutesFairlyActive',
      'minutesVeryActive',
    ]);
  });

  it('caps total-calories and active-minutes at 14 days and the rest at 90', () => {
    expect(googleRangeCapDays('total-calories')).toBe(14);
    expect(googleRangeCapDays('active-minutes')).toBe(14);
    expect(googleRangeCapDays('heart-rate')).toBe(14);
    expect(googleRangeCapDays('calories-in-heart-rate-zone')).toBe(14);
    expect(googleRangeCapDays('steps')).toBe(90);
  });

  it('sends the range with an exclusive end, unpadded numbers and pageSize = days in the chunk', () => {
    const [req] = planGoogleHealthRequests(
      { start: '2026-11-01', end: '2026-11-09' },
      ['steps'],
      'metric',
    );
    expect(req.method).toBe('post');
    expect(req.url).toBe(
      'https://health.googleapis.com/v4/users/me/dataTypes/steps/dataPoints:dailyRollUp',
    );
    expect(req.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(req.body!)).toEqual({
      range: {
        start: { date: { year: 2026, month: 11, day: 1 } },
        end: { date: { year: 2026, month: 11, day: 10 } },
      },
      windowSizeDays: 1,
      pageSize: 9,
    });
    expect(req.body).not.toMatch(/"0\d/);
  });

  it('plans only methods and paths that exist in the discovery doc, with declared body fields', () => {
    const plan = planGoogleHealthRequests(lastDays(100), [...DEFAULT_METRIC_IDS, 'weight'], 'us');
    for (const req of plan) {
      const method = googleMethod(req.method, req.url);
      expect([req.url, method?.id]).toEqual([
        req.url,
        'health.users.dataTypes.dataPoints.dailyRollUp',
      ]);
      expect(undeclaredFields(JSON.parse(req.body!), method!.request!.$ref)).toEqual([]);
    }
    const follow = nextPageRequest(plan[0], 'tok');
    expect(undeclaredFields(JSON.parse(follow.body!), 'DailyRollUpDataPointsRequest')).toEqual([]);
    expect(undeclaredFields({ range: { begin: {} } }, 'DailyRollUpDataPointsRequest')).toEqual([
      'range.begin',
    ]);
  });

  it('leaves BMR out of Google columns and asks only for the scopes of the chosen metrics', () => {
    expect(
      googleHealthDataSource.columns(DEFAULT_METRIC_IDS, 'metric').map((c) => c.metricId),
    ).not.toContain('caloriesBMR');
    expect(googleHealthDataSource.scopesFor(['steps'])).toEqual([
      'https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly',
    ]);
  });
});

/**
 * Every metric of the heart, vitals, body, fitness and intake domains (weight and BMI included;
 * sleep has its own tests).
 */
const HEALTH_IDS: MetricId[] = METRICS.filter(
  (m) => m.domain !== 'activity' && m.domain !== 'sleep',
).map((m) => m.id);
const DAILY_SUMMARY_TYPES = [
  'daily-resting-heart-rate',
  'daily-heart-rate-variability',
  'daily-oxygen-saturation',
  'daily-respiratory-rate',
  'daily-sleep-temperature-derivations',
  'daily-vo2-max',
];

/** Planned requests per data type, from the URL (roll-up or list). */
function perType(plan: ReturnType<typeof planGoogleHealthRequests>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of plan) {
    const type = /\/dataTypes\/([^/]+)\/dataPoints/.exec(r.url)![1];
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

describe('Google Health request planner: heart, vitals, body, fitness and intake', () => {
  it.each([
    // days, heart-rate (14-day cap), the 90-day roll-ups (active-zone-minutes, weight, body-fat,
    // time-in-heart-rate-zone, hydration-log, nutrition-log), total
    [1, 1, 1, 14],
    [30, 3, 1, 16],
    [365, 27, 5, 64],
    [1095, 79, 13, 164],
  ])(
    '%i days: one list per daily-summary type and one for heights, heart-rate per 14 days, the other roll-ups per 90',
    (days, heartRate, per90, total) => {
      const plan = planGoogleHealthRequests(lastDays(days), HEALTH_IDS, 'metric');
      const expected: Record<string, number> = {
        'heart-rate': heartRate,
        'active-zone-minutes': per90,
        weight: per90,
        'body-fat': per90,
        'time-in-heart-rate-zone': per90,
        'hydration-log': per90,
        'nutrition-log': per90,
        // BMI: every height up to the range's end in one list, whatever the range.
        height: 1,
      };
      for (const t of DAILY_SUMMARY_TYPES) expected[t] = 1;
      expect(perType(plan)).toEqual(expected);
      expect(plan).toHaveLength(total);
    },
  );

  it('lists a daily summary with the date filter of the discovery grammar and the largest page size', () => {
    const plan = planGoogleHealthRequests(lastDays(30), ['restingHeartRate'], 'metric');
    expect(plan).toHaveLength(1);
    const [req] = plan;
    expect(req.method).toBe('get');
    expect(req.shape).toBe('google-daily-list');
    expect(req.body).toBeUndefined();
    const url = new URL(req.url);
    expect(url.origin + url.pathname).toBe(
      'https://health.googleapis.com/v4/users/me/dataTypes/daily-resting-heart-rate/dataPoints',
    );
    expect(url.searchParams.get('pageSize')).toBe('10000');
    expect(url.searchParams.get('filter')).toBe(
      'daily_resting_heart_rate.date >= "2026-10-23" AND daily_resting_heart_rate.date < "2026-11-22"',
    );
    expect(req.covers).toEqual({
      start: '2026-10-23',
      end: END,
      metricIds: ['restingHeartRate'],
    });
    const list = googleDiscovery().methods.find(
      (m) => m.id === 'health.users.dataTypes.dataPoints.list',
    )!;
    expect(list.httpMethod).toBe('GET');
    expect(`${url.origin}${url.pathname}`).toBe(
      `https://health.googleapis.com/${list.path.replace('{+parent}', 'users/me/dataTypes/daily-resting-heart-rate')}`,
    );
    expect(dailySummaryFilter('daily-vo2-max', { start: '2026-01-01', end: '2026-01-01' })).toBe(
      'daily_vo2_max.date >= "2026-01-01" AND daily_vo2_max.date < "2026-01-02"',
    );
  });

  it('shares one list between the metrics of one daily summary and puts the lists before the roll-ups', () => {
    const plan = planGoogleHealthRequests(
      lastDays(30),
      ['steps', 'skinTemperature', 'skinTemperatureRelative', 'azmPeak', 'azmTotal'],
      'metric',
    );
    expect(plan.map((r) => [r.shape, r.covers.metricIds])).toEqual([
      ['google-daily-list', ['skinTemperature', 'skinTemperatureRelative']],
      ['google-daily-rollup', ['steps']],
      ['google-daily-rollup', ['azmPeak', 'azmTotal']],
    ]);
  });

  it('follows a list page token in the query, keeping the filter and page size', () => {
    const [req] = planGoogleHealthRequests(lastDays(30), ['vo2Max'], 'metric');
    const second = nextPageRequest(req, 'a/b=');
    expect(second.url).toBe(`${req.url}&pageToken=a%2Fb%3D`);
    expect(second).toMatchObject({ page: 2, id: `${req.id} page 2`, method: 'get' });
    const third = nextPageRequest(second, 'next');
    expect(third.url).toBe(`${req.url}&pageToken=next`);
    expect(third.id).toBe(`${req.id} page 3`);
  });
});

describe('Google Health response parsing', () => {
  const plan = (
    ids: Parameters<typeof planGoogleHealthRequests>[1],
    units: 'metric' | 'us' | 'uk' = 'metric',
  ) => planGoogleHealthRequests({ start: '2026-11-01', end: '2026-11-05' }, ids, units)[0];

  it('reads newest-first points with int64 strings, leaves absent days out and keeps a true zero', () => {
    const req = plan(['steps']);
    const res = parseGoogleHealthResponse(
      req,
      ok({
        rollupDataPoints: [
          point('2026-11-05', { steps: { countSum: '8432' } }),
          point('2026-11-03', { steps: { countSum: '0' } }),
          point('2026-11-02', { steps: {} }),
        ],
      }),
    );
    expect(res).toEqual({
      kind: 'ok',
      requestId: req.id,
      values: {
        '2026-11-05': { steps: 8432 },
        '2026-11-03': { steps: 0 },
        '2026-11-02': { steps: 0 },
      },
      next: null,
    });
  });

  it('accepts an empty answer ({}) as no data at all', () => {
    const res = parseGoogleHealthResponse(plan(['steps']), ok({}));
    expect(res.kind === 'ok' && res.values).toEqual({});
  });

  it('converts millimetres, kcal, grams and seconds to the chosen units', () => {
    const day = '2026-11-01';
    const distance = (units: 'metric' | 'us') =>
      parseGoogleHealthResponse(
        plan(['distance'], units),
        ok({ rollupDataPoints: [point(day, { distance: { millimetersSum: '8046720' } })] }),
      );
    expect(distance('metric').kind === 'ok' && distance('metric')).toMatchObject({
      values: { [day]: { distance: 8.047 } },
    });
    expect(distance('us')).toMatchObject({ values: { [day]: { distance: 5 } } });
    const weight = parseGoogleHealthResponse(
      plan(['weight'], 'uk'),
      ok({ rollupDataPoints: [point(day, { weight: { weightGramsAvg: 76203.5 } })] }),
    );
    expect(weight).toMatchObject({ values: { [day]: { weight: 12 } } });
    const elevation = parseGoogleHealthResponse(
      plan(['elevation'], 'us'),
      ok({ rollupDataPoints: [point(day, { altitude: { gainMillimetersSum: '30480' } })] }),
    );
    expect(elevation).toMatchObject({ values: { [day]: { elevation: 100 } } });
    const sedentary = parseGoogleHealthResponse(
      plan(['minutesSedentary']),
      ok({ rollupDataPoints: [point(day, { sedentaryPeriod: { durationSum: '41220s' } })] }),
    );
    expect(sedentary).toMatchObject({ values: { [day]: { minutesSedentary: 687 } } });
    const kcal = parseGoogleHealthResponse(
      plan(['activityCalories']),
      ok({ rollupDataPoints: [point(day, { activeEnergyBurned: { kcalSum: 812.4 } })] }),
    );
    expect(kcal).toMatchObject({ values: { [day]: { activityCalories: 812 } } });
  });

  it('splits active minutes by activity level, a missing level of a present day being 0', () => {
    const req = plan(['minutesLightlyActive', 'minutesFairlyActive', 'minutesVeryActive']);
    const res = parseGoogleHealthResponse(
      req,
      ok({
        rollupDataPoints: [
          point('2026-11-02', {
            activeMinutes: {
              activeMinutesRollupByActivityLevel: [
                { activityLevel: 'LIGHT', activeMinutesSum: '190' },
                { activityLevel: 'VIGOROUS', activeMinutesSum: '25' },
              ],
            },
          }),
        ],
      }),
    );
    expect(res.kind === 'ok' && res.values).toEqual({
      '2026-11-02': { minutesLightlyActive: 190, minutesFairlyActive: 0, minutesVeryActive: 25 },
    });
  });

  it('returns the follow-up page request when the answer has a nextPageToken', () => {
    const req = plan(['steps']);
    const res = parseGoogleHealthResponse(req, ok({ rollupDataPoints: [], nextPageToken: 'abc' }));
    expect(res.kind === 'ok' && res.next).toMatchObject({
      url: req.url,
      page: 2,
      id: `${req.id} page 2`,
    });
    const body = JSON.parse((res.kind === 'ok' && res.next!.body) || '{}');
    expect(body).toEqual({ ...JSON.parse(req.body!), pageToken: 'abc' });
  });

  it.each([
    ['points that are not a list', { rollupDataPoints: {} }],
    ['a point without civilStartTime', { rollupDataPoints: [{ steps: { countSum: '1' } }] }],
    [
      'a point outside the range',
      { rollupDataPoints: [point('2026-12-01', { steps: { countSum: '1' } })] },
    ],
    [
      'two points for one day',
      { rollupDataPoints: [point('2026-11-01', {}), point('2026-11-01', {})] },
    ],
    [
      'a countSum that is not an int64',
      { rollupDataPoints: [point('2026-11-01', { steps: { countSum: '12.5x' } })] },
    ],
  ])('calls an answer with %s malformed, with no partial data', (_what, body) => {
    const req = plan(['steps']);
    const res = parseGoogleHealthResponse(req, ok(body));
    expect(res).toEqual({
      kind: 'malformed',
      requestId: req.id,
      message: expect.stringContaining(req.id),
    });
  });
});

describe('Google Health parsing: heart, vitals, body and fitness', () => {
  const RANGE = { start: '2026-11-01', end: '2026-11-05' };
  const first = (ids: MetricId[], units: 'metric' | 'us' | 'uk' = 'metric') =>
    planGoogleHealthRequests(RANGE, ids, units)[0];
  const date = (d: string) => {
    const [year, month, day] = d.split('-').map(Number);
    return { year, month, day };
  };
  const summaryPoint = (member: string, d: string, fields: Record<string, unknown>) => ({
    name: `users/me/dataTypes/x/dataPoints/${d}`,
    dataSource: { platform: 'FITBIT' },
    [member]: { date: date(d), ...fields },
  });
  const values = (req: ReturnType<typeof first>, body: unknown) => {
    const res = parseGoogleHealthResponse(req, ok(body));
    if (res.kind !== 'ok') throw new Error(res.message);
    return res.values;
  };

  it('reads resting heart rate from int64 strings by the summary’s own date; absent days stay out', () => {
    const req = first(['restingHeartRate']);
    expect(
      values(req, {
        dataPoints: [
          summaryPoint('dailyRestingHeartRate', '2026-11-03', { beatsPerMinute: '58' }),
          summaryPoint('dailyRestingHeartRate', '2026-11-01', {
            beatsPerMinute: '61',
            dailyRestingHeartRateMetadata: { calculationMethod: 'WITH_SLEEP' },
          }),
        ],
      }),
    ).toEqual({ '2026-11-03': { restingHeartRate: 58 }, '2026-11-01': { restingHeartRate: 61 } });
  });

  it('leaves an Optional HRV field that is absent empty, and keeps a present one', () => {
    const req = first(['hrvAverage', 'hrvDeepSleepRmssd']);
    expect(
      values(req, {
        dataPoints: [
          summaryPoint('dailyHeartRateVariability', '2026-11-02', {
            averageHeartRateVariabilityMilliseconds: 41.26,
            deepSleepRootMeanSquareOfSuccessiveDifferencesMilliseconds: 47.04,
            nonRemHeartRateBeatsPerMinute: '55',
          }),
          summaryPoint('dailyHeartRateVariability', '2026-11-03', {
            averageHeartRateVariabilityMilliseconds: 38,
          }),
        ],
      }),
    ).toEqual({
      '2026-11-02': { hrvAverage: 41.3, hrvDeepSleepRmssd: 47 },
      '2026-11-03': { hrvAverage: 38 },
    });
  });

  it('gives skin temperature in °C or °F, and the difference to baseline without the 32° offset', () => {
    const body = {
      dataPoints: [
        summaryPoint('dailySleepTemperatureDerivations', '2026-11-04', {
          nightlyTemperatureCelsius: 34.1,
          baselineTemperatureCelsius: 33.6,
          relativeNightlyStddev30dCelsius: 0.3,
        }),
        // No baseline yet (the first nights): the relative column stays empty.
        summaryPoint('dailySleepTemperatureDerivations', '2026-11-05', {
          nightlyTemperatureCelsius: 33.9,
        }),
      ],
    };
    const ids: MetricId[] = ['skinTemperature', 'skinTemperatureRelative'];
    expect(values(first(ids, 'metric'), body)).toEqual({
      '2026-11-04': { skinTemperature: 34.1, skinTemperatureRelative: 0.5 },
      '2026-11-05': { skinTemperature: 33.9 },
    });
    expect(values(first(ids, 'us'), body)).toEqual({
      '2026-11-04': { skinTemperature: 93.38, skinTemperatureRelative: 0.9 },
      '2026-11-05': { skinTemperature: 93.02 },
    });
    expect(values(first(ids, 'uk'), body)['2026-11-04']).toEqual({
      skinTemperature: 34.1,
      skinTemperatureRelative: 0.5,
    });
  });

  it('reads SpO2, breathing rate and VO2 max as numbers rounded to one decimal', () => {
    expect(
      values(first(['spo2Average']), {
        dataPoints: [
          summaryPoint('dailyOxygenSaturation', '2026-11-01', {
            averagePercentage: 95.46,
            lowerBoundPercentage: 93.1,
            upperBoundPercentage: 97.4,
          }),
        ],
      }),
    ).toEqual({ '2026-11-01': { spo2Average: 95.5 } });
    expect(
      values(first(['breathingRate']), {
        dataPoints: [
          summaryPoint('dailyRespiratoryRate', '2026-11-01', { breathsPerMinute: 14.8 }),
        ],
      }),
    ).toEqual({ '2026-11-01': { breathingRate: 14.8 } });
    expect(
      values(first(['vo2Max']), {
        dataPoints: [
          summaryPoint('dailyVo2Max', '2026-11-02', {
            vo2Max: 44.27,
            cardioFitnessLevel: 'GOOD',
            estimated: true,
          }),
        ],
      }),
    ).toEqual({ '2026-11-02': { vo2Max: 44.3 } });
  });

  it('sums active zone minutes, an omitted zone of a present day being a true 0', () => {
    const req = first(['azmFatBurn', 'azmCardio', 'azmPeak', 'azmTotal']);
    expect(
      values(req, {
        rollupDataPoints: [
          point('2026-11-02', {
            activeZoneMinutes: { sumInFatBurnHeartZone: '21', sumInCardioHeartZone: '48' },
          }),
          point('2026-11-01', { activeZoneMinutes: {} }),
        ],
      }),
    ).toEqual({
      '2026-11-02': { azmFatBurn: 21, azmCardio: 48, azmPeak: 0, azmTotal: 69 },
      '2026-11-01': { azmFatBurn: 0, azmCardio: 0, azmPeak: 0, azmTotal: 0 },
    });
  });

  it('reads heart rate average, minimum and maximum and body fat from roll-ups', () => {
    expect(
      values(first(['heartRateAvg', 'heartRateMin', 'heartRateMax']), {
        rollupDataPoints: [
          point('2026-11-03', {
            heartRate: { beatsPerMinuteAvg: 71.36, beatsPerMinuteMin: 52, beatsPerMinuteMax: 151 },
          }),
        ],
      }),
    ).toEqual({ '2026-11-03': { heartRateAvg: 71.4, heartRateMin: 52, heartRateMax: 151 } });
    expect(
      values(first(['bodyFat']), {
        rollupDataPoints: [point('2026-11-03', { bodyFat: { bodyFatPercentageAvg: 22.46 } })],
      }),
    ).toEqual({ '2026-11-03': { bodyFat: 22.5 } });
  });

  it('takes an empty list page ({}) as no days, and a token as the next page to fetch', () => {
    const req = first(['restingHeartRate']);
    expect(parseGoogleHealthResponse(req, ok({}))).toEqual({
      kind: 'ok',
      requestId: req.id,
      values: {},
      next: null,
    });
    const res = parseGoogleHealthResponse(req, ok({ dataPoints: [], nextPageToken: 't2' }));
    expect(res.kind === 'ok' && res.next?.url).toBe(`${req.url}&pageToken=t2`);
  });

  it.each([
    ['dataPoints that are not a list', { dataPoints: {} }],
    ['a point without its member', { dataPoints: [{ name: 'x' }] }],
    [
      'a summary without a date',
      { dataPoints: [{ dailyRestingHeartRate: { beatsPerMinute: '60' } }] },
    ],
    [
      'a summary outside the range',
      {
        dataPoints: [summaryPoint('dailyRestingHeartRate', '2026-11-09', { beatsPerMinute: '60' })],
      },
    ],
    [
      'a beatsPerMinute that is not an int64',
      {
        dataPoints: [summaryPoint('dailyRestingHeartRate', '2026-11-02', { beatsPerMinute: 'x' })],
      },
    ],
  ])('calls a list answer with %s malformed', (_what, body) => {
    const res = parseGoogleHealthResponse(first(['restingHeartRate']), ok(body));
    expect(res.kind).toBe('malformed');
  });
});
