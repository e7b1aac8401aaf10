// The dashboard's sheets and charts over SpreadsheetApp: reads the daily sheet's header row and
// date column, writes each planned block with one setFormulas and one setNumberFormats, and brings
// the Dashboard's charts to the plan through EmbeddedChartBuilder (modify() for the add-on's own,
// so a chart the person moved keeps its place). A constant number of calls whatever the days.
import { findColumn } from '../core/upsert-plan';
import { KEY_HEADER } from '../providers/metrics';
import { chartActions, insertedIds } from '../app/dashboard/chart-actions';
import {
  NEW_CHART_SIZE,
  type ChartKey,
  type PlannedChart,
  type RangeRef,
  type SheetRole,
} from '../app/dashboard/charts';
import type { GridArea, SheetPlan } from '../app/dashboard/grid';
import type { DashboardSheetId } from '../app/dashboard/sheet-ids';
import type { DailySnapshot } from '../app/dashboard/plan';
import type { Applied, ApplyInput, DashboardWorkbook } from '../app/dashboard/ports';
import { activeSpreadsheet } from './active-spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

const CIVIL = /^\d{4}-\d{2}-\d{2}$/;

function civilOf(value: unknown, timeZone: string): string | null {
  if (Object.prototype.toString.call(value) === '[object Date]')
    return Utilities.formatDate(value as Date, timeZone, 'yyyy-MM-dd');
  if (typeof value === 'string' && CIVIL.test(value.trim())) return value.trim();
  return null;
}

function readDaily(sheetId: number): DailySnapshot | null {
  const ss = activeSpreadsheet();
  const sheet = ss.getSheetById(sheetId);
  if (!sheet) return null;
  const name = sheet.getName();
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0)
    return { name, header: [], first: null, last: null, lastRow: 0 };
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
  const dateColumn = findColumn(header, KEY_HEADER);
  let first: string | null = null;
  let last: string | null = null;
  if (dateColumn !== null && lastRow > 1) {
    const zone = ss.getSpreadsheetTimeZone();
    for (const [cell] of sheet.getRange(2, dateColumn, lastRow - 1, 1).getValues()) {
      const day = civilOf(cell, zone);
      if (day === null) continue;
      if (first === null || day < first) first = day;
      if (last === null || day > last) last = day;
    }
  }
  return { name, header, first, last, lastRow };
}

/** The sheet by stored id, else a new one under the name (or "<name> 2" when a sheet has it). */
interface Opened {
  sheet: Sheet;
  id: number;
  created: boolean;
}

function sheetFor(storedId: number | undefined, name: string): Opened {
  const ss = activeSpreadsheet();
  const found = storedId === undefined ? null : ss.getSheetById(storedId);
  if (found) return { sheet: found, id: storedId as number, created: false };
  let free = name;
  for (let n = 2; ss.getSheetByName(free); n++) free = `${name} ${n}`;
  const sheet = ss.insertSheet(free);
  return { sheet, id: sheet.getSheetId(), created: true };
}

function write(sheet: Sheet, created: boolean, plan: SheetPlan, previous: GridArea[]): void {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (plan.minRows > maxRows) sheet.insertRowsAfter(maxRows, plan.minRows - maxRows);
  if (plan.minColumns > maxColumns)
    sheet.insertColumnsAfter(maxColumns, plan.minColumns - maxColumns);
  // Only the add-on's own areas are cleared: what the person put elsewhere stays.
  if (!created)
    for (const a of previous) {
      const rows = Math.min(a.numRows, Math.max(maxRows, plan.minRows) - a.row + 1);
      const columns = Math.min(a.numColumns, Math.max(maxColumns, plan.minColumns) - a.column + 1);
      if (rows >= 1 && columns >= 1) sheet.getRange(a.row, a.column, rows, columns).clearContent();
    }
  for (const block of plan.blocks) {
    const range = sheet.getRange(
      block.row,
      block.column,
      block.cells.length,
      block.cells[0].length,
    );
    range.setFormulas(block.cells);
    range.setNumberFormats(block.formats);
  }
  for (const a of plan.bold)
    sheet.getRange(a.row, a.column, a.numRows, a.numColumns).setFontWeight('bold');
  if (plan.frozenRows > 0 && created) sheet.setFrozenRows(plan.frozenRows);
}

function configure(
  builder: Builder,
  chart: PlannedChart,
  sheets: Record<SheetRole, Sheet>,
): Builder {
  let b = builder.clearRanges();
  for (const r of chart.ranges) b = b.addRange(rangeOf(sheets, r));
  b = b
    .setChartType(Charts.ChartType[chart.type])
    .setNumHeaders(1)
    .setTransposeRowsAndColumns(false);
  for (const [key, value] of Object.entries(chart.options)) b = b.setOption(key, value);
  return b;
}

function rangeOf(
  sheets: Record<SheetRole, Sheet>,
  r: RangeRef,
): GoogleAppsScript.Spreadsheet.Range {
  return sheets[r.sheet].getRange(r.row, r.column, r.numRows, r.numColumns);
}

function chartIds(sheet: Sheet): {
  charts: GoogleAppsScript.Spreadsheet.EmbeddedChart[];
  ids: number[];
} {
  const charts = sheet.getCharts();
  return { charts, ids: charts.map((c) => c.getChartId() ?? -1) };
}

function syncCharts(
  dashboard: Sheet,
  planned: PlannedChart[],
  known: Partial<Record<ChartKey, number>>,
  sheets: Record<SheetRole, Sheet>,
): Partial<Record<ChartKey, number>> {
  const before = chartIds(dashboard);
  const actions = chartActions(planned, known, before.ids);
  const byId = new Map(before.ids.map((id, i) => [id, before.charts[i]]));
  for (const id of actions.remove) dashboard.removeChart(byId.get(id)!);
  const out: Partial<Record<ChartKey, number>> = {};
  for (const { chart, chartId } of actions.update) {
    // modify() starts from the chart as it is now, position and size included.
    dashboard.updateChart(configure(byId.get(chartId)!.modify(), chart, sheets).build());
    out[chart.key] = chartId;
  }
  for (const chart of actions.insert) {
    const builder = configure(dashboard.newChart(), chart, sheets)
      .setOption('width', NEW_CHART_SIZE.width)
      .setOption('height', NEW_CHART_SIZE.height)
      .setPosition(chart.position.row, chart.position.column, 0, 0);
    dashboard.insertChart(builder.build());
  }
  if (actions.insert.length > 0)
    Object.assign(out, insertedIds(actions.insert, before.ids, chartIds(dashboard).ids));
  return out;
}

const ORDER: DashboardSheetId[] = ['weekly', 'monthly', 'dashboard'];

function apply(input: ApplyInput): Applied {
  const ss = activeSpreadsheet();
  const daily = ss.getSheetById(input.dailySheetId);
  if (!daily) throw new Error('The daily sheet is gone.');
  const opened = {} as Record<DashboardSheetId, Opened>;
  for (const id of ORDER) {
    opened[id] = sheetFor(input.sheetIds[id], input.names[id]);
    write(opened[id].sheet, opened[id].created, input.sheets[id], input.areas[id] ?? []);
  }
  // insertSheet makes the new sheet the active one: after a sync the person's data stays in front.
  if (ORDER.some((id) => opened[id].created)) ss.setActiveSheet(daily);
  const sheets: Record<SheetRole, Sheet> = {
    daily,
    dashboard: opened.dashboard.sheet,
    weekly: opened.weekly.sheet,
    monthly: opened.monthly.sheet,
  };
  // A new sheet has no charts: the stored ids of a deleted dashboard are of charts gone with it.
  const known = opened.dashboard.created ? {} : input.chartIds;
  const charts = syncCharts(opened.dashboard.sheet, input.charts, known, sheets);
  return {
    sheetIds: {
      dashboard: opened.dashboard.id,
      weekly: opened.weekly.id,
      monthly: opened.monthly.id,
    },
    chartIds: charts,
  };
}

function recordSheet(sheetId: number): { name: string; header: unknown[] } | null {
  const sheet = activeSpreadsheet().getSheetById(sheetId);
  if (!sheet) return null;
  const name = sheet.getName();
  const lastColumn = sheet.getLastColumn();
  const header = lastColumn === 0 ? [] : sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
  return { name, header };
}

export function gasDashboardWorkbook(): DashboardWorkbook {
  return { readDaily, recordSheet, apply };
}
