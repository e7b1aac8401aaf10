// Which synced columns play which part on the dashboard (steps, sleep stages, heart, body, zone
// minutes), picked from what the daily sheet holds: a part whose metrics are not synced is left
// out, and one whose metrics arrive later appears at the next refresh.
import type { MetricColumn } from './daily-columns';

function byIds(columns: readonly MetricColumn[], ids: readonly string[]): MetricColumn[] {
  return ids.flatMap((id) => columns.filter((c) => c.metricId === id));
}

/** Time asleep a night (the main sleep that ended on the day). */
export function sleepTime(columns: readonly MetricColumn[]): MetricColumn | null {
  return byIds(columns, ['sleepAsleep'])[0] ?? null;
}

/** Minutes per sleep stage, in the order a night is drawn: deep, light, REM, awake. */
export function sleepStages(columns: readonly MetricColumn[]): MetricColumn[] {
  return byIds(columns, ['sleepDeep', 'sleepLight', 'sleepRem', 'sleepAwake']);
}

export const roles = {
  steps: (c: readonly MetricColumn[]) => byIds(c, ['steps'])[0] ?? null,
  restingHeartRate: (c: readonly MetricColumn[]) => byIds(c, ['restingHeartRate'])[0] ?? null,
  hrv: (c: readonly MetricColumn[]) => byIds(c, ['hrvAverage'])[0] ?? null,
  weight: (c: readonly MetricColumn[]) => byIds(c, ['weight'])[0] ?? null,
  bodyFat: (c: readonly MetricColumn[]) => byIds(c, ['bodyFat'])[0] ?? null,
  azmTotal: (c: readonly MetricColumn[]) => byIds(c, ['azmTotal'])[0] ?? null,
  azmZones: (c: readonly MetricColumn[]) => byIds(c, ['azmFatBurn', 'azmCardio', 'azmPeak']),
  heartRateZones: (c: readonly MetricColumn[]) =>
    byIds(c, ['hrZoneLight', 'hrZoneModerate', 'hrZoneVigorous', 'hrZonePeak']),
  activeMinutes: (c: readonly MetricColumn[]) =>
    byIds(c, ['minutesLightlyActive', 'minutesFairlyActive', 'minutesVeryActive']),
  sleepTime,
  sleepStages,
};
