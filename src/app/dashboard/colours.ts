// One colour per metric, the same on every chart (steps are always blue, resting heart rate always
// red), and fixed colours for the lines that are no metric (the 7-day average, the goal).
import type { MetricColumn } from './daily-columns';

const BY_ID: Record<string, string> = {
  steps: '#1a73e8',
  distance: '#12b5cb',
  calories: '#e8710a',
  activityCalories: '#f29900',
  floors: '#9334e6',
  minutesSedentary: '#9aa0a6',
  minutesLightlyActive: '#81c995',
  minutesFairlyActive: '#34a853',
  minutesVeryActive: '#0d652d',
  restingHeartRate: '#d93025',
  hrvAverage: '#a142f4',
  azmFatBurn: '#fbbc04',
  azmCardio: '#fa7b17',
  azmPeak: '#c5221f',
  azmTotal: '#e37400',
  hrZoneLight: '#a8dab5',
  hrZoneModerate: '#fdd663',
  hrZoneVigorous: '#f6aea9',
  hrZonePeak: '#c5221f',
  sleepAsleep: '#3949ab',
  sleepDeep: '#1a237e',
  sleepLight: '#5c6bc0',
  sleepRem: '#26c6da',
  sleepAwake: '#ef9a9a',
  weight: '#185abc',
  bodyFat: '#f538a0',
};

const FALLBACK = ['#1e8e3e', '#b06000', '#7627bb', '#007b83', '#b31412', '#3c4043'];

export const AVERAGE_COLOUR = '#202124';
export const GOAL_COLOUR = '#188038';

export function metricColour(column: Pick<MetricColumn, 'metricId'>): string {
  const known = BY_ID[column.metricId];
  if (known) return known;
  let hash = 0;
  for (const ch of column.metricId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return FALLBACK[hash % FALLBACK.length];
}
