// The dashboard's settings, kept in DOCUMENT properties like the sync's: the day weeks start on
// (Monday unless the person picks another) and the daily step goal drawn on the steps chart.
import type { KeyValueStore } from '../../core/ports';

/** 1 = Monday ... 7 = Sunday, as Sheets' WEEKDAY(date, 2) counts. */
export type WeekStart = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const WEEK_START_KEY = 'dashboard.weekStart';
export const STEP_GOAL_KEY = 'dashboard.stepGoal';
export const DEFAULT_STEP_GOAL = 10_000;
const MAX_STEP_GOAL = 200_000;

export const WEEKDAY_NAMES: Record<WeekStart, string> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
};

export interface DashboardSettings {
  weekStart: WeekStart;
  stepGoal: number;
}

export function isWeekStart(value: unknown): value is WeekStart {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7;
}

function isStepGoal(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_STEP_GOAL
  );
}

export function readDashboardSettings(store: KeyValueStore | null): DashboardSettings {
  const week = Number(store?.get(WEEK_START_KEY));
  const goal = Number(store?.get(STEP_GOAL_KEY));
  return {
    weekStart: isWeekStart(week) ? week : 1,
    stepGoal: isStepGoal(goal) ? goal : DEFAULT_STEP_GOAL,
  };
}

export type SaveDashboardSettingsResult = { ok: true } | { ok: false; error: string };

/** Validates what the sidebar sent: a weekday 1-7 and a whole step goal. */
export function saveDashboardSettings(
  store: KeyValueStore | null,
  input: unknown,
): SaveDashboardSettingsResult {
  if (!store) return { ok: false, error: 'Open the spreadsheet to change its settings.' };
  const raw = (input ?? {}) as { weekStart?: unknown; stepGoal?: unknown };
  const weekStart = Number(raw.weekStart);
  if (!isWeekStart(weekStart))
    return { ok: false, error: 'Choose the day weeks start on (Monday to Sunday).' };
  const stepGoal = typeof raw.stepGoal === 'string' ? Number(raw.stepGoal.trim()) : raw.stepGoal;
  if (!isStepGoal(stepGoal))
    return {
      ok: false,
      error: `Enter the daily step goal as a whole number from 1 to ${MAX_STEP_GOAL.toLocaleString('en-US')}.`,
    };
  store.set(WEEK_START_KEY, String(weekStart));
  store.set(STEP_GOAL_KEY, String(stepGoal));
  return { ok: true };
}
