// The record sheets (one row per session, workout or minute rather than per day): each one's
// name, key and version columns, headers in order, and which provider supplies it with what scope.
/**
 * API:
 * - `RecordSheetLayout`, `RECORD_SHEETS` (by RecordSheetId; only sheets that exist have an
 *   entry), `recordSheet(id)` (throws for an id without an entry).
 * - `knownRecordSheetIds()`: ids with an entry, in sidebar order.
 * - `supportedRecordSheets(providerId, ids)`: those of the ids the provider supplies.
 * - `recordSheetScopes(providerId, ids)`: the OAuth scopes reading them needs (sorted, unique).
 * - `exerciseHeaders(units)`: the Exercises sheet's headers by field, for the parsers.
 * - `sleepHeaders()`: the Sleep sheet's headers by field (minutes and % only: no units to follow).
 */
import type { RecordSheetId } from '../core/records';
import { unitLabel, type UnitSystem } from '../core/units';
import { GOOGLE_HEALTH_SCOPES } from './metrics';
import type { ProviderId } from './provider';

export interface RecordSheetLayout {
  id: RecordSheetId;
  /** The first account's sheet name; another account's is "<sheetName> (<account label>)". */
  sheetName: string;
  /** The sidebar toggle's words. */
  label: string;
  description: string;
  keyHeader: string;
  /** Holds the record's version (updateTime); null: rows are compared by content. */
  versionHeader: string | null;
  /** New rows are appended sorted by this column (then by key). */
  orderHeader?: string;
  /** Every column in order, key and version included. */
  headers(units: UnitSystem): string[];
  /** Per provider that supplies the sheet, the scopes reading it needs; absent: not supplied. */
  scopes: Partial<Record<ProviderId, readonly string[]>>;
}

export function exerciseHeaders(units: UnitSystem) {
  return {
    start: 'Start',
    type: 'Type',
    duration: 'Duration (min)',
    activeDuration: 'Active duration (min)',
    distance: `Distance (${unitLabel('distance', units)})`,
    calories: 'Calories (kcal)',
    averageHeartRate: 'Avg heart rate (bpm)',
    steps: 'Steps',
    activeZoneMinutes: 'Active zone minutes',
    elevationGain: `Elevation gain (${unitLabel('elevation', units)})`,
    averageSpeed: units === 'us' ? 'Avg speed (mph)' : 'Avg speed (km/h)',
    swimLengths: 'Swim lengths',
    runVo2Max: 'Run VO2 max (mL/kg/min)',
    end: 'End',
    updated: 'Updated',
    id: 'Id',
  } as const;
}

export function sleepHeaders() {
  return {
    start: 'Start',
    end: 'End',
    kind: 'Kind',
    asleep: 'Time asleep (min)',
    inBed: 'Time in bed (min)',
    deep: 'Deep (min)',
    light: 'Light (min)',
    rem: 'REM (min)',
    awake: 'Awake (min)',
    restless: 'Restless (min)',
    efficiency: 'Efficiency (%)',
    toFallAsleep: 'Time to fall asleep (min)',
    updated: 'Updated',
    id: 'Id',
  } as const;
}

export const RECORD_SHEETS: Partial<Record<RecordSheetId, RecordSheetLayout>> = {
  sleep: {
    id: 'sleep',
    sheetName: 'Sleep',
    label: 'Sleep sheet',
    description:
      'One row per sleep session, naps included: start and end in local time, minutes per stage, efficiency.',
    keyHeader: 'Id',
    versionHeader: 'Updated',
    orderHeader: 'Start',
    headers: () => Object.values(sleepHeaders()),
    scopes: { 'google-health': [GOOGLE_HEALTH_SCOPES.sleep] },
  },
  exercises: {
    id: 'exercises',
    sheetName: 'Exercises',
    label: 'Exercises sheet',
    description: 'One row per workout: type, start, duration, distance, calories, heart rate.',
    keyHeader: 'Id',
    versionHeader: 'Updated',
    orderHeader: 'Start',
    headers: (units) => Object.values(exerciseHeaders(units)),
    // Exercise is under activity and fitness in Google's scope table.
    scopes: { 'google-health': [GOOGLE_HEALTH_SCOPES.activity] },
  },
};

export function recordSheet(id: RecordSheetId): RecordSheetLayout {
  const layout = RECORD_SHEETS[id];
  if (!layout) throw new RangeError(`No record sheet ${id}`);
  return layout;
}

export function knownRecordSheetIds(): RecordSheetId[] {
  return Object.keys(RECORD_SHEETS) as RecordSheetId[];
}

export function supportedRecordSheets(
  providerId: ProviderId,
  ids: readonly RecordSheetId[],
): RecordSheetId[] {
  return knownRecordSheetIds().filter(
    (id) => ids.includes(id) && recordSheet(id).scopes[providerId] !== undefined,
  );
}

export function recordSheetScopes(providerId: ProviderId, ids: readonly RecordSheetId[]): string[] {
  const scopes = new Set<string>();
  for (const id of supportedRecordSheets(providerId, ids))
    for (const s of recordSheet(id).scopes[providerId] ?? []) scopes.add(s);
  return [...scopes].sort();
}
