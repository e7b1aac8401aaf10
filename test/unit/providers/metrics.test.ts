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

  it('maps every Google metric to a DailyRollupDataPoint member and field the discovery doc declares', () => {
    const { schemas, rootUrl } = googleDiscovery();
    expect(rootUrl).toBe('https://health.googleapis.com/');
    const point = schemas.DailyRollupDataPoint.properties!;
    for (const m of METRICS) {
      if (!m.google) continue;
      const member = point[m.google.member];
      expect([m.id, member?.$ref]).toEqual([m.id, expect.any(String)]);
      const fields = schemas[member.$ref!].properties!;
      const field =
        m.google.value.kind === 'active-minutes'
          ? 'activeMinutesRollupByActivityLevel'
          : m.google.value.field;
      expect([m.id, field in fields]).toEqual([m.id, true]);
    }
  });

  it('offers only scopes the Google discovery doc lists', () => {
    const doc = googleDiscovery();
    const all = METRICS.flatMap((m) => (m.google ? [m.google.scope] : []));
    const text = JSON.stringify(doc.methods.find((x) => x.id.endsWith('dailyRollUp')));
    for (const scope of all) expect(text).toContain(scope);
  });
});
