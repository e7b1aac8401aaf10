// The dashboard refresh use case: find the account's daily sheet, plan the Dashboard, Weekly and
// Monthly sheets from its header row and dates, carry the plan out, and remember the sheets and
// charts by id. Runs after every sync that wrote rows and on demand.
import type { KeyValueStore } from '../../core/ports';
import { storedSheetId } from '../sync/sheet-writer';
import { areaOf as areaOfBlock } from './grid';
import { RECORD_SHEETS } from '../../providers/record-sheets';
import { recordSheetPlace, type SyncScope } from '../sync/accounts';
import { dashboardSheetNames, dashboardStateKey } from './naming';
import { COUNTED_SHEETS, recordCounts } from './record-counts';
import { planDashboard } from './plan';
import type { DashboardWorkbook } from './ports';
import { readDashboardSettings } from './settings';
import { readDashboardState, writeDashboardState } from './state-store';

export const DASHBOARD_MESSAGES = {
  notSynced: 'Sync first: the dashboard summarises the daily sheet the sync writes.',
  dailyGone:
    'The daily sheet is gone (deleted?): Sync now writes it again, and the dashboard follows.',
  noDateColumn:
    'The daily sheet has no "Date" column in its first row: put the header back (or Sync now) and refresh.',
  refreshed: (charts: number) =>
    `Dashboard refreshed: ${charts} chart${charts === 1 ? '' : 's'}, with Weekly and Monthly summaries.`,
} as const;

export type RefreshResult = { ok: boolean; message: string };

export function refreshDashboard(
  doc: KeyValueStore,
  workbook: DashboardWorkbook,
  scope: SyncScope,
): RefreshResult {
  const dailyId = storedSheetId(doc, scope);
  if (dailyId === null) return { ok: false, message: DASHBOARD_MESSAGES.notSynced };
  const daily = workbook.readDaily(dailyId);
  if (!daily) return { ok: false, message: DASHBOARD_MESSAGES.dailyGone };
  const counted = COUNTED_SHEETS.flatMap((sheet) => {
    const layout = RECORD_SHEETS[sheet.id];
    if (!layout) return [];
    const raw = doc.get(recordSheetPlace(scope, layout.sheetName, sheet.id).sheetIdKey);
    const found = raw && /^\d+$/.test(raw) ? workbook.recordSheet(Number(raw)) : null;
    return found ? [{ sheet, ...found }] : [];
  });
  const planned = planDashboard(daily, readDashboardSettings(doc), recordCounts(counted));
  if (!planned.ok) return { ok: false, message: DASHBOARD_MESSAGES.noDateColumn };
  const key = dashboardStateKey(scope);
  const state = readDashboardState(doc, key);
  const { plan } = planned;
  const applied = workbook.apply({
    dailySheetId: dailyId,
    names: dashboardSheetNames(scope),
    sheets: plan.sheets,
    charts: plan.charts,
    sheetIds: state.sheets,
    chartIds: state.charts,
    areas: state.areas,
  });
  writeDashboardState(doc, key, {
    sheets: applied.sheetIds,
    charts: applied.chartIds,
    areas: {
      dashboard: plan.sheets.dashboard.blocks.map(areaOfBlock),
      weekly: plan.sheets.weekly.blocks.map(areaOfBlock),
      monthly: plan.sheets.monthly.blocks.map(areaOfBlock),
    },
  });
  return { ok: true, message: DASHBOARD_MESSAGES.refreshed(plan.charts.length) };
}
