// Deterministic nightly vitals, daily VO2 max and body fat per user and local date: pure
// functions of the user's seed, the date and the clock, like the daily activity they sit next to.
/**
 * API:
 * - `nightFor(user, date, now)`: the summaries of the night that ended on `date` (wake day), or
 *   null: no device that night (about 1 in 10), a night not yet over (after today, or today before
 *   09:00 local, when Fitbit has not processed it yet).
 * - `wornOvernight(user, date)`: false on the nights without a device (nightFor's null nights).
 * - `vo2MaxFor(user, date, now)`: the day's cardio fitness estimate on days with device data.
 * - `bodyFatFor(user, date, now)`: body fat % on the days the person stood on a smart scale (the
 *   weigh-in days of `weightFor`), else null.
 * Optional fields of the discovery document are sometimes missing on a night that has the
 * summary (no deep sleep long enough for RMSSD; no baseline in the first weeks), as on the live API.
 */
import { localNow, toDayNumber } from './civil-dates';
import { gaussish, rng } from './prng';
import { activityFor, weightFor } from './synthetic-data';
import type { SimUser } from './types';

export interface NightSummary {
  restingHeartRate: number;
  hrvAverageMs: number | null;
  hrvDeepSleepRmssdMs: number | null;
  nonRemHeartRate: number;
  hrvEntropy: number;
  spo2Average: number;
  spo2Lower: number;
  spo2Upper: number;
  breathsPerMinute: number;
  nightlyTemperatureC: number;
  baselineTemperatureC: number | null;
  temperatureStddevC: number;
}

const NO_DEVICE_NIGHT_PROBABILITY = 0.1;
const NO_DEEP_RMSSD_PROBABILITY = 0.12;
const NO_BASELINE_PROBABILITY = 0.05;
/** Nightly summaries of the night that ends today appear once it is processed, after 09:00. */
const NIGHT_READY_MINUTE = 9 * 60;

interface HealthProfile {
  restingHr: number;
  hrvMs: number;
  breaths: number;
  skinBaselineC: number;
  vo2Max: number;
  bodyFatPct: number;
}

function profileOf(user: SimUser): HealthProfile {
  const r = rng(user.seed, user.email, 'health-profile');
  return {
    restingHr: 52 + Math.round(r() * 16),
    hrvMs: 25 + r() * 45,
    breaths: 12.5 + r() * 4,
    skinBaselineC: 33 + r() * 1.5,
    vo2Max: 36 + r() * 16,
    bodyFatPct: 16 + r() * 16,
  };
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** Whether the device was worn the night that ended on `date` (the first draw of nightFor). */
export function wornOvernight(user: SimUser, date: string): boolean {
  return rng(user.seed, user.email, date, 'night')() >= NO_DEVICE_NIGHT_PROBABILITY;
}

export function nightFor(user: SimUser, date: string, now: number): NightSummary | null {
  const local = localNow(now, user.timeZone);
  const day = toDayNumber(date);
  const today = toDayNumber(local.date);
  if (day > today || (day === today && local.minuteOfDay < NIGHT_READY_MINUTE)) return null;
  const r = rng(user.seed, user.email, date, 'night');
  if (r() < NO_DEVICE_NIGHT_PROBABILITY) return null;
  const p = profileOf(user);
  const hrv = Math.max(8, p.hrvMs * (1 + 0.18 * gaussish(r)));
  const spo2 = Math.min(99.4, 95.5 + 1.2 * gaussish(r));
  const deepMissing = r() < NO_DEEP_RMSSD_PROBABILITY;
  const baselineMissing = r() < NO_BASELINE_PROBABILITY;
  return {
    restingHeartRate: Math.round(p.restingHr + 2 * gaussish(r)),
    hrvAverageMs: round(hrv, 3),
    hrvDeepSleepRmssdMs: deepMissing ? null : round(hrv * (1.05 + 0.1 * r()), 3),
    nonRemHeartRate: Math.round(p.restingHr + 3 + 2 * gaussish(r)),
    hrvEntropy: round(2.2 + 0.4 * r(), 3),
    spo2Average: round(spo2, 2),
    spo2Lower: round(spo2 - 1.5 - r(), 2),
    spo2Upper: round(Math.min(100, spo2 + 1.2 + r()), 2),
    breathsPerMinute: round(p.breaths + 0.8 * gaussish(r), 2),
    nightlyTemperatureC: round(p.skinBaselineC + 0.35 * gaussish(r), 3),
    baselineTemperatureC: baselineMissing ? null : round(p.skinBaselineC, 3),
    temperatureStddevC: round(0.2 + 0.2 * r(), 3),
  };
}

/** VO2 max (mL/kg/min) drifts slowly; it is estimated only on days the device was worn. */
export function vo2MaxFor(
  user: SimUser,
  date: string,
  now: number,
): { vo2Max: number; level: string } | null {
  if (activityFor(user, date, now).activity === null) return null;
  const r = rng(user.seed, user.email, date, 'vo2');
  const vo2Max = round(profileOf(user).vo2Max + Math.sin(toDayNumber(date) / 45) + 0.3 * r(), 2);
  const level =
    vo2Max >= 48 ? 'EXCELLENT' : vo2Max >= 43 ? 'VERY_GOOD' : vo2Max >= 39 ? 'GOOD' : 'FAIR';
  return { vo2Max, level };
}

export function bodyFatFor(user: SimUser, date: string, now: number): number | null {
  if (weightFor(user, date, now) === null) return null;
  const r = rng(user.seed, user.email, date, 'body-fat');
  return round(
    profileOf(user).bodyFatPct + Math.sin(toDayNumber(date) / 60) + 0.5 * gaussish(r),
    2,
  );
}
