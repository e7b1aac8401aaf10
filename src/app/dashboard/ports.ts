// What the dashboard's refresh needs from the spreadsheet (src/gas implements it over
// SpreadsheetApp and the chart builder): read the daily sheet, and carry out a plan.
import type { ChartKey, PlannedChart } from './charts';
import type { GridArea, SheetPlan } from './grid';
import type { DashboardSheetId } from './sheet-ids';
import type { DailySnapshot } from './plan';

export interface ApplyInput {
  dailySheetId: number;
  names: Record<DashboardSheetId, string>;
  sheets: Record<DashboardSheetId, SheetPlan>;
  charts: PlannedChart[];
  /** Stored ids of the three sheets and the add-on's charts, and the areas written last time. */
  sheetIds: Partial<Record<DashboardSheetId, number>>;
  chartIds: Partial<Record<ChartKey, number>>;
  areas: Partial<Record<DashboardSheetId, GridArea[]>>;
}

export interface Applied {
  sheetIds: Record<DashboardSheetId, number>;
  chartIds: Partial<Record<ChartKey, number>>;
}

export interface DashboardWorkbook {
  /** The daily sheet by its id (name, header row, date span, last row), or null if gone. */
  readDaily(sheetId: number): DailySnapshot | null;
  /** A record sheet by its stored id: its current name and header row, or null if gone. */
  recordSheet(sheetId: number): { name: string; header: unknown[] } | null;
  /**
   * Writes the three sheets (each found by its stored id, else created under its name) and
   * brings the Dashboard's charts to the plan: a constant number of calls whatever the days.
   */
  apply(input: ApplyInput): Applied;
}
