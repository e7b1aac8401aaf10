// The record sheets (one row per session, workout or minute rather than per day): each one's
// name, key and version columns, headers in order, and which provider supplies it with what scope.
/**
 * API:
 * - `RecordSheetLayout`, `RECORD_SHEETS` (by RecordSheetId; only sheets that exist have an
 *   entry), `recordSheet(id)` (throws for an id without an entry).
 * - `knownRecordSheetIds()`: ids with an entry, in sidebar order; `syncRecordSheetIds()`: those
 *   a sync may fill (not the on-demand Intraday sheet).
 * - `supportedRecordSheets(providerId, ids)`: those of the ids the provider supplies.
 * - `recordSheetScopes(providerId, ids)`: the OAuth scopes reading them needs (sorted, unique).
 * - `exerciseHeaders(units)`: the Exercises sheet's headers by field, for the parsers.
 * - `sleepHeaders()`: the Sleep sheet's headers by field (minutes and % only: no units to follow).
 */
import type { RecordSheetId } from '../core/records';
import { unitLabel, type UnitSystem } from '../core/units';
import { INTRADAY_HEADERS, INTRADAY_KEY_HEADER } from './google-health/intraday-plan';
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
  /** Filled by a fetch of its own (intraday), never by a sync: not among the sync's choices. */
  onDemand?: boolean;
  /**
   * A sheet created for it keeps only its own columns: for a sheet of many rows (a minute each),
   * every empty column would cost a cell per row under Sheets' 10,000,000-cell limit.
   */
  ownColumnsOnly?: boolean;
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
  intraday: {
    id: 'intraday',
    sheetName: 'Intraday',
    label: 'Intraday sheet',
    description: 'One row per minute: heart rate (average, minimum, maximum) and steps.',
    // The minute's local clock time in the spreadsheet's zone (intraday-plan.ts); no version:
    // a minute's numbers are compared as they are.
    keyHeader: INTRADAY_KEY_HEADER,
    versionHeader: null,
    headers: () => [...INTRADAY_HEADERS],
    // Heart rate under health metrics, steps under activity (Google's scope table); either one
    // is enough for its own columns.
    scopes: {
      'google-health': [GOOGLE_HEALTH_SCOPES.measurements, GOOGLE_HEALTH_SCOPES.activity],
    },
    onDemand: true,
    ownColumnsOnly: true,
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

/** The record sheets a sync may fill (the sidebar's choices): those not fetched on demand. */
export function syncRecordSheetIds(): RecordSheetId[] {
  return knownRecordSheetIds().filter((id) => !recordSheet(id).onDemand);
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
