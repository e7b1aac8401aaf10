// The whole refresh as one pure plan: from the daily sheet's name, header row, first and last
// dates and last row, and the settings, what each of the three sheets gets (formula blocks) and
// which charts the Dashboard draws. The adapter only carries it out.
import type { CivilDate } from '../../core/dates';
import { planChartData } from './chart-data';
import { planCharts, type PlannedChart } from './charts';
import { findDailyColumns, type DailyColumns } from './daily-columns';
import { sheetPlanOf, type SheetPlan } from './grid';
import { planKeyFigures } from './key-figures';
import type { DashboardSheetId } from './sheet-ids';
import { periodStarts } from './periods';
import { roles } from './roles';
import type { DashboardSettings } from './settings';
import { planSummarySheet, type RecordCount } from './summary-sheet';

export interface DailySnapshot {
  name: string;
  header: readonly unknown[];
  /** The first and last dates in the key column, or null without any. */
  first: CivilDate | null;
  last: CivilDate | null;
  lastRow: number;
}

export interface DashboardPlan {
  columns: DailyColumns;
  sheets: Record<DashboardSheetId, SheetPlan>;
  charts: PlannedChart[];
}

export type PlanResult =
  { ok: true; plan: DashboardPlan } | { ok: false; reason: 'no-date-column' };

export function planDashboard(
  daily: DailySnapshot,
  settings: DashboardSettings,
  records: RecordCount[] = [],
): PlanResult {
  const columns = findDailyColumns(daily.header);
  if (!columns) return { ok: false, reason: 'no-date-column' };
  const summary = (kind: 'week' | 'month') =>
    planSummarySheet({
      kind,
      dailySheet: daily.name,
      columns,
      starts:
        daily.first && daily.last
          ? periodStarts(kind, daily.first, daily.last, settings.weekStart)
          : [],
      records,
    });
  const weekly = summary('week');
  const monthly = summary('month');
  const data = planChartData({
    dailySheet: daily.name,
    columns,
    steps: roles.steps(columns.metrics),
    stepGoal: settings.stepGoal,
    lastRow: daily.lastRow,
  });
  const figures = planKeyFigures(daily.name, columns);
  const bold = [
    { row: 2, column: 1, numRows: 1, numColumns: figures.cells[0].length },
    { row: 1, column: data.block.column, numRows: 1, numColumns: data.block.cells[0].length },
  ];
  return {
    ok: true,
    plan: {
      columns,
      sheets: {
        dashboard: sheetPlanOf([figures, data.block], bold, 0),
        weekly: weekly.sheet,
        monthly: monthly.sheet,
      },
      charts: planCharts({
        columns,
        dailyLastRow: daily.lastRow,
        stepsAverageColumn: data.stepsAverageColumn,
        goalColumn: data.goalColumn,
        weekly: weekly.columns,
      }),
    },
  };
}
