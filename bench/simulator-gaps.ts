// Fills a gap of the provider simulator the bench would otherwise trip on: the Google Health
// `altitude` dailyRollUp (discovery doc: AltitudeRollupValue.gainMillimetersSum), which the
// add-on's Elevation column reads but dev/simulator does not serve yet. A no-op once it does.
import { GOOGLE_DATA_TYPES } from '../dev/simulator/google-rollups';
import { GOOGLE_HEALTH_ACTIVITY } from '../dev/simulator/scopes';
import { activityFor, type DayActivity } from '../dev/simulator/synthetic-data';

/** Returns the data types it had to add (reported by the bench, so the gap stays visible). */
export function fillSimulatorGaps(): string[] {
  if (GOOGLE_DATA_TYPES.altitude) return [];
  GOOGLE_DATA_TYPES.altitude = {
    member: 'altitude',
    maxRangeDays: 90,
    scopes: [GOOGLE_HEALTH_ACTIVITY],
    rollup(user, dates, now) {
      const days = dates
        .map((d) => activityFor(user, d, now).activity)
        .filter((a): a is DayActivity => a !== null);
      if (days.length === 0) return null;
      const mm = days.reduce((s, a) => s + a.elevationM, 0) * 1000;
      return { gainMillimetersSum: String(Math.round(mm)) };
    },
  };
  return ['altitude'];
}
