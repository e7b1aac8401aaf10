// How the legacy Fitbit Web API presents a day: time-series strings in the unit system of the
// Accept-Language header, and the daily summary's numbers.
import type { SimUser } from './types';
import { activityFor, basalCaloriesFor, weightFor, type DayActivity } from './synthetic-data';
import { addDays } from './civil-dates';

export type UnitSystem = 'en_US' | 'en_GB' | 'metric';

export const FITBIT_ACTIVITY_RESOURCES = [
  'steps',
  'distance',
  'calories',
  'caloriesBMR',
  'activityCalories',
  'floors',
  'elevation',
  'minutesSedentary',
  'minutesLightlyActive',
  'minutesFairlyActive',
  'minutesVeryActive',
] as const;
export type FitbitActivityResource = (typeof FITBIT_ACTIVITY_RESOURCES)[number];

const KM_PER_MILE = 1.609344;
const M_PER_FOOT = 0.3048;
const KG_PER_LB = 0.45359237;
const KG_PER_STONE = 6.35029318;

/** Units follow Accept-Language: en_US imperial, en_GB UK, anything else metric (doc). */
export function unitSystemOf(acceptLanguage: string | undefined): UnitSystem {
  const v = (acceptLanguage ?? '').trim().replace('-', '_').toLowerCase();
  if (v.startsWith('en_us')) return 'en_US';
  if (v.startsWith('en_gb')) return 'en_GB';
  return 'metric';
}

const round2 = (v: number) => Math.round(v * 100) / 100;

export function distanceIn(units: UnitSystem, km: number): number {
  return round2(units === 'en_US' ? km / KM_PER_MILE : km);
}

export function elevationIn(units: UnitSystem, metres: number): number {
  return round2(units === 'en_US' ? metres / M_PER_FOOT : metres);
}

export function weightIn(units: UnitSystem, kg: number): number {
  const v = units === 'en_US' ? kg / KG_PER_LB : units === 'en_GB' ? kg / KG_PER_STONE : kg;
  return Math.round(v * 10) / 10;
}

function numericValue(resource: FitbitActivityResource, a: DayActivity, units: UnitSystem): number {
  switch (resource) {
    case 'steps':
      return a.steps;
    case 'distance':
      return distanceIn(units, a.distanceKm);
    case 'calories':
      return a.caloriesOut;
    case 'caloriesBMR':
      return a.caloriesBMR;
    case 'activityCalories':
      return a.activityCalories;
    case 'floors':
      return a.floors;
    case 'elevation':
      return elevationIn(units, a.elevationM);
    case 'minutesSedentary':
      return a.minutesSedentary;
    case 'minutesLightlyActive':
      return a.minutesLightlyActive;
    case 'minutesFairlyActive':
      return a.minutesFairlyActive;
    case 'minutesVeryActive':
      return a.minutesVeryActive;
  }
}

/**
 * The time-series value of one day as Fitbit sends it: always a string. A past day without a worn
 * device still has the basal calories and a fully sedentary day, the way Fitbit reports such days;
 * every other resource is "0". Days after today are all "0".
 */
export function fitbitSeriesValue(
  user: SimUser,
  resource: FitbitActivityResource,
  date: string,
  now: number,
  units: UnitSystem,
): string {
  const day = activityFor(user, date, now);
  if (day.activity) return String(numericValue(resource, day.activity, units));
  if (day.status === 'not-worn') {
    if (resource === 'calories' || resource === 'caloriesBMR')
      return String(basalCaloriesFor(user, date, now));
    if (resource === 'minutesSedentary') return '1440';
  }
  return '0';
}

/** The daily summary object of GET /1/user/-/activities/date/{date}.json: numbers, not strings. */
export function fitbitDailySummary(
  user: SimUser,
  date: string,
  now: number,
  units: UnitSystem,
): Record<string, unknown> {
  const v = (r: FitbitActivityResource) => Number(fitbitSeriesValue(user, r, date, now, units));
  const distance = v('distance');
  const minutes = v('minutesFairlyActive') + v('minutesVeryActive');
  return {
    activities: [],
    goals: {
      activeMinutes: 30,
      caloriesOut: 2500,
      distance: distanceIn(units, 8.05),
      floors: 10,
      steps: 10000,
    },
    summary: {
      activeScore: -1,
      activityCalories: v('activityCalories'),
      caloriesBMR: v('caloriesBMR'),
      caloriesOut: v('calories'),
      distances: [
        { activity: 'total', distance },
        { activity: 'tracker', distance },
        { activity: 'loggedActivities', distance: 0 },
      ],
      elevation: v('elevation'),
      fairlyActiveMinutes: v('minutesFairlyActive'),
      floors: v('floors'),
      lightlyActiveMinutes: v('minutesLightlyActive'),
      marginalCalories: Math.round(v('activityCalories') * 0.6),
      sedentaryMinutes: v('minutesSedentary'),
      steps: v('steps'),
      veryActiveMinutes: v('minutesVeryActive'),
      activeMinutes: minutes,
    },
  };
}

/**
 * Body weight series value: the latest weigh-in on or before the day, carried forward up to 30 days
 * (how the series reads in Fitbit's app; the exact rule is not documented), "0" when there is none.
 */
export function fitbitWeightValue(
  user: SimUser,
  date: string,
  now: number,
  units: UnitSystem,
): string {
  if (activityFor(user, date, now).status === 'future') return '0';
  for (let back = 0; back <= 30; back++) {
    const kg = weightFor(user, addDays(date, -back), now);
    if (kg !== null) return String(weightIn(units, kg));
  }
  return '0';
}
