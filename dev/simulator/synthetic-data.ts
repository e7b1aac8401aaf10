// Deterministic, realistic daily activity per user and local date: a pure function of the user's
// seed, the date and the clock (today is partial, later days have no data yet).
import { localNow, toDayNumber } from './civil-dates';
import { gaussish, rng } from './prng';
import type { SimUser } from './types';

export interface DayActivity {
  steps: number;
  distanceKm: number;
  floors: number;
  elevationM: number;
  caloriesBMR: number;
  activityCalories: number;
  caloriesOut: number;
  minutesSedentary: number;
  minutesLightlyActive: number;
  minutesFairlyActive: number;
  minutesVeryActive: number;
  azmFatBurn: number;
  azmCardio: number;
  azmPeak: number;
  heartRateAvg: number;
  heartRateMin: number;
  heartRateMax: number;
}

/** future: after the user's local today; not-worn: no device data that day. */
export type DayStatus = 'future' | 'not-worn' | 'partial' | 'complete';

export interface DayResult {
  status: DayStatus;
  activity: DayActivity | null;
}

const NOT_WORN_PROBABILITY = 0.08;
const WEIGHT_LOG_PROBABILITY = 0.35;
/** Fitbit counts one floor per 10 feet of climb. */
const METRES_PER_FLOOR = 3.048;

interface Profile {
  baseSteps: number;
  strideM: number;
  bmr: number;
  weightKg: number;
}

function profileOf(user: SimUser): Profile {
  const r = rng(user.seed, user.email, 'profile');
  return {
    baseSteps: 5000 + Math.round(r() * 6000),
    strideM: 0.66 + r() * 0.14,
    bmr: 1450 + Math.round(r() * 500),
    weightKg: 58 + Math.round(r() * 400) / 10,
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round1 = (v: number) => Math.round(v * 10) / 10;

function fullDay(user: SimUser, date: string): DayActivity | null {
  const r = rng(user.seed, user.email, date, 'activity');
  if (r() < NOT_WORN_PROBABILITY) return null;
  const p = profileOf(user);
  const dow = new Date(toDayNumber(date) * 86400000).getUTCDay();
  const weekend = dow === 0 || dow === 6 ? 0.85 + r() * 0.5 : 1;
  const steps = Math.round(clamp(p.baseSteps * (1 + 0.35 * gaussish(r)) * weekend, 2000, 18000));
  const intensity = (steps - 2000) / 16000;
  const veryActive = Math.round(clamp(intensity * 50 + 10 * gaussish(r), 0, 90));
  const fairlyActive = Math.round(clamp(intensity * 35 + 8 * gaussish(r), 0, 60));
  const lightlyActive = Math.round(clamp(140 + intensity * 160 + 30 * gaussish(r), 60, 360));
  const sleep = Math.round(clamp(420 + 40 * gaussish(r), 300, 540));
  const offWrist = Math.round(r() * 60);
  const sedentary = 1440 - sleep - offWrist - veryActive - fairlyActive - lightlyActive;
  const distanceKm = ((steps * p.strideM) / 1000) * (1 + 0.03 * gaussish(r));
  const floors = Math.round(clamp(3 + intensity * 15 + 4 * gaussish(r), 0, 40));
  const activityCalories = Math.round(
    steps * 0.045 + veryActive * 9 + fairlyActive * 6 + lightlyActive * 2.8,
  );
  const caloriesBMR = Math.round(p.bmr + 20 * gaussish(r));
  return {
    steps,
    distanceKm,
    floors,
    elevationM: floors * METRES_PER_FLOOR,
    caloriesBMR,
    activityCalories,
    caloriesOut: caloriesBMR + activityCalories,
    minutesSedentary: sedentary,
    minutesLightlyActive: lightlyActive,
    minutesFairlyActive: fairlyActive,
    minutesVeryActive: veryActive,
    azmFatBurn: fairlyActive + Math.round(veryActive * 0.3),
    azmCardio: Math.round(veryActive * 0.6),
    azmPeak: Math.round(veryActive * 0.1),
    heartRateAvg: round1(62 + intensity * 15 + 3 * gaussish(r)),
    heartRateMin: Math.round(48 + r() * 12),
    heartRateMax: Math.round(110 + intensity * 60 + 8 * r()),
  };
}

/** Today so far: additive totals scale with the part of the local day that has passed. */
function partialDay(a: DayActivity, minuteOfDay: number): DayActivity {
  const f = minuteOfDay / 1440;
  const s = (v: number) => Math.round(v * f);
  const active = s(a.minutesLightlyActive) + s(a.minutesFairlyActive) + s(a.minutesVeryActive);
  const caloriesBMR = s(a.caloriesBMR);
  const activityCalories = s(a.activityCalories);
  const floors = s(a.floors);
  return {
    ...a,
    steps: s(a.steps),
    distanceKm: a.distanceKm * f,
    floors,
    elevationM: floors * METRES_PER_FLOOR,
    caloriesBMR,
    activityCalories,
    caloriesOut: caloriesBMR + activityCalories,
    minutesSedentary: Math.max(0, Math.min(s(a.minutesSedentary), minuteOfDay - active)),
    minutesLightlyActive: s(a.minutesLightlyActive),
    minutesFairlyActive: s(a.minutesFairlyActive),
    minutesVeryActive: s(a.minutesVeryActive),
    azmFatBurn: s(a.azmFatBurn),
    azmCardio: s(a.azmCardio),
    azmPeak: s(a.azmPeak),
  };
}

export function activityFor(user: SimUser, date: string, now: number): DayResult {
  const local = localNow(now, user.timeZone);
  if (toDayNumber(date) > toDayNumber(local.date)) return { status: 'future', activity: null };
  const day = fullDay(user, date);
  if (!day) return { status: 'not-worn', activity: null };
  if (date === local.date)
    return { status: 'partial', activity: partialDay(day, local.minuteOfDay) };
  return { status: 'complete', activity: day };
}

/** The user's basal calories for a whole day, which Fitbit reports even on days without a device. */
export function basalCaloriesFor(user: SimUser, date: string, now: number): number {
  const local = localNow(now, user.timeZone);
  const bmr = profileOf(user).bmr;
  return date === local.date ? Math.round((bmr * local.minuteOfDay) / 1440) : bmr;
}

/** Body weight in kg on the days the user weighed in (about a third of days, mornings), else null. */
export function weightFor(user: SimUser, date: string, now: number): number | null {
  const local = localNow(now, user.timeZone);
  const day = toDayNumber(date);
  if (day > toDayNumber(local.date)) return null;
  const r = rng(user.seed, user.email, date, 'weight');
  if (r() >= WEIGHT_LOG_PROBABILITY) return null;
  if (date === local.date && local.minuteOfDay < 7 * 60) return null;
  const drift = Math.sin(day / 60) * 1.5;
  return round1(profileOf(user).weightKg + drift + 0.4 * gaussish(r));
}

export function strideOf(user: SimUser): number {
  return profileOf(user).strideM;
}
