// How the Google Health API presents daily summaries in `list`: one DataPoint per day whose
// member (dailyRestingHeartRate, ...) carries its own `date`, with the discovery document's
// field names (int64 as JSON strings, doubles as numbers, Optional fields sometimes absent).
import { nightFor, vo2MaxFor, type NightSummary } from './synthetic-health';
import { GOOGLE_HEALTH_ACTIVITY, GOOGLE_HEALTH_METRICS } from './scopes';
import type { SimUser } from './types';

export interface DailySummarySpec {
  /** Member of DataPoint that carries the summary. */
  member: string;
  /** Scopes any one of which lets a caller read this type (Google's scope-mapping table). */
  scopes: string[];
  /** The member's fields for one local date, without `date`, or null when the day is absent. */
  value(user: SimUser, date: string, now: number): Record<string, unknown> | null;
}

/** Fields whose value is null are left out (Optional fields of the discovery document). */
function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
}

function nightly(
  member: string,
  fields: (n: NightSummary) => Record<string, unknown>,
): DailySummarySpec {
  return {
    member,
    scopes: [GOOGLE_HEALTH_METRICS],
    value(user, date, now) {
      const night = nightFor(user, date, now);
      return night ? present(fields(night)) : null;
    },
  };
}

/** Data-type ids are kebab-case in the path and snake_case in a list filter. */
export const DAILY_SUMMARY_TYPES: Record<string, DailySummarySpec> = {
  'daily-resting-heart-rate': nightly('dailyRestingHeartRate', (n) => ({
    beatsPerMinute: String(n.restingHeartRate),
    dailyRestingHeartRateMetadata: { calculationMethod: 'WITH_SLEEP' },
  })),
  'daily-heart-rate-variability': nightly('dailyHeartRateVariability', (n) => ({
    averageHeartRateVariabilityMilliseconds: n.hrvAverageMs,
    deepSleepRootMeanSquareOfSuccessiveDifferencesMilliseconds: n.hrvDeepSleepRmssdMs,
    nonRemHeartRateBeatsPerMinute: String(n.nonRemHeartRate),
    entropy: n.hrvEntropy,
  })),
  'daily-oxygen-saturation': nightly('dailyOxygenSaturation', (n) => ({
    averagePercentage: n.spo2Average,
    lowerBoundPercentage: n.spo2Lower,
    upperBoundPercentage: n.spo2Upper,
  })),
  'daily-respiratory-rate': nightly('dailyRespiratoryRate', (n) => ({
    breathsPerMinute: n.breathsPerMinute,
  })),
  'daily-sleep-temperature-derivations': nightly('dailySleepTemperatureDerivations', (n) => ({
    nightlyTemperatureCelsius: n.nightlyTemperatureC,
    baselineTemperatureCelsius: n.baselineTemperatureC,
    relativeNightlyStddev30dCelsius: n.temperatureStddevC,
  })),
  // VO2 max is under activity and fitness in Google's scope table.
  'daily-vo2-max': {
    member: 'dailyVo2Max',
    scopes: [GOOGLE_HEALTH_ACTIVITY],
    value(user, date, now) {
      const v = vo2MaxFor(user, date, now);
      return v ? { vo2Max: v.vo2Max, cardioFitnessLevel: v.level } : null;
    },
  },
};
