// How the Google Health API presents daily roll-ups: one member per data type with the field
// names of the discovery document (int64 as JSON strings, durations as "<seconds>s", doubles as
// numbers), combined over a window of one or more days.
import { activityFor, weightFor, type DayActivity } from './synthetic-data';
import { GOOGLE_HEALTH_ACTIVITY, GOOGLE_HEALTH_METRICS } from './scopes';
import type { SimUser } from './types';

export interface DataTypeSpec {
  /** Member of DailyRollupDataPoint that carries the value. */
  member: string;
  /** Maximum days per dailyRollUp request (discovery doc, DailyRollUpDataPointsRequest.range). */
  maxRangeDays: number;
  /** Scopes any one of which lets a caller read this type. */
  scopes: string[];
  /** The member's value over the days of a window, or null when no day has data. */
  rollup(user: SimUser, dates: string[], now: number): Record<string, unknown> | null;
}

const sumOf = (days: DayActivity[], f: (a: DayActivity) => number) =>
  days.reduce((s, a) => s + f(a), 0);

function activityDays(user: SimUser, dates: string[], now: number): DayActivity[] {
  return dates
    .map((d) => activityFor(user, d, now).activity)
    .filter((a): a is DayActivity => a !== null);
}

function activityType(
  member: string,
  maxRangeDays: number,
  build: (days: DayActivity[]) => Record<string, unknown>,
  scopes = [GOOGLE_HEALTH_ACTIVITY],
): DataTypeSpec {
  return {
    member,
    maxRangeDays,
    scopes,
    rollup(user, dates, now) {
      const days = activityDays(user, dates, now);
      return days.length ? build(days) : null;
    },
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Data-type ids are kebab-case in the path; members are the camelCase fields of DailyRollupDataPoint. */
export const GOOGLE_DATA_TYPES: Record<string, DataTypeSpec> = {
  steps: activityType('steps', 90, (d) => ({ countSum: String(sumOf(d, (a) => a.steps)) })),
  distance: activityType('distance', 90, (d) => ({
    millimetersSum: String(Math.round(sumOf(d, (a) => a.distanceKm) * 1e6)),
  })),
  floors: activityType('floors', 90, (d) => ({ countSum: String(sumOf(d, (a) => a.floors)) })),
  // Elevation gained (discovery doc: AltitudeRollupValue.gainMillimetersSum, int64).
  altitude: activityType('altitude', 90, (d) => ({
    gainMillimetersSum: String(Math.round(sumOf(d, (a) => a.elevationM) * 1000)),
  })),
  'total-calories': activityType('totalCalories', 14, (d) => ({
    kcalSum: sumOf(d, (a) => a.caloriesOut),
  })),
  'active-energy-burned': activityType('activeEnergyBurned', 90, (d) => ({
    kcalSum: sumOf(d, (a) => a.activityCalories),
  })),
  'active-minutes': activityType('activeMinutes', 14, (d) => ({
    activeMinutesRollupByActivityLevel: [
      { activityLevel: 'LIGHT', activeMinutesSum: String(sumOf(d, (a) => a.minutesLightlyActive)) },
      {
        activityLevel: 'MODERATE',
        activeMinutesSum: String(sumOf(d, (a) => a.minutesFairlyActive)),
      },
      { activityLevel: 'VIGOROUS', activeMinutesSum: String(sumOf(d, (a) => a.minutesVeryActive)) },
    ],
  })),
  'sedentary-period': activityType('sedentaryPeriod', 90, (d) => ({
    durationSum: `${sumOf(d, (a) => a.minutesSedentary) * 60}s`,
  })),
  'active-zone-minutes': activityType('activeZoneMinutes', 90, (d) => ({
    sumInFatBurnHeartZone: String(sumOf(d, (a) => a.azmFatBurn)),
    sumInCardioHeartZone: String(sumOf(d, (a) => a.azmCardio)),
    sumInPeakHeartZone: String(sumOf(d, (a) => a.azmPeak)),
  })),
  // Which scope covers heart rate is not stated in platform-facts.md: accept either read scope.
  'heart-rate': activityType(
    'heartRate',
    14,
    (d) => ({
      beatsPerMinuteAvg: round1(sumOf(d, (a) => a.heartRateAvg) / d.length),
      beatsPerMinuteMin: Math.min(...d.map((a) => a.heartRateMin)),
      beatsPerMinuteMax: Math.max(...d.map((a) => a.heartRateMax)),
    }),
    [GOOGLE_HEALTH_ACTIVITY, GOOGLE_HEALTH_METRICS],
  ),
  weight: {
    member: 'weight',
    maxRangeDays: 90,
    scopes: [GOOGLE_HEALTH_METRICS],
    rollup(user, dates, now) {
      const kg = dates.map((d) => weightFor(user, d, now)).filter((w): w is number => w !== null);
      if (!kg.length) return null;
      return { weightGramsAvg: Math.round((kg.reduce((s, w) => s + w, 0) / kg.length) * 1000) };
    },
  },
};
