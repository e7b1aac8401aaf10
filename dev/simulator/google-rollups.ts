// How the Google Health API presents daily roll-ups: one member per data type with the field
// names of the discovery document (int64 as JSON strings, durations as "<seconds>s", doubles as
// numbers), combined over a window of one or more days.
import { activityFor, weightFor, type DayActivity } from './synthetic-data';
import { bodyFatFor } from './synthetic-health';
import { GOOGLE_HEALTH_ACTIVITY, GOOGLE_HEALTH_METRICS, GOOGLE_HEALTH_NUTRITION } from './scopes';
import { caloriesInFor, waterFor, zoneMinutesFor, type ZoneMinutes } from './synthetic-body';
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

/** proto3 JSON leaves zero-valued fields out: an int64 field is present only when non-zero. */
function int64Fields(fields: Record<string, number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== 0) out[k] = String(v);
  return out;
}

/** The average of a daily measurement over the window's days that have one, or null. */
function averaged(
  member: string,
  field: string,
  scopes: string[],
  valueOf: (user: SimUser, date: string, now: number) => number | null,
  scale: (avg: number) => number,
): DataTypeSpec {
  return {
    member,
    maxRangeDays: 90,
    scopes,
    rollup(user, dates, now) {
      const vs = dates.map((d) => valueOf(user, d, now)).filter((v): v is number => v !== null);
      if (!vs.length) return null;
      return { [field]: scale(vs.reduce((s, v) => s + v, 0) / vs.length) };
    },
  };
}

/** A roll-up over the window's days that have a value (any number of them), or null. */
function summed<T>(
  member: string,
  scopes: string[],
  valueOf: (user: SimUser, date: string, now: number) => T | null,
  build: (days: T[]) => Record<string, unknown>,
): DataTypeSpec {
  return {
    member,
    maxRangeDays: 90,
    scopes,
    rollup(user, dates, now) {
      const vs = dates.map((d) => valueOf(user, d, now)).filter((v): v is T => v !== null);
      return vs.length ? build(vs) : null;
    },
  };
}

export type { ZoneMinutes };

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
  // Peak minutes are 0 on many days: that field is then left out, the member still present.
  'active-zone-minutes': activityType('activeZoneMinutes', 90, (d) =>
    int64Fields({
      sumInFatBurnHeartZone: sumOf(d, (a) => a.azmFatBurn),
      sumInCardioHeartZone: sumOf(d, (a) => a.azmCardio),
      sumInPeakHeartZone: sumOf(d, (a) => a.azmPeak),
    }),
  ),
  // Google's scope table puts heart rate under health metrics and measurements (health-data.md);
  // the per-type scope is not in the discovery doc, so the simulator requires the table's.
  'heart-rate': activityType(
    'heartRate',
    14,
    (d) => ({
      beatsPerMinuteAvg: round1(sumOf(d, (a) => a.heartRateAvg) / d.length),
      beatsPerMinuteMin: Math.min(...d.map((a) => a.heartRateMin)),
      beatsPerMinuteMax: Math.max(...d.map((a) => a.heartRateMax)),
    }),
    [GOOGLE_HEALTH_METRICS],
  ),
  // Time in heart-rate zones (TimeInHeartRateZoneRollupValue): one entry per zone with a duration;
  // a zone with no time keeps its entry with the zero duration left out (proto3 JSON).
  'time-in-heart-rate-zone': summed(
    'timeInHeartRateZone',
    [GOOGLE_HEALTH_ACTIVITY],
    zoneMinutesFor,
    (days) => ({
      timeInHeartRateZones: (['LIGHT', 'MODERATE', 'VIGOROUS', 'PEAK'] as const).map((zone) => {
        const minutes = days.reduce((s, z) => s + z[zone], 0);
        return minutes > 0
          ? { heartRateZone: zone, duration: `${minutes * 60}s` }
          : { heartRateZone: zone };
      }),
    }),
  ),
  // Logs: millilitres and kcal are doubles (VolumeQuantityRollup, EnergyQuantityRollup).
  'hydration-log': summed('hydrationLog', [GOOGLE_HEALTH_NUTRITION], waterFor, (days) => ({
    amountConsumed: { millilitersSum: days.reduce((s, v) => s + v, 0) },
  })),
  'nutrition-log': summed('nutritionLog', [GOOGLE_HEALTH_NUTRITION], caloriesInFor, (days) => ({
    energy: { kcalSum: Math.round(days.reduce((s, v) => s + v, 0) * 10) / 10 },
  })),
  weight: averaged('weight', 'weightGramsAvg', [GOOGLE_HEALTH_METRICS], weightFor, (kg) =>
    Math.round(kg * 1000),
  ),
  'body-fat': averaged(
    'bodyFat',
    'bodyFatPercentageAvg',
    [GOOGLE_HEALTH_METRICS],
    bodyFatFor,
    (pct) => Math.round(pct * 100) / 100,
  ),
};
