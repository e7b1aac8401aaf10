// Legacy Fitbit data side: request counts, request shapes against the Swagger, and parsing.
import { addDays, type DateRange } from '../../../src/core/dates';
import type { PlannedRequest } from '../../../src/core/planned-request';
import { DEFAULT_METRIC_IDS, type MetricId } from '../../../src/providers/metrics';
import { fitbitRequestCount, planFitbitRequests } from '../../../src/providers/fitbit/data-plan';
import { parseFitbitResponse } from '../../../src/providers/fitbit/data-parse';
import { fitbitDataSource } from '../../../src/providers/fitbit/data';
import { fitbitOperation } from './spec-surface';

const END = '2026-11-21';
function lastDays(n: number): DateRange {
  return { start: addDays(END, -(n - 1)), end: END };
}
function ok(body: unknown) {
  return { status: 200, headers: {}, body: JSON.stringify(body) };
}

describe('Fitbit request planner', () => {
  it.each([
    [1, 1],
    [7, 7],
    [30, 11],
    [365, 23],
    [3650, 162],
  ])('covers %i days of the 11 default metrics with %i requests', (days, expected) => {
    const plan = planFitbitRequests(lastDays(days), DEFAULT_METRIC_IDS, 'metric');
    expect(plan).toHaveLength(expected);
    expect(fitbitRequestCount(days, DEFAULT_METRIC_IDS)).toBe(expected);
  });

  it('uses daily summaries for a week and time series for a month', () => {
    expect(
      planFitbitRequests(lastDays(7), DEFAULT_METRIC_IDS, 'metric').every(
        (r) => r.shape === 'fitbit-day',
      ),
    ).toBe(true);
    expect(
      planFitbitRequests(lastDays(30), DEFAULT_METRIC_IDS, 'metric').every(
        (r) => r.shape === 'fitbit-series',
      ),
    ).toBe(true);
  });

  it('splits activityCalories into 30-day chunks and other resources into 1095-day chunks', () => {
    const plan = planFitbitRequests(lastDays(3650), DEFAULT_METRIC_IDS, 'metric');
    const ac = plan.filter((r) => r.url.includes('/activityCalories/'));
    const steps = plan.filter((r) => r.url.includes('/activities/steps/'));
    expect(ac).toHaveLength(122);
    expect(steps).toHaveLength(4);
    for (const r of plan) {
      const max = r.url.includes('/activityCalories/') ? 30 : 1095;
      expect(
        Math.round((Date.parse(r.covers.end) - Date.parse(r.covers.start)) / 86_400_000) + 1,
      ).toBeLessThanOrEqual(max);
    }
  });

  it('covers every day of the range exactly once for every metric', () => {
    for (const days of [1, 7, 12, 30, 31, 365, 1096]) {
      const range = lastDays(days);
      const plan = planFitbitRequests(range, [...DEFAULT_METRIC_IDS, 'weight'], 'metric');
      const seen = new Map<string, number>();
      for (const r of plan) {
        for (let d = r.covers.start; d <= r.covers.end; d = addDays(d, 1)) {
          for (const m of r.covers.metricIds)
            seen.set(`${d} ${m}`, (seen.get(`${d} ${m}`) ?? 0) + 1);
        }
      }
      expect(seen.size).toBe(days * 12);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
    }
  });

  it('mixes summaries and series when that is cheapest, and plans weight as a body series', () => {
    // activityCalories alone for 31 days: 2 series chunks, not 31 summaries.
    expect(planFitbitRequests(lastDays(31), ['activityCalories'], 'metric')).toHaveLength(2);
    const withWeight = planFitbitRequests(lastDays(7), [...DEFAULT_METRIC_IDS, 'weight'], 'metric');
    expect(withWeight).toHaveLength(8);
    expect(withWeight.filter((r) => r.url.includes('/body/weight/'))).toHaveLength(1);
  });

  it('orders requests by the last day they cover', () => {
    const plan = planFitbitRequests(lastDays(365), DEFAULT_METRIC_IDS, 'metric');
    const ends = plan.map((r) => r.covers.end);
    expect([...ends].sort()).toEqual(ends);
  });

  it('plans only requests whose method and path exist in the Fitbit Swagger', () => {
    const plan: PlannedRequest[] = [
      ...planFitbitRequests(lastDays(1), DEFAULT_METRIC_IDS, 'us'),
      ...planFitbitRequests(lastDays(400), [...DEFAULT_METRIC_IDS, 'weight'], 'us'),
    ];
    for (const r of plan)
      expect([r.url, fitbitOperation(r.method, r.url)]).toEqual([r.url, expect.any(String)]);
    expect(
      fitbitOperation(
        'get',
        'https://api.fitbit.com/1/user/-/activities/bogus/date/2026-01-01/2026-01-02.json',
      ),
    ).toBeNull();
  });

  it('sets Accept-Language from the unit system and never an Authorization header', () => {
    const lang = (units: 'metric' | 'us' | 'uk') =>
      planFitbitRequests(lastDays(30), ['steps'], units)[0].headers;
    expect(lang('us')).toEqual({ 'Accept-Language': 'en_US' });
    expect(lang('uk')).toEqual({ 'Accept-Language': 'en_GB' });
    expect(lang('metric')).toEqual({});
  });
});

describe('Fitbit response parsing', () => {
  const series = (metricId: MetricId, start: string, end: string) =>
    planFitbitRequests({ start, end }, [metricId], 'metric').find((r) =>
      r.covers.metricIds.includes(metricId),
    )!;

  it('reads time-series string values under activities-<resource>', () => {
    const req = series('steps', '2026-11-01', '2026-11-30');
    const res = parseFitbitResponse(
      req,
      ok({
        'activities-steps': [
          { dateTime: '2026-11-01', value: '1234' },
          { dateTime: '2026-11-02', value: '0' },
        ],
      }),
    );
    expect(res).toEqual({
      kind: 'ok',
      requestId: req.id,
      values: { '2026-11-01': { steps: 1234 }, '2026-11-02': { steps: 0 } },
      next: null,
    });
  });

  it('reads body weight under body-weight', () => {
    const req = planFitbitRequests({ start: '2026-11-01', end: '2026-11-02' }, ['weight'], 'us')[0];
    const res = parseFitbitResponse(
      req,
      ok({ 'body-weight': [{ dateTime: '2026-11-02', value: '165.35' }] }),
    );
    expect(res.kind === 'ok' && res.values).toEqual({ '2026-11-02': { weight: 165.35 } });
  });

  it('converts Fitbit weight to a unit chosen apart from the unit system (US pounds to stones)', () => {
    const range = { start: '2026-11-01', end: '2026-11-02' };
    const req = planFitbitRequests(range, ['weight'], 'us', 'st')[0];
    // Fitbit still answers in the Accept-Language's pounds; the parser moves them to stones.
    expect(req.headers['Accept-Language']).toBe('en_US');
    const res = parseFitbitResponse(
      req,
      ok({ 'body-weight': [{ dateTime: '2026-11-02', value: '165.35' }] }),
    );
    expect(res.kind === 'ok' && res.values).toEqual({ '2026-11-02': { weight: 11.81 } });
    expect(fitbitDataSource.columns(['weight'], 'us', 'st')).toEqual([
      { metricId: 'weight', header: 'Weight (st)' },
    ]);
  });

  it('reads daily summary numbers, distance from distances[] "total", and leaves missing fields absent', () => {
    const [req] = planFitbitRequests(
      { start: '2026-11-21', end: '2026-11-21' },
      DEFAULT_METRIC_IDS,
      'metric',
    );
    const body = {
      activities: [],
      summary: {
        steps: 8432,
        caloriesOut: 2345,
        activityCalories: 812,
        caloriesBMR: 1602,
        sedentaryMinutes: 700,
        lightlyActiveMinutes: 200,
        fairlyActiveMinutes: 0,
        veryActiveMinutes: 31,
        distances: [
          { activity: 'tracker', distance: 5.9 },
          { activity: 'total', distance: 6.12 },
        ],
      },
    };
    const res = parseFitbitResponse(req, ok(body));
    expect(res.kind === 'ok' && res.values).toEqual({
      '2026-11-21': {
        steps: 8432,
        distance: 6.12,
        calories: 2345,
        activityCalories: 812,
        caloriesBMR: 1602,
        minutesSedentary: 700,
        minutesLightlyActive: 200,
        minutesFairlyActive: 0,
        minutesVeryActive: 31,
      },
    });
  });

  it.each([
    ['a missing series key', { 'activities-distance': [] }],
    ['a non-numeric value', { 'activities-steps': [{ dateTime: '2026-11-01', value: 'lots' }] }],
    ['a date outside the range', { 'activities-steps': [{ dateTime: '2026-12-01', value: '1' }] }],
    [
      'a repeated date',
      {
        'activities-steps': [
          { dateTime: '2026-11-01', value: '1' },
          { dateTime: '2026-11-01', value: '2' },
        ],
      },
    ],
    ['an array body', []],
  ])('calls a series body with %s malformed, naming the request', (_what, body) => {
    const req = series('steps', '2026-11-01', '2026-11-30');
    const res = parseFitbitResponse(req, ok(body));
    expect(res.kind).toBe('malformed');
    expect(res.kind === 'malformed' && res.message).toContain(req.id);
    expect(res).not.toHaveProperty('values');
  });

  it('calls a summary without a summary object, a non-JSON body or an error status malformed', () => {
    const [req] = planFitbitRequests(
      { start: '2026-11-21', end: '2026-11-21' },
      DEFAULT_METRIC_IDS,
      'metric',
    );
    expect(parseFitbitResponse(req, ok({ activities: [] })).kind).toBe('malformed');
    expect(parseFitbitResponse(req, ok({ summary: { steps: '12' } })).kind).toBe('malformed');
    expect(parseFitbitResponse(req, { status: 200, headers: {}, body: '<html>' }).kind).toBe(
      'malformed',
    );
    expect(parseFitbitResponse(req, { status: 410, headers: {}, body: '{}' }).kind).toBe(
      'malformed',
    );
  });

  it('is reachable through the DataSource with the catalog columns', () => {
    expect(fitbitDataSource.columns(['weight', 'steps'], 'uk')).toEqual([
      { metricId: 'steps', header: 'Steps' },
      { metricId: 'weight', header: 'Weight (st)' },
    ]);
    expect(fitbitDataSource.plan(lastDays(30), DEFAULT_METRIC_IDS, 'metric')).toHaveLength(11);
  });
});
