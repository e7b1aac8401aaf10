// Google Health parsing of time in heart-rate zones, cardio fitness level, water, calories eaten
// and BMI (heights list + weight roll-up) from the discovery document's shapes: int64 as strings,
// absent days left out, a true zero read as 0, off-shape answers refused whole.
import { addResult, type DayCells } from '../../../src/core/day-values';
import { addDays } from '../../../src/core/dates';
import type { PlannedRequest } from '../../../src/core/planned-request';
import {
  BMI_HEIGHT_KEY,
  BMI_WEIGHT_KEY,
  bmiOf,
  deriveBmi,
} from '../../../src/providers/google-health/bmi';
import { parseGoogleHealthResponse } from '../../../src/providers/google-health/data-parse';
import { planGoogleHealthRequests } from '../../../src/providers/google-health/data-plan';
import { scopesForMetrics, type MetricId } from '../../../src/providers/metrics';
import { googleDiscovery } from './spec-surface';

const RANGE = { start: '2026-11-01', end: '2026-11-05' };
const ok = (body: unknown) => ({ status: 200, headers: {}, body: JSON.stringify(body) });
const date = (d: string) => {
  const [year, month, day] = d.split('-').map(Number);
  return { year, month, day };
};
function rollupPoint(d: string, extra: Record<string, unknown>) {
  return {
    civilStartTime: { date: date(d) },
    civilEndTime: { date: date(addDays(d, 1)) },
    ...extra,
  };
}
function planFor(ids: MetricId[], units: 'metric' | 'us' = 'metric', dataType?: string) {
  const plan = planGoogleHealthRequests(RANGE, ids, units);
  return dataType ? plan.find((r) => r.url.includes(`/dataTypes/${dataType}/`))! : plan[0];
}
function values(req: PlannedRequest, body: unknown) {
  const res = parseGoogleHealthResponse(req, ok(body));
  if (res.kind !== 'ok') throw new Error(res.message);
  return res.values;
}

describe('time in heart-rate zones', () => {
  const ids: MetricId[] = ['hrZoneLight', 'hrZoneModerate', 'hrZoneVigorous', 'hrZonePeak'];

  it('is one 90-day roll-up of time-in-heart-rate-zone, under the activity scope', () => {
    const req = planFor(ids);
    expect(req.url).toBe(
      'https://health.googleapis.com/v4/users/me/dataTypes/time-in-heart-rate-zone/dataPoints:dailyRollUp',
    );
    expect(
      planGoogleHealthRequests({ start: '2026-08-01', end: '2026-11-05' }, ids, 'metric'),
    ).toHaveLength(2);
    expect(
      googleDiscovery().schemas.DailyRollupDataPoint.properties!.timeInHeartRateZone.$ref,
    ).toBe('TimeInHeartRateZoneRollupValue');
    expect(scopesForMetrics('google-health', ids)).toEqual([
      'https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly',
    ]);
  });

  it('reads minutes per zone from durations; a zone without time is 0, a day without data absent', () => {
    const req = planFor(ids);
    expect(
      values(req, {
        rollupDataPoints: [
          rollupPoint('2026-11-03', {
            timeInHeartRateZone: {
              timeInHeartRateZones: [
                { heartRateZone: 'LIGHT', duration: '5400s' },
                { heartRateZone: 'MODERATE', duration: '1260s' },
                { heartRateZone: 'VIGOROUS', duration: '300s' },
                // proto3 JSON leaves a zero duration out.
                { heartRateZone: 'PEAK' },
              ],
            },
          }),
          // A zone not listed at all is 0 too.
          rollupPoint('2026-11-01', {
            timeInHeartRateZone: {
              timeInHeartRateZones: [{ heartRateZone: 'LIGHT', duration: '60s' }],
            },
          }),
        ],
      }),
    ).toEqual({
      '2026-11-03': { hrZoneLight: 90, hrZoneModerate: 21, hrZoneVigorous: 5, hrZonePeak: 0 },
      '2026-11-01': { hrZoneLight: 1, hrZoneModerate: 0, hrZoneVigorous: 0, hrZonePeak: 0 },
    });
  });

  it('refuses a duration that is not "<seconds>s"', () => {
    const res = parseGoogleHealthResponse(
      planFor(ids),
      ok({
        rollupDataPoints: [
          rollupPoint('2026-11-02', {
            timeInHeartRateZone: {
              timeInHeartRateZones: [{ heartRateZone: 'LIGHT', duration: 90 }],
            },
          }),
        ],
      }),
    );
    expect(res.kind).toBe('malformed');
  });
});

describe('cardio fitness level', () => {
  it('rides on the daily-vo2-max list VO2 max uses (one request for both)', () => {
    const plan = planGoogleHealthRequests(RANGE, ['vo2Max', 'cardioFitnessLevel'], 'metric');
    expect(plan).toHaveLength(1);
    expect(plan[0].covers.metricIds).toEqual(['vo2Max', 'cardioFitnessLevel']);
  });

  it('writes the enum as words; UNSPECIFIED and absent leave the cell empty', () => {
    const req = planFor(['vo2Max', 'cardioFitnessLevel']);
    const p = (d: string, fields: Record<string, unknown>) => ({
      dailyVo2Max: { date: date(d), ...fields },
    });
    expect(
      values(req, {
        dataPoints: [
          p('2026-11-04', { vo2Max: 44.27, cardioFitnessLevel: 'VERY_GOOD' }),
          p('2026-11-03', { vo2Max: 38.9, cardioFitnessLevel: 'FAIR', estimated: true }),
          p('2026-11-02', { vo2Max: 40, cardioFitnessLevel: 'CARDIO_FITNESS_LEVEL_UNSPECIFIED' }),
          p('2026-11-01', { vo2Max: 40.1 }),
        ],
      }),
    ).toEqual({
      '2026-11-04': { vo2Max: 44.3, cardioFitnessLevel: 'Very good' },
      '2026-11-03': { vo2Max: 38.9, cardioFitnessLevel: 'Fair' },
      '2026-11-02': { vo2Max: 40 },
      '2026-11-01': { vo2Max: 40.1 },
    });
  });

  it('refuses a level that is not an enum value', () => {
    const res = parseGoogleHealthResponse(
      planFor(['cardioFitnessLevel']),
      ok({ dataPoints: [{ dailyVo2Max: { date: date('2026-11-01'), cardioFitnessLevel: 3 } }] }),
    );
    expect(res.kind).toBe('malformed');
  });
});

describe('water and calories eaten', () => {
  it('reads millilitres (or US fluid ounces) and kcal from the logs’ nested roll-ups', () => {
    const body = (member: string, v: Record<string, unknown>) => ({
      rollupDataPoints: [rollupPoint('2026-11-02', { [member]: v })],
    });
    const water = { amountConsumed: { millilitersSum: 1830, userProvidedUnitLast: 'MILLILITER' } };
    expect(values(planFor(['water']), body('hydrationLog', water))).toEqual({
      '2026-11-02': { water: 1830 },
    });
    expect(values(planFor(['water'], 'us'), body('hydrationLog', water))).toEqual({
      '2026-11-02': { water: 61.9 },
    });
    expect(
      values(planFor(['caloriesIn']), body('nutritionLog', { energy: { kcalSum: 2104.6 } })),
    ).toEqual({ '2026-11-02': { caloriesIn: 2105 } });
    // A log without energy (only fat logged): its kcal is proto3's 0.
    expect(
      values(planFor(['caloriesIn']), body('nutritionLog', { totalFat: { gramsSum: 12 } })),
    ).toEqual({
      '2026-11-02': { caloriesIn: 0 },
    });
  });

  it('asks the nutrition scope for both, one 90-day roll-up each', () => {
    const plan = planGoogleHealthRequests(RANGE, ['water', 'caloriesIn'], 'metric');
    expect(plan.map((r) => /dataTypes\/([^/:]+)/.exec(r.url)![1])).toEqual([
      'hydration-log',
      'nutrition-log',
    ]);
  });
});

describe('BMI', () => {
  const heightPoint = (d: string, hh: number, mm: string) => ({
    name: `users/1/dataTypes/height/dataPoints/${d}${hh}`,
    dataSource: { platform: 'FITBIT', recordingMethod: 'MANUAL' },
    height: {
      heightMillimeters: mm,
      sampleTime: {
        physicalTime: `${d}T${String(hh + 8).padStart(2, '0')}:00:00Z`,
        utcOffset: '-28800s',
        civilTime: { date: date(d), time: { hours: hh } },
      },
    },
  });

  it('plans one height list up to the range end and the weight roll-up, even without a Weight column', () => {
    const plan = planGoogleHealthRequests(RANGE, ['bmi'], 'metric');
    expect(plan).toHaveLength(2);
    const [heights, weight] = plan;
    const url = new URL(heights.url);
    expect(url.pathname).toBe('/v4/users/me/dataTypes/height/dataPoints');
    expect(url.searchParams.get('pageSize')).toBe('10000');
    expect(url.searchParams.get('filter')).toBe('height.sample_time.civil_time < "2026-11-06"');
    expect(heights.covers).toEqual({ ...RANGE, metricIds: [BMI_HEIGHT_KEY] });
    expect(weight.url).toContain('/dataTypes/weight/dataPoints:dailyRollUp');
    expect(weight.covers.metricIds).toEqual([BMI_WEIGHT_KEY]);
    // With Weight chosen too, BMI adds no request: the weight roll-up carries both.
    const both = planGoogleHealthRequests(RANGE, ['weight', 'bmi'], 'metric');
    expect(both).toHaveLength(2);
    expect(both[1].covers.metricIds).toEqual(['weight', BMI_WEIGHT_KEY]);
  });

  it('gives each day the latest height at or before it (int64 strings); days before any height stay out', () => {
    const req = planFor(['bmi'], 'metric', 'height');
    expect(
      values(req, {
        dataPoints: [
          heightPoint('2026-11-04', 19, '1786'),
          heightPoint('2026-11-04', 7, '1779'),
          heightPoint('2026-11-02', 8, '1781'),
        ],
      }),
    ).toEqual({
      '2026-11-02': { [BMI_HEIGHT_KEY]: 1781 },
      '2026-11-03': { [BMI_HEIGHT_KEY]: 1781 },
      '2026-11-04': { [BMI_HEIGHT_KEY]: 1786 },
      '2026-11-05': { [BMI_HEIGHT_KEY]: 1786 },
    });
    // A height taken years before the range still applies to every day of it.
    expect(values(req, { dataPoints: [heightPoint('2021-05-01', 9, '1700')] })).toEqual(
      Object.fromEntries(
        ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'].map((d) => [
          d,
          { [BMI_HEIGHT_KEY]: 1700 },
        ]),
      ),
    );
    expect(values(req, {})).toEqual({});
  });

  it('refuses a height that is not an int64 string', () => {
    const req = planFor(['bmi'], 'metric', 'height');
    const bad = heightPoint('2026-11-02', 8, '1781');
    (bad.height as Record<string, unknown>).heightMillimeters = 1781;
    expect(parseGoogleHealthResponse(req, ok({ dataPoints: [bad] })).kind).toBe('malformed');
  });

  it('is weight (kg) over height (m) squared, empty without a weigh-in or a height, left alone when an ingredient was not fetched', () => {
    expect(bmiOf(80_400, 1781)).toBe(25.3);
    const weightReq = planFor(['bmi'], 'metric', 'weight');
    const heightReq = planFor(['bmi'], 'metric', 'height');
    let cells: DayCells = {};
    const w = parseGoogleHealthResponse(
      weightReq,
      ok({ rollupDataPoints: [rollupPoint('2026-11-03', { weight: { weightGramsAvg: 80400 } })] }),
    );
    const h = parseGoogleHealthResponse(
      heightReq,
      ok({ dataPoints: [heightPoint('2026-11-02', 8, '1781')] }),
    );
    if (w.kind !== 'ok' || h.kind !== 'ok') throw new Error('parse failed');
    cells = addResult(cells, w, weightReq.covers);
    cells = addResult(cells, h, heightReq.covers);
    expect(deriveBmi(cells['2026-11-03']).bmi).toBe(25.3);
    expect(deriveBmi(cells['2026-11-04']).bmi).toBeNull(); // no weigh-in
    expect(deriveBmi(cells['2026-11-01']).bmi).toBeNull(); // weighed? no; and no height yet
    // Only the weight fetched (the height list refused): the BMI cell is left as it is.
    expect(deriveBmi({ [BMI_WEIGHT_KEY]: 80400 }).bmi).toBeUndefined();
  });
});
