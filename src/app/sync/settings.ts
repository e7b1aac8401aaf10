// The sync settings (metrics, unit system, weight unit), kept in DOCUMENT properties: the columns
// and units belong to the spreadsheet's table, so everyone who opens the document writes the same
// columns.
import type { KeyValueStore } from '../../core/ports';
import { isUnitSystem, isWeightUnit, type UnitSystem, type WeightUnit } from '../../core/units';
import { isMetricId, type MetricId } from '../../providers/metrics';
import { METRICS_KEY, selectedMetricIds } from '../scopes';
import type { RecordSheetId } from '../../core/records';
import { selectedRecordSheets } from '../record-sheet-settings';

export const UNITS_KEY = 'addon.units';
/** Absent: weight in the unit system's own unit (kg metric, lb US, st UK). */
export const WEIGHT_UNIT_KEY = 'addon.weightUnit';

export interface SyncSettings {
  metrics: MetricId[];
  units: UnitSystem;
  weightUnit: WeightUnit | null;
  /** The record sheets a sync fills (saved apart: record-sheet-settings.ts). */
  records: RecordSheetId[];
}

export type SaveSettingsResult = { ok: true } | { ok: false; error: string };

export function readSettings(store: KeyValueStore | null): SyncSettings {
  const units = store?.get(UNITS_KEY);
  const weightUnit = store?.get(WEIGHT_UNIT_KEY);
  return {
    metrics: [...selectedMetricIds(store)],
    units: isUnitSystem(units) ? units : 'metric',
    weightUnit: isWeightUnit(weightUnit) ? weightUnit : null,
    records: selectedRecordSheets(store),
  };
}

/** Validates what the sidebar sent; the OAuth scopes follow the saved metrics (session.ts). */
export function saveSettings(store: KeyValueStore | null, input: unknown): SaveSettingsResult {
  if (!store) return { ok: false, error: 'Open the spreadsheet to change its settings.' };
  const raw = (input ?? {}) as { metrics?: unknown; units?: unknown; weightUnit?: unknown };
  if (!Array.isArray(raw.metrics) || raw.metrics.length === 0)
    return { ok: false, error: 'Choose at least one kind of data.' };
  const metrics = [...new Set(raw.metrics)];
  const unknown = metrics.filter((m) => !isMetricId(m));
  if (unknown.length > 0) return { ok: false, error: 'Unknown data type chosen.' };
  if (!isUnitSystem(raw.units)) return { ok: false, error: 'Choose metric, US or UK units.' };
  // Absent or empty: weight follows the unit system (older sidebars send no weight unit).
  const weightUnit = raw.weightUnit ?? '';
  if (weightUnit !== '' && !isWeightUnit(weightUnit))
    return { ok: false, error: 'Choose the weight unit: kg, lb or st (or the units default).' };
  store.set(METRICS_KEY, JSON.stringify(metrics));
  store.set(UNITS_KEY, raw.units);
  if (weightUnit === '') store.delete(WEIGHT_UNIT_KEY);
  else store.set(WEIGHT_UNIT_KEY, weightUnit);
  return { ok: true };
}
