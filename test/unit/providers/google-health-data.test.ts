// Google Health data side: chunking counts, request shapes against the discovery doc, parsing.
import { addDays, type DateRange } from '../../../src/core/dates';
import { DEFAULT_METRIC_IDS } from '../../../src/providers/metrics';
import {
  googleRangeCapDays,
  nextPageRequest,
  planGoogleHealthRequests,
} from '../../../src/providers/google-health/data-plan';
import { parseGoogleHealthResponse } from '../../../src/providers/google-health/data-parse';
import { googleHealthDataSource } from '../../../src/providers/google-health/data';
import { googleMethod, undeclaredFields } from './spec-surface';

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
