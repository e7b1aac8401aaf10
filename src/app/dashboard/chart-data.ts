// The Dashboard's helper columns, to the right of its charts: the last date in the daily sheet
// (what the key figures count back from), the step goal, and per daily row the steps' 7-day
// average and the goal line the steps chart draws. All formulas: a hand-corrected day moves them.
import { absCell, otherCell, wholeColumn } from './a1';
import type { DailyColumns, MetricColumn } from './daily-columns';
import { GENERAL, blockFromColumns, type GridBlock } from './grid';

/** The first helper column (T): right of two charts side by side. */
export const HELPER_COLUMN = 20;
/** The cell holding the daily sheet's last date. */
export const LAST_DATE_CELL = absCell(HELPER_COLUMN, 2);

export interface ChartData {
  block: GridBlock;
  /** Helper columns of the steps chart, rows 1 (header) to the daily sheet's last row. */
  stepsAverageColumn: number | null;
  goalColumn: number | null;
}

export function planChartData(input: {
  dailySheet: string;
  columns: DailyColumns;
  steps: MetricColumn | null;
  stepGoal: number;
  /** The daily sheet's last row: the helper rows line up with its rows. */
  lastRow: number;
}): ChartData {
  const { dailySheet, columns, steps, lastRow } = input;
  const dates = wholeColumn(dailySheet, columns.dateColumn);
  const height = Math.max(2, lastRow);
  const rows = Array.from({ length: height - 1 }, (_, i) => i + 2);
  const single = (header: string, value: string, format: string) => ({
    cells: [header, value, ...rows.slice(1).map(() => '')],
    formats: [GENERAL, format, ...rows.slice(1).map(() => GENERAL)],
  });
  const helper = [
    single('Last date', `=MAX(${dates})`, 'yyyy-mm-dd'),
    // A formula, so the goal is a number in any spreadsheet (a written text could stay text).
    single('Step goal', `=${input.stepGoal}`, '#,##0'),
  ];
  const goalCell = absCell(HELPER_COLUMN + 1, 2);
  if (steps) {
    const values = wholeColumn(dailySheet, steps.column);
    const day = (row: number) => otherCell(dailySheet, columns.dateColumn, row);
    helper.push({
      cells: [
        'Steps, 7-day average',
        ...rows.map(
          (r) =>
            `=IF(ISNUMBER(${otherCell(dailySheet, steps.column, r)}),IFERROR(AVERAGEIFS(${values},${dates},">"&(${day(r)}-7),${dates},"<="&${day(r)}),""),"")`,
        ),
      ],
      formats: [GENERAL, ...rows.map(() => '#,##0')],
    });
    helper.push({
      cells: ['Step goal', ...rows.map((r) => `=IF(ISNUMBER(${day(r)}),${goalCell},"")`)],
      formats: [GENERAL, ...rows.map(() => '#,##0')],
    });
  }
  return {
    block: blockFromColumns(1, HELPER_COLUMN, helper),
    stepsAverageColumn: steps ? HELPER_COLUMN + 2 : null,
    goalColumn: steps ? HELPER_COLUMN + 3 : null,
  };
}
