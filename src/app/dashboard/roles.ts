// Which synced columns play which part on the dashboard (steps, sleep stages, heart, body, zone
// minutes), picked from what the daily sheet holds: a part whose metrics are not synced is left
// out, and one whose metrics arrive later appears at the next refresh.
import type { MetricColumn } from './daily-columns';

function byIds(columns: readonly MetricColumn[], ids: readonly string[]): MetricColumn[] {
  return ids.flatMap((id) => columns.filter((c) => c.metricId === id));
}

const isSleep = (c: MetricColumn) => String(c.def.domain) === 'sleep';

/** Time asleep a night: the sleep domain's "asleep" minutes. */
export function sleepTime(columns: readonly MetricColumn[]): MetricColumn | null {
  return (
    columns.find(
      (c) => isSleep(c) && c.def.quantity === 'minutes' && /asleep/i.test(c.def.label),
    ) ?? null
  );
}

const STAGES = [/\bdeep\b/i, /\blight\b/i, /\brem\b/i, /\bawake\b/i];

/** Minutes per sleep stage, in the order a night is drawn: deep, light, REM, awake. */
export function sleepStages(columns: readonly MetricColumn[]): MetricColumn[] {
  return STAGES.flatMap((stage) =>
    columns
      .filter((c) => isSleep(c) && c.def.quantity === 'minutes' && stage.test(c.def.label))
      .slice(0, 1),
  );
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
