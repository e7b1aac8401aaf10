// Deterministic heights, time in heart-rate zones, water and food logs per user and local date:
// pure functions of the user's seed, the date and the clock, like the activity they sit next to.
/**
 * API:
 * - `heightsOf(user, now)`: the person's height samples up to now, oldest first: one taken when
 *   the account was set up (2024-03-04 08:10 local) and a re-measure (2026-06-15 07:45 local),
 *   a few millimetres apart, both typed into the app.
 * - `zoneMinutesFor(user, date, now)`: minutes in the LIGHT, MODERATE, VIGOROUS and PEAK zones on
 *   days with device data (PEAK is 0 on most days), else null.
 * - `waterFor(user, date, now)`: millilitres logged that day (about 3 days in 5), else null.
 * - `caloriesInFor(user, date, now)`: kcal of the food logged that day (about 1 day in 2), else null.
 * - `scaleViaHealthConnect(user)`: whether this person's weight and body fat come from a smart
 *   scale through Health Connect (`addUser({ scaleVia: 'HEALTH_CONNECT' })`; `dataSource.platform`
 *   HEALTH_CONNECT on their samples).
 */
import { localNow, toDayNumber } from './civil-dates';
import { rng } from './prng';
import { activityFor } from './synthetic-data';
import type { SimUser } from './types';

export interface HeightSample {
  date: string;
  time: { hours: number; minutes: number };
  millimeters: number;
}

const HEIGHT_DATES: { date: string; hours: number; minutes: number }[] = [
  { date: '2024-03-04', hours: 8, minutes: 10 },
  { date: '2026-06-15', hours: 7, minutes: 45 },
];

function isPast(user: SimUser, date: string, minuteOfDay: number, now: number): boolean {
  const local = localNow(now, user.timeZone);
  const day = toDayNumber(date);
  const today = toDayNumber(local.date);
  return day < today || (day === today && local.minuteOfDay >= minuteOfDay);
}

export function heightsOf(user: SimUser, now: number): HeightSample[] {
  const r = rng(user.seed, user.email, 'height');
  const base = 1580 + Math.round(r() * 330);
  return HEIGHT_DATES.filter((h) => isPast(user, h.date, h.hours * 60 + h.minutes, now)).map(
    (h, i) => ({
      date: h.date,
      time: { hours: h.hours, minutes: h.minutes },
      millimeters: base + i * (2 + Math.round(r() * 4)),
    }),
  );
}

export interface ZoneMinutes {
  LIGHT: number;
  MODERATE: number;
  VIGOROUS: number;
  PEAK: number;
}

export function zoneMinutesFor(user: SimUser, date: string, now: number): ZoneMinutes | null {
  const a = activityFor(user, date, now).activity;
  if (a === null) return null;
  const r = rng(user.seed, user.email, date, 'hr-zones');
  return {
    LIGHT: a.minutesLightlyActive + Math.round(r() * 40),
    MODERATE: a.minutesFairlyActive + Math.round(r() * 10),
    VIGOROUS: a.minutesVeryActive,
    PEAK: r() < 0.7 ? 0 : 1 + Math.round(r() * 9),
  };
}

export function waterFor(user: SimUser, date: string, now: number): number | null {
  if (!isPast(user, date, 8 * 60, now)) return null;
  const r = rng(user.seed, user.email, date, 'water');
  if (r() >= 0.6) return null;
  // Glasses of 250 mL, and now and then a 330 mL bottle.
  return 250 * (3 + Math.floor(r() * 6)) + (r() < 0.3 ? 330 : 0);
}

export function caloriesInFor(user: SimUser, date: string, now: number): number | null {
  if (!isPast(user, date, 9 * 60, now)) return null;
  const r = rng(user.seed, user.email, date, 'food');
  if (r() >= 0.5) return null;
  return Math.round((1500 + r() * 1200) * 10) / 10;
}

export function scaleViaHealthConnect(user: SimUser): boolean {
  return user.scaleVia === 'HEALTH_CONNECT';
}
