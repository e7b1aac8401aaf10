// The metric catalog both providers share: one sheet column per metric, and where each provider
// carries that metric (legacy Fitbit resource and daily-summary field, Google Health data type).
/**
 * API:
 * - `MetricId`, `METRICS` (catalog order = column order, grouped by `Domain`: activity, sleep,
 *   heart, vitals, body, fitness), `DOMAINS`, `DEFAULT_METRIC_IDS` (the 11 activity metrics),
 *   `metric(id)`, `isMetricId`.
 * - Google sources are read three ways (`GoogleSource.read`): 'daily-rollup' (one
 *   DailyRollupDataPoint member per day, from dailyRollUp), 'daily-summary' (a DataPoint member
 *   carrying its own `date`, from `list` filtered on that date: resting heart rate and HRV come as
 *   daily values only this way, their roll-ups give a personal range) or 'sleep-sessions' (the
 *   sleep columns, figures of the sessions that ended on the local day).
 * - `numberFormatsFor(headers)`: header -> number format for the columns that need one (bedtime
 *   and wake time are fractions of a day shown as 'HH:mm').
 * - `supportsMetric(providerId, id)`, `supportedMetricIds(providerId, ids)`: a metric a provider
 *   cannot supply is left out of that provider's columns, never filled with zeros.
 * - `columnsFor(providerId, ids, units, weightUnit?)`: [{ metricId, header }] in catalog order, e.g.
 *   'Steps', 'Distance (km)', 'Weight (lb)'. `KEY_HEADER` = 'Date' (the key column).
 * - `unitColumnsFor(headers)`: the headers among them that carry a unit, with the metric's name,
 *   quantity and decimals (what the sheet planner needs to follow a change of units).
 * - `scopesForMetrics(providerId, ids)`: the OAuth scopes those metrics need (sorted, unique).
 * - `metricOfKey(key)`: the metric an ingredient key ('bmi:heightMm') of a request belongs to.
 * - `FITBIT_SCOPES`, `GOOGLE_HEALTH_SCOPES`.
 */
import type { ProviderId } from './provider';
import type { UnitColumn } from '../core/unit-columns';
import {
  UNIT_SYSTEMS,
  unitLabel,
  type Quantity,
  type UnitSystem,
  type WeightUnit,
} from '../core/units';

export type MetricId =
  | 'steps'
  | 'distance'
  | 'calories'
  | 'activityCalories'
  | 'caloriesBMR'
  | 'floors'
  | 'elevation'
  | 'minutesSedentary'
  | 'minutesLightlyActive'
  | 'minutesFairlyActive'
  | 'minutesVeryActive'
  | 'sleepAsleep'
  | 'sleepInBed'
  | 'sleepDeep'
  | 'sleepLight'
  | 'sleepRem'
  | 'sleepAwake'
  | 'sleepEfficiency'
  | 'bedtime'
  | 'wakeTime'
  | 'sleepLatency'
  | 'napCount'
  | 'napMinutes'
  | 'restingHeartRate'
  | 'hrvAverage'
  | 'hrvDeepSleepRmssd'
  | 'heartRateAvg'
  | 'heartRateMin'
  | 'heartRateMax'
  | 'azmFatBurn'
  | 'azmCardio'
  | 'azmPeak'
  | 'azmTotal'
  | 'spo2Average'
  | 'breathingRate'
  | 'skinTemperature'
  | 'skinTemperatureRelative'
  | 'weight'
  | 'bodyFat'
  | 'vo2Max'
  // Metrics helper: time in heart-rate zones, BMI, cardio fitness level, intake.
  | 'hrZoneLight'
  | 'hrZoneModerate'
  | 'hrZoneVigorous'
  | 'hrZonePeak'
  | 'bmi'
  | 'cardioFitnessLevel'
  | 'water'
  | 'caloriesIn';

/** What a metric is about: the sidebar groups metrics by it, and each maps to a permission. */
export type Domain = 'activity' | 'sleep' | 'heart' | 'vitals' | 'body' | 'fitness' | 'intake';
export const DOMAINS: readonly { id: Domain; label: string }[] = [
  { id: 'activity', label: 'Activity' },
  { id: 'sleep', label: 'Sleep' },
  { id: 'heart', label: 'Heart' },
  { id: 'vitals', label: 'Vitals' },
  { id: 'body', label: 'Body' },
  { id: 'fitness', label: 'Fitness' },
  { id: 'intake', label: 'Intake' },
];

export const FITBIT_SCOPES = { activity: 'activity', weight: 'weight' } as const;

export const GOOGLE_HEALTH_SCOPES = {
  activity: 'https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly',
  measurements:
    'https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.readonly',
  sleep: 'https://www.googleapis.com/auth/googlehealth.sleep.readonly',
  nutrition: 'https://www.googleapis.com/auth/googlehealth.nutrition.readonly',
} as const;

/** Where a legacy Fitbit response carries the metric (values already in the requested units). */
export interface FitbitSource {
  /** Time series: GET /1/user/-/{collection}/{resource}/date/{start}/{end}.json */
  collection: 'activities' | 'body';
  resource: string;
  /** Maximum days per time-series request (Fitbit "Resource Options"). */
  maxDays: number;
  /** Field of the daily summary (/activities/date/{date}.json) carrying it, if any. */
  summaryField: string | null;
  scope: string;
}

/**
 * How to read the metric from its data type's member. Google's proto3 JSON omits zero-valued
 * fields, so a present member with a missing field means 0; except a field the discovery doc
 * marks Optional (`optional: true`): its absence means "not measured" and the cell stays empty.
 * A `field` may be a dotted path into nested messages ('amountConsumed.millilitersSum').
 */
export type GoogleValue =
  | { kind: 'int64'; field: string; optional?: boolean }
  | { kind: 'double'; field: string; optional?: boolean }
  /** The duration of one zone of timeInHeartRateZones[] (absent zone: 0), in minutes. */
  | { kind: 'zone-minutes'; zone: 'LIGHT' | 'MODERATE' | 'VIGOROUS' | 'PEAK' }
  /** An enum string shown as words ('VERY_GOOD' -> 'Very good'); absent or UNSPECIFIED: empty. */
  | { kind: 'enum-text'; field: string }
  | { kind: 'duration-minutes'; field: string }
  | { kind: 'active-minutes'; level: 'LIGHT' | 'MODERATE' | 'VIGOROUS' }
  /** The sum of int64 fields (active zone minutes over the three zones). */
  | { kind: 'int64-sum'; fields: string[] }
  /** One double minus another, empty when the subtrahend (an Optional field) is absent. */
  | { kind: 'double-difference'; field: string; minus: string }
  /** A figure of the day's sleep sessions (google-health/sleep-days.ts computes it). */
  | { kind: 'sleep'; measure: SleepMeasure };

/**
 * What a sleep column shows for a local day: the main sleep that ended that day (by its wake date
 * in the offset the person woke up in), or the day's naps.
 */
export type SleepMeasure =
  | 'asleep'
  | 'in-bed'
  | 'deep'
  | 'light'
  | 'rem'
  | 'awake'
  | 'efficiency'
  | 'bedtime'
  | 'wake-time'
  | 'to-fall-asleep'
  | 'nap-count'
  | 'nap-minutes';

/**
 * 'daily-rollup': one DailyRollupDataPoint member per day, from dailyRollUp; 'daily-summary': a
 * DataPoint member carrying its own `date`, from `list` filtered on that date; 'sleep-sessions':
 * the `sleep` sessions from `list` filtered on their end time, attributed to local wake days;
 * 'derived-bmi': the day's weight (the weight roll-up) over the square of the latest height at or
 * before that day (one `list` of every height up to the range's end); see google-health/bmi.ts.
 */
export type GoogleRead = 'daily-rollup' | 'daily-summary' | 'sleep-sessions' | 'derived-bmi';

export interface GoogleSource {
  /** Data type id in /v4/users/me/dataTypes/{dataType}/dataPoints[:dailyRollUp] */
  dataType: string;
  read: GoogleRead;
  /** Member of DailyRollupDataPoint ('daily-rollup') or of DataPoint ('daily-summary'). */
  member: string;
  /** Read in the base unit of the metric's quantity (mm, kcal, g, min); converted afterwards. */
  value: GoogleValue;
  scope: string;
}

export interface MetricDef {
  id: MetricId;
  label: string;
  domain: Domain;
  quantity: Quantity;
  /** Decimals kept in the sheet (values are rounded so re-syncs write identical cells). */
  decimals: number;
  isDefault: boolean;
  fitbit: FitbitSource | null;
  google: GoogleSource | null;
}

function activity(resource: string, summaryField: string | null, maxDays = 1095): FitbitSource {
  return {
    collection: 'activities',
    resource,
    maxDays,
    summaryField,
    scope: FITBIT_SCOPES.activity,
  };
}

function google(dataType: string, member: string, value: GoogleValue): GoogleSource {
  return { dataType, read: 'daily-rollup', member, value, scope: GOOGLE_HEALTH_SCOPES.activity };
}

/** A Google Health daily column the legacy Fitbit provider does not supply. */
function healthOnly(
  id: MetricId,
  label: string,
  domain: Domain,
  quantity: Quantity,
  decimals: number,
  google: GoogleSource,
): MetricDef {
  return { id, label, domain, quantity, decimals, isDefault: false, fitbit: null, google };
}

function rollup(
  dataType: string,
  member: string,
  value: GoogleValue,
  scope: string = GOOGLE_HEALTH_SCOPES.measurements,
): GoogleSource {
  return { dataType, read: 'daily-rollup', member, value, scope };
}

function summary(
  dataType: string,
  member: string,
  value: GoogleValue,
  scope: string = GOOGLE_HEALTH_SCOPES.measurements,
): GoogleSource {
  return { dataType, read: 'daily-summary', member, value, scope };
}

/** A daily sleep column, read from the `sleep` session list (Google Health only). */
function sleepMetric(
  id: MetricId,
  label: string,
  quantity: Quantity,
  measure: SleepMeasure,
  decimals = 0,
): MetricDef {
  return healthOnly(id, label, 'sleep', quantity, decimals, {
    dataType: 'sleep',
    read: 'sleep-sessions',
    member: 'sleep',
    value: { kind: 'sleep', measure },
    scope: GOOGLE_HEALTH_SCOPES.sleep,
  });
}

/** Clock times are fractions of a day: 8 decimals keep the minute exact (1 min = 0.000694...). */
const CLOCK_DECIMALS = 8;
const hrZone = (zone: 'LIGHT' | 'MODERATE' | 'VIGOROUS' | 'PEAK') =>
  rollup(
    'time-in-heart-rate-zone',
    'timeInHeartRateZone',
    { kind: 'zone-minutes', zone },
    GOOGLE_HEALTH_SCOPES.activity,
  );

const AZM_FIELDS = ['sumInFatBurnHeartZone', 'sumInCardioHeartZone', 'sumInPeakHeartZone'];
const azm = (value: GoogleValue) =>
  rollup('active-zone-minutes', 'activeZoneMinutes', value, GOOGLE_HEALTH_SCOPES.activity);

export const METRICS: readonly MetricDef[] = [
  {
    id: 'steps',
    label: 'Steps',
    quantity: 'count',
    decimals: 0,
    domain: 'activity',
    isDefault: true,
    fitbit: activity('steps', 'steps'),
    google: google('steps', 'steps', { kind: 'int64', field: 'countSum' }),
  },
  {
    id: 'distance',
    label: 'Distance',
    quantity: 'distance',
    decimals: 3,
    domain: 'activity',
    isDefault: true,
    // The summary keeps distance in summary.distances[] under activity "total" (special-cased).
    fitbit: activity('distance', 'distances'),
    google: google('distance', 'distance', { kind: 'int64', field: 'millimetersSum' }),
  },
  {
    id: 'calories',
    label: 'Calories',
    quantity: 'energy',
    decimals: 0,
    domain: 'activity',
    isDefault: true,
    fitbit: activity('calories', 'caloriesOut'),
    google: google('total-calories', 'totalCalories', { kind: 'double', field: 'kcalSum' }),
  },
  {
    id: 'activityCalories',
    label: 'Activity calories',
    quantity: 'energy',
    decimals: 0,
    domain: 'activity',
    isDefault: true,
    // Fitbit serves activityCalories time series 30 days at a time, not 1095.
    fitbit: activity('activityCalories', 'activityCalories', 30),
    google: google('active-energy-burned', 'activeEnergyBurned', {
      kind: 'double',
      field: 'kcalSum',
    }),
  },
  {
    id: 'caloriesBMR',
    label: 'BMR calories',
    quantity: 'energy',
    decimals: 0,
    domain: 'activity',
    isDefault: true,
    fitbit: activity('caloriesBMR', 'caloriesBMR'),
    // basal-energy-burned exists as a data type but DailyRollupDataPoint has no member for it
    // (discovery doc), so Google Health cannot supply a daily BMR column.
    google: null,
  },
  {
    id: 'floors',
    label: 'Floors',
    quantity: 'count',
    decimals: 0,
    domain: 'activity',
    isDefault: true,
    fitbit: activity('floors', 'floors'),
    google: google('floors', 'floors', { kind: 'int64', field: 'countSum' }),
  },
  {
    id: 'elevation',
    label: 'Elevation',
    quantity: 'elevation',
    decimals: 2,
    domain: 'activity',
    isDefault: true,
    fitbit: activity('elevation', 'elevation'),
    google: google('altitude', 'altitude', { kind: 'int64', field: 'gainMillimetersSum' }),
  },
  {
    id: 'minutesSedentary',
    label: 'Sedentary',
    quantity: 'minutes',
    decimals: 0,
    domain: 'activity',
    isDefault: true,
    fitbit: activity('minutesSedentary', 'sedentaryMinutes'),
    google: google('sedentary-period', 'sedentaryPeriod', {
      kind: 'duration-minutes',
      field: 'durationSum',
    }),
  },
  {
    id: 'minutesLightlyActive',
    label: 'Lightly active',
    quantity: 'minutes',
    decimals: 0,
    domain: 'activity',
    isDefault: true,
    fitbit: activity('minutesLightlyActive', 'lightlyActiveMinutes'),
    google: google('active-minutes', 'activeMinutes', { kind: 'active-minutes', level: 'LIGHT' }),
  },
  {
    id: 'minutesFairlyActive',
    label: 'Fairly active',
    quantity: 'minutes',
    decimals: 0,
    domain: 'activity',
    isDefault: true,
    fitbit: activity('minutesFairlyActive', 'fairlyActiveMinutes'),
    google: google('active-minutes', 'activeMinutes', {
      kind: 'active-minutes',
      level: 'MODERATE',
    }),
  },
  {
    id: 'minutesVeryActive',
    label: 'Very active',
    quantity: 'minutes',
    decimals: 0,
    domain: 'activity',
    isDefault: true,
    fitbit: activity('minutesVeryActive', 'veryActiveMinutes'),
    google: google('active-minutes', 'activeMinutes', {
      kind: 'active-minutes',
      level: 'VIGOROUS',
    }),
  },
  // Sleep: the main sleep that ended on the day (local wake date), and the day's naps.
  sleepMetric('sleepAsleep', 'Time asleep', 'minutes', 'asleep'),
  sleepMetric('sleepInBed', 'Time in bed', 'minutes', 'in-bed'),
  sleepMetric('sleepDeep', 'Deep sleep', 'minutes', 'deep'),
  sleepMetric('sleepLight', 'Light sleep', 'minutes', 'light'),
  sleepMetric('sleepRem', 'REM sleep', 'minutes', 'rem'),
  sleepMetric('sleepAwake', 'Awake in bed', 'minutes', 'awake'),
  sleepMetric('sleepEfficiency', 'Sleep efficiency', 'percent', 'efficiency'),
  sleepMetric('bedtime', 'Bedtime', 'time-of-day', 'bedtime', CLOCK_DECIMALS),
  sleepMetric('wakeTime', 'Wake time', 'time-of-day', 'wake-time', CLOCK_DECIMALS),
  sleepMetric('sleepLatency', 'Time to fall asleep', 'minutes', 'to-fall-asleep'),
  sleepMetric('napCount', 'Naps', 'count', 'nap-count'),
  sleepMetric('napMinutes', 'Nap time', 'minutes', 'nap-minutes'),
  // Heart. Resting heart rate and HRV are daily summaries (their roll-ups only give a personal
  // range); heart rate is a roll-up capped at 14 days.
  healthOnly(
    'restingHeartRate',
    'Resting heart rate',
    'heart',
    'heart-rate',
    0,
    summary('daily-resting-heart-rate', 'dailyRestingHeartRate', {
      kind: 'int64',
      field: 'beatsPerMinute',
    }),
  ),
  healthOnly(
    'hrvAverage',
    'HRV',
    'heart',
    'milliseconds',
    1,
    summary('daily-heart-rate-variability', 'dailyHeartRateVariability', {
      kind: 'double',
      field: 'averageHeartRateVariabilityMilliseconds',
      optional: true,
    }),
  ),
  healthOnly(
    'hrvDeepSleepRmssd',
    'HRV deep sleep RMSSD',
    'heart',
    'milliseconds',
    1,
    summary('daily-heart-rate-variability', 'dailyHeartRateVariability', {
      kind: 'double',
      field: 'deepSleepRootMeanSquareOfSuccessiveDifferencesMilliseconds',
      optional: true,
    }),
  ),
  healthOnly(
    'heartRateAvg',
    'Heart rate avg',
    'heart',
    'heart-rate',
    1,
    rollup('heart-rate', 'heartRate', { kind: 'double', field: 'beatsPerMinuteAvg' }),
  ),
  healthOnly(
    'heartRateMin',
    'Heart rate min',
    'heart',
    'heart-rate',
    0,
    rollup('heart-rate', 'heartRate', { kind: 'double', field: 'beatsPerMinuteMin' }),
  ),
  healthOnly(
    'heartRateMax',
    'Heart rate max',
    'heart',
    'heart-rate',
    0,
    rollup('heart-rate', 'heartRate', { kind: 'double', field: 'beatsPerMinuteMax' }),
  ),
  // Active zone minutes as the API sums them (whether cardio and peak are already counted double
  // is unverified); the total is the sum of the three.
  healthOnly(
    'azmFatBurn',
    'Zone minutes fat burn',
    'heart',
    'minutes',
    0,
    azm({ kind: 'int64', field: 'sumInFatBurnHeartZone' }),
  ),
  healthOnly(
    'azmCardio',
    'Zone minutes cardio',
    'heart',
    'minutes',
    0,
    azm({ kind: 'int64', field: 'sumInCardioHeartZone' }),
  ),
  healthOnly(
    'azmPeak',
    'Zone minutes peak',
    'heart',
    'minutes',
    0,
    azm({ kind: 'int64', field: 'sumInPeakHeartZone' }),
  ),
  healthOnly(
    'azmTotal',
    'Active zone minutes',
    'heart',
    'minutes',
    0,
    azm({ kind: 'int64-sum', fields: AZM_FIELDS }),
  ),
  // Time in heart-rate zones (Google's zones: light, moderate, vigorous, peak), a 90-day roll-up
  // under activity and fitness in Google's scope table.
  healthOnly('hrZoneLight', 'Heart zone light', 'heart', 'minutes', 0, hrZone('LIGHT')),
  healthOnly('hrZoneModerate', 'Heart zone moderate', 'heart', 'minutes', 0, hrZone('MODERATE')),
  healthOnly('hrZoneVigorous', 'Heart zone vigorous', 'heart', 'minutes', 0, hrZone('VIGOROUS')),
  healthOnly('hrZonePeak', 'Heart zone peak', 'heart', 'minutes', 0, hrZone('PEAK')),
  // Vitals: nightly summaries, dated by the day the night ends.
  healthOnly(
    'spo2Average',
    'SpO2',
    'vitals',
    'percent',
    1,
    summary('daily-oxygen-saturation', 'dailyOxygenSaturation', {
      kind: 'double',
      field: 'averagePercentage',
    }),
  ),
  healthOnly(
    'breathingRate',
    'Breathing rate',
    'vitals',
    'breathing-rate',
    1,
    summary('daily-respiratory-rate', 'dailyRespiratoryRate', {
      kind: 'double',
      field: 'breathsPerMinute',
    }),
  ),
  healthOnly(
    'skinTemperature',
    'Skin temperature',
    'vitals',
    'temperature',
    2,
    summary('daily-sleep-temperature-derivations', 'dailySleepTemperatureDerivations', {
      kind: 'double',
      field: 'nightlyTemperatureCelsius',
    }),
  ),
  // Fitbit's "relative skin temperature": nightly minus the person's baseline.
  healthOnly(
    'skinTemperatureRelative',
    'Skin temperature vs baseline',
    'vitals',
    'temperature-difference',
    2,
    summary('daily-sleep-temperature-derivations', 'dailySleepTemperatureDerivations', {
      kind: 'double-difference',
      field: 'nightlyTemperatureCelsius',
      minus: 'baselineTemperatureCelsius',
    }),
  ),
  {
    id: 'weight',
    label: 'Weight',
    domain: 'body',
    quantity: 'weight',
    decimals: 2,
    isDefault: false,
    fitbit: {
      collection: 'body',
      resource: 'weight',
      maxDays: 1095,
      summaryField: null,
      scope: FITBIT_SCOPES.weight,
    },
    google: {
      dataType: 'weight',
      read: 'daily-rollup',
      member: 'weight',
      value: { kind: 'double', field: 'weightGramsAvg' },
      scope: GOOGLE_HEALTH_SCOPES.measurements,
    },
  },
  healthOnly(
    'bodyFat',
    'Body fat',
    'body',
    'percent',
    1,
    rollup('body-fat', 'bodyFat', { kind: 'double', field: 'bodyFatPercentageAvg' }),
  ),
  // BMI: the day's average weight over the square of the latest height measured at or before
  // that day; a day without a weigh-in, or before any height, stays empty (never a guess).
  healthOnly('bmi', 'BMI', 'body', 'index', 1, {
    dataType: 'height',
    read: 'derived-bmi',
    member: 'height',
    value: { kind: 'int64', field: 'heightMillimeters' },
    scope: GOOGLE_HEALTH_SCOPES.measurements,
  }),
  healthOnly(
    'vo2Max',
    'VO2 max',
    'fitness',
    'vo2-max',
    1,
    summary(
      'daily-vo2-max',
      'dailyVo2Max',
      { kind: 'double', field: 'vo2Max' },
      GOOGLE_HEALTH_SCOPES.activity,
    ),
  ),
  // The enum (POOR .. EXCELLENT) written as words, as the Fitbit app shows it; read from the same
  // daily-vo2-max list as VO2 max (no extra request).
  healthOnly(
    'cardioFitnessLevel',
    'Cardio fitness level',
    'fitness',
    'level',
    0,
    summary(
      'daily-vo2-max',
      'dailyVo2Max',
      { kind: 'enum-text', field: 'cardioFitnessLevel' },
      GOOGLE_HEALTH_SCOPES.activity,
    ),
  ),
  // Intake: logged water and food (daily roll-ups of the logs, nutrition scope).
  healthOnly(
    'water',
    'Water',
    'intake',
    'volume',
    1,
    rollup(
      'hydration-log',
      'hydrationLog',
      { kind: 'double', field: 'amountConsumed.millilitersSum' },
      GOOGLE_HEALTH_SCOPES.nutrition,
    ),
  ),
  healthOnly(
    'caloriesIn',
    'Calories eaten',
    'intake',
    'energy',
    0,
    rollup(
      'nutrition-log',
      'nutritionLog',
      { kind: 'double', field: 'energy.kcalSum' },
      GOOGLE_HEALTH_SCOPES.nutrition,
    ),
  ),
];

export const KEY_HEADER = 'Date';

/** How the sheet shows clock-time columns (fractions of a day): 24-hour hours and minutes. */
export const TIME_OF_DAY_FORMAT = 'HH:mm';

/** Number formats of the columns that need one, by header (clock times). */
export function numberFormatsFor(headers: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const def of METRICS) {
    if (def.quantity !== 'time-of-day') continue;
    for (const header of headers) if (header === def.label) out[header] = TIME_OF_DAY_FORMAT;
  }
  return out;
}

export const DEFAULT_METRIC_IDS: readonly MetricId[] = METRICS.filter((m) => m.isDefault).map(
  (m) => m.id,
);

const BY_ID = new Map<string, MetricDef>(METRICS.map((m) => [m.id, m]));

export function isMetricId(value: unknown): value is MetricId {
  return typeof value === 'string' && BY_ID.has(value);
}

export function metric(id: MetricId): MetricDef {
  const def = BY_ID.get(id);
  if (!def) throw new RangeError(`Unknown metric: ${id}`);
  return def;
}

export function supportsMetric(providerId: ProviderId, id: MetricId): boolean {
  const def = metric(id);
  return providerId === 'fitbit' ? def.fitbit !== null : def.google !== null;
}

/** The given metrics this provider can supply, unique, in catalog (column) order. */
export function supportedMetricIds(providerId: ProviderId, ids: readonly MetricId[]): MetricId[] {
  const wanted = new Set(ids);
  return METRICS.filter((m) => wanted.has(m.id) && supportsMetric(providerId, m.id)).map(
    (m) => m.id,
  );
}

export function headerFor(id: MetricId, units: UnitSystem, weightUnit?: WeightUnit): string {
  const def = metric(id);
  const unit = unitLabel(def.quantity, units, weightUnit);
  return unit === null ? def.label : `${def.label} (${unit})`;
}

export interface MetricColumn {
  metricId: MetricId;
  header: string;
}

/** `weightUnit` overrides the unit system's weight unit (kg, lb or st) when the person chose one. */
export function columnsFor(
  providerId: ProviderId,
  ids: readonly MetricId[],
  units: UnitSystem,
  weightUnit?: WeightUnit,
): MetricColumn[] {
  return supportedMetricIds(providerId, ids).map((id) => ({
    metricId: id,
    header: headerFor(id, units, weightUnit),
  }));
}

/**
 * A request may fill ingredient keys 'metricId:part' rather than a metric itself (the values a
 * derived metric such as BMI is computed from): such a key belongs to that metric, for notes and
 * for leaving its column out when the provider refuses it.
 */
export function metricOfKey(key: string): string {
  const at = key.indexOf(':');
  return at < 0 ? key : key.slice(0, at);
}

export function unitColumnsFor(headers: readonly string[]): UnitColumn[] {
  const out: UnitColumn[] = [];
  for (const header of headers) {
    for (const def of METRICS) {
      const system = UNIT_SYSTEMS.find((u) => headerFor(def.id, u) === header);
      const unit = system ? unitLabel(def.quantity, system) : null;
      if (unit === null) continue;
      out.push({ header, name: def.label, quantity: def.quantity, unit, decimals: def.decimals });
      break;
    }
  }
  return out;
}

export function scopesForMetrics(providerId: ProviderId, ids: readonly MetricId[]): string[] {
  const scopes = new Set<string>();
  for (const id of supportedMetricIds(providerId, ids)) {
    const def = metric(id);
    const scope = providerId === 'fitbit' ? def.fitbit?.scope : def.google?.scope;
    if (scope) scopes.add(scope);
  }
  return [...scopes].sort();
}
