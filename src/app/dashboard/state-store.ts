// What the add-on remembers about an account's dashboard, in one DOCUMENT property: its sheets by
// id (a renamed one is still found, a deleted one comes back), its charts by getChartId() (never by
// position, so the person's own charts are never taken for the add-on's) and the areas it wrote
// (cleared before the next write, so a shrinking table leaves no stale rows).
import type { KeyValueStore } from '../../core/ports';
import type { ChartKey } from './charts';
import type { GridArea } from './grid';
import type { DashboardSheetId } from './sheet-ids';

export interface DashboardState {
  sheets: Partial<Record<DashboardSheetId, number>>;
  charts: Partial<Record<ChartKey, number>>;
  areas: Partial<Record<DashboardSheetId, GridArea[]>>;
}

export const EMPTY_STATE: DashboardState = { sheets: {}, charts: {}, areas: {} };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

function numbers<K extends string>(v: unknown): Partial<Record<K, number>> {
  if (!isRecord(v)) return {};
  return Object.fromEntries(
    Object.entries(v).filter(([, n]) => typeof n === 'number' && Number.isFinite(n)),
  ) as Partial<Record<K, number>>;
}

function isArea(v: unknown): v is GridArea {
  return (
    isRecord(v) &&
    ['row', 'column', 'numRows', 'numColumns'].every(
      (k) => typeof v[k] === 'number' && Number.isInteger(v[k]) && (v[k] as number) >= 1,
    )
  );
}

export function readDashboardState(doc: KeyValueStore, key: string): DashboardState {
  const text = doc.get(key);
  if (!text) return EMPTY_STATE;
  try {
    const raw = JSON.parse(text) as unknown;
    if (!isRecord(raw)) return EMPTY_STATE;
    const areas: DashboardState['areas'] = {};
    if (isRecord(raw.areas))
      for (const [id, list] of Object.entries(raw.areas))
        if (Array.isArray(list)) areas[id as DashboardSheetId] = list.filter(isArea);
    return { sheets: numbers(raw.sheets), charts: numbers(raw.charts), areas };
  } catch {
    return EMPTY_STATE;
  }
}

export function writeDashboardState(doc: KeyValueStore, key: string, state: DashboardState): void {
  const text = JSON.stringify(state);
  if (doc.get(key) !== text) doc.set(key, text);
}
