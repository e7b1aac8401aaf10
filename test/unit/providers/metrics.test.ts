// The shared metric catalog: columns, units in headers, scopes, and provider mappings that exist
// in the providers' published API descriptions.
import {
  DEFAULT_METRIC_IDS,
  METRICS,
  columnsFor,
  scopesForMetrics,
  supportedMetricIds,
} from '../../../src/providers/metrics';
import { googleDiscovery } from './spec-surface';

describe('metric catalog', () => {
  it('has the 11 default activity metrics and weight as an optional one', () => {
    expect(DEFAULT_METRIC_IDS).toEqual([
      'steps',
      'distance',
      'calories',
      'activityCalories',
      'caloriesBMR',
      'floors',
      'elevation',
      'minutesSedentary',
      'minutesLightlyActive',
      'minutesFairlyActive',
      'minutesVeryActive',
    ]);
    expect(METRICS.find((m) => m.id === 'weight')?.isDefault).toBe(false);
  });

  it('puts the unit system into the headers', () => {
    const headers = (units: 'metric' | 'us' | 'uk') =>
      columnsFor(
        'fitbit',
        ['steps', 'distance', 'elevation', 'weight', 'calories', 'minutesSedentary'],
        units,
      ).map((c) => c.header);
    expect(headers('metric')).toEqual([
      'Steps',
      'Distance (km)',
      'Calories (kcal)',
      'Elevation (m)',
      'Sedentary (min)',
      'Weight (kg)',
    ]);
    expect(headers('us')).toEqual([
      'Steps',
      'Distance (mi)',
      'Calories (kcal)',
      'Elevation (ft)',
      'Sedentary (min)',
      'Weight (lb)',
    ]);
    expect(headers('uk')).toEqual([
      'Steps',
      'Distance (km)',
      'Calories (kcal)',
      'Elevation (m)',
      'Sedentary (min)',
      'Weight (st)',
    ]);
  });

  it('leaves a metric a provider cannot supply out of its columns instead of filling zeros', () => {
    expect(supportedMetricIds('fitbit', DEFAULT_METRIC_IDS)).toHaveLength(11);
    expect(supportedMetricIds('google-health', DEFAULT_METRIC_IDS)).toEqual(
      DEFAULT_METRIC_IDS.filter((id) => id !== 'caloriesBMR'),
    );
  });

  it('names the scopes each provider needs for a set of metrics, so partial consent can be detected', () => {
    expect(scopesForMetrics('fitbit', DEFAULT_METRIC_IDS)).toEqual(['activity']);
    expect(scopesForMetrics('fitbit', ['steps', 'weight'])).toEqual(['activity', 'weight']);
    expect(scopesForMetrics('fitbit', ['weight'])).toEqual(['weight']);
    expect(scopesForMetrics('google-health', ['steps', 'weight'])).toEqual([
      'https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly',
      'https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.readonly',
    ]);
    expect(scopesForMetrics('google-health', ['caloriesBMR'])).toEqual([]);
  });

  it('maps every Google metric to a member and field the discovery doc declares (roll-up or daily summary)', () => {
    const { schemas, rootUrl } = googleDiscovery();
    expect(rootUrl).toBe('https://health.googleapis.com/');
    for (const m of METRICS) {
      if (!m.google) continue;
      const container =
        m.google.read === 'daily-rollup' ? schemas.DailyRollupDataPoint : schemas.DataPoint;
      const member = container.properties![m.google.member];
      expect([m.id, member?.$ref]).toEqual([m.id, expect.any(String)]);
      const fields = schemas[member.$ref!].properties!;
      const v = m.google.value;
      const read =
        v.kind === 'sleep'
          ? ['interval', 'summary', 'metadata']
          : v.kind === 'active-minutes'
            ? ['activeMinutesRollupByActivityLevel']
            : v.kind === 'zone-minutes'
              ? ['timeInHeartRateZones']
              : v.kind === 'int64-sum'
                ? v.fields
                : v.kind === 'double-difference'
                  ? [v.field, v.minus]
                  : [v.field];
      for (const path of read) {
        // A dotted field walks nested messages ('amountConsumed.millilitersSum').
        const [field, ...rest] = path.split('.');
        expect([m.id, field, field in fields]).toEqual([m.id, field, true]);
        let props = fields;
        let at = field;
        for (const part of rest) {
          props = schemas[props[at].$ref!].properties!;
          expect([m.id, part, part in props]).toEqual([m.id, part, true]);
          at = part;
        }
      }
      // A daily summary carries its own date: that is what the list filter and the parser use.
      if (m.google.read === 'daily-summary') expect([m.id, 'date' in fields]).toEqual([m.id, true]);
    }
  });

  it('groups the Google Health metrics by domain, each with its unit in the header', () => {
    const byDomain = (domain: string) =>
      columnsFor(
        'google-health',
        METRICS.filter((m) => m.domain === domain).map((m) => m.id),
        'metric',
      ).map((c) => c.header);
    expect(byDomain('heart')).toEqual([
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
      'Heart zone light (min)',
      'Heart zone moderate (min)',
      'Heart zone vigorous (min)',
      'Heart zone peak (min)',
    ]);
    expect(byDomain('vitals')).toEqual([
      'SpO2 (%)',
      'Breathing rate (breaths/min)',
      'Skin temperature (°C)',
      'Skin temperature vs baseline (°C)',
    ]);
    expect(byDomain('body')).toEqual(['Weight (kg)', 'Body fat (%)', 'BMI']);
    expect(byDomain('fitness')).toEqual(['VO2 max (mL/kg/min)', 'Cardio fitness level']);
    expect(byDomain('intake')).toEqual(['Water (mL)', 'Calories eaten (kcal)']);
    expect(
      columnsFor('google-health', ['water', 'weight', 'bmi'], 'us').map((c) => c.header),
    ).toEqual(['Weight (lb)', 'BMI', 'Water (fl oz)']);
    // A weight unit chosen apart from the unit system: stone with US units, kg with UK units.
    expect(columnsFor('google-health', ['weight'], 'us', 'st').map((c) => c.header)).toEqual([
      'Weight (st)',
    ]);
    expect(columnsFor('fitbit', ['weight'], 'uk', 'kg').map((c) => c.header)).toEqual([
      'Weight (kg)',
    ]);
    expect(
      columnsFor('google-health', ['skinTemperature', 'skinTemperatureRelative'], 'us').map(
        (c) => c.header,
      ),
    ).toEqual(['Skin temperature (°F)', 'Skin temperature vs baseline (°F)']);
  });

  it('says the legacy Fitbit provider supplies none of the heart, vitals, body-fat, BMI, fitness and intake metrics', () => {
    const healthOnly = METRICS.filter((m) =>
      ['heart', 'vitals', 'fitness', 'intake'].includes(m.domain),
    )
      .map((m) => m.id)
      .concat(['bodyFat', 'bmi']);
    expect(healthOnly).toHaveLength(24);
    expect(supportedMetricIds('fitbit', healthOnly)).toEqual([]);
    expect(supportedMetricIds('google-health', healthOnly)).toHaveLength(24);
    expect(columnsFor('fitbit', ['steps', 'restingHeartRate', 'bodyFat'], 'metric')).toEqual([
      { metricId: 'steps', header: 'Steps' },
    ]);
  });

  it('asks for the measurements scope for heart rate, vitals and body, the activity scope for zone minutes and VO2 max', () => {
    const ACT = 'https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly';
    const MEAS =
      'https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.readonly';
    for (const id of ['azmFatBurn', 'azmTotal', 'vo2Max'] as const)
      expect([id, scopesForMetrics('google-health', [id])]).toEqual([id, [ACT]]);
    for (const id of [
      'restingHeartRate',
      'hrvAverage',
      'heartRateAvg',
      'spo2Average',
      'breathingRate',
      'skinTemperature',
      'bodyFat',
    ] as const)
      expect([id, scopesForMetrics('google-health', [id])]).toEqual([id, [MEAS]]);
  });

  it('offers only scopes the Google discovery doc lists, and nutrition from the scope table', () => {
    const doc = googleDiscovery();
    // The derived discovery doc took per-method scopes from generated examples, which name only
    // nutrition.writeonly; Google's scope-mapping table gives nutrition.readonly for the logs.
    const fromScopeTable = ['https://www.googleapis.com/auth/googlehealth.nutrition.readonly'];
    const all = METRICS.flatMap((m) => (m.google ? [m.google.scope] : [])).filter(
      (s) => !fromScopeTable.includes(s),
    );
    const text = JSON.stringify(doc.methods.filter((x) => /(dailyRollUp|\.list)$/.test(x.id)));
    for (const scope of all) expect(text).toContain(scope);
    expect(scopesForMetrics('google-health', ['water', 'caloriesIn'])).toEqual(fromScopeTable);
  });
});
