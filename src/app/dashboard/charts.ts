// Which native charts the Dashboard shows and what each draws, as data: chart type, the ranges
// (by header positions found at refresh, so a moved column is followed), options (titles, axis
// titles with units, date axis, one colour per metric, a tidy grid) and a default place. Only
// charts whose metrics are synced are planned.
import { AVERAGE_COLOUR, GOAL_COLOUR, metricColour } from './colours';
import type { DailyColumns, MetricColumn } from './daily-columns';
import { roles } from './roles';
import type { SummaryColumns } from './summary-sheet';

export type ChartTypeName = 'AREA' | 'BAR' | 'COLUMN' | 'COMBO' | 'LINE' | 'SCATTER';
export type SheetRole = 'daily' | 'dashboard' | 'weekly' | 'monthly';

export interface RangeRef {
  sheet: SheetRole;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export type ChartKey = 'steps' | 'active' | 'sleep' | 'heart' | 'body' | 'azm' | 'zones';

export interface PlannedChart {
  key: ChartKey;
  type: ChartTypeName;
  /** First the domain (dates), then one range per series, each with its header row. */
  ranges: RangeRef[];
  /** setOption keys (dotted) and values. */
  options: Record<string, unknown>;
  /** Where a new chart goes (an existing one stays where the person put it). */
  position: { row: number; column: number };
}

/**
 * The size a new chart gets (Sheets keeps a chart's size as its width and height options): set
 * only at insertion, so a chart the person resized keeps their size.
 */
export const NEW_CHART_SIZE = { width: 720, height: 340 } as const;

const ORDER: ChartKey[] = ['steps', 'active', 'sleep', 'heart', 'body', 'azm', 'zones'];
export const FIRST_CHART_ROW = 7;
const ROWS_PER_CHART = 18;
const COLUMNS_PER_CHART = 8;

/** A fixed slot per chart: a chart appearing later never lands on one already there. */
function slot(key: ChartKey): { row: number; column: number } {
  const i = ORDER.indexOf(key);
  return {
    row: FIRST_CHART_ROW + Math.floor(i / 2) * ROWS_PER_CHART,
    column: 1 + (i % 2) * COLUMNS_PER_CHART,
  };
}

export interface ChartInput {
  columns: DailyColumns;
  /** The daily sheet's last row (header is row 1). */
  dailyLastRow: number;
  stepsAverageColumn: number | null;
  goalColumn: number | null;
  weekly: SummaryColumns;
}

const column = (sheet: SheetRole, col: number, lastRow: number): RangeRef => ({
  sheet,
  row: 1,
  column: col,
  numRows: Math.max(2, lastRow),
  numColumns: 1,
});

function unitTitle(c: MetricColumn, fallback: string): string {
  return c.unit ?? fallback;
}

function common(title: string, hAxis: string): Record<string, unknown> {
  return {
    title,
    'hAxis.title': hAxis,
    'legend.position': 'bottom',
    'vAxis.gridlines.count': 5,
    'vAxis.minorGridlines.count': 0,
    'hAxis.gridlines.count': -1,
  };
}

/** Series options by index: colour, and for a second axis its index. */
function series(list: { color: string; [k: string]: unknown }[]): Record<string, unknown> {
  return { series: Object.fromEntries(list.map((s, i) => [String(i), s])) };
}

function daily(input: ChartInput, cols: MetricColumn[]): RangeRef[] {
  const last = input.dailyLastRow;
  return [
    column('daily', input.columns.dateColumn, last),
    ...cols.map((c) => column('daily', c.column, last)),
  ];
}

/** Weekly totals of the given metrics (stacked columns), or null when none has a total. */
function weeklyStack(
  input: ChartInput,
  key: ChartKey,
  title: string,
  cols: MetricColumn[],
): PlannedChart | null {
  const w = input.weekly;
  const withTotals = cols.filter((c) => w.metrics[c.metricId]?.total);
  if (withTotals.length === 0 || w.lastRow < 2) return null;
  return {
    key,
    type: 'COLUMN',
    ranges: [
      column('weekly', w.startColumn, w.lastRow),
      ...withTotals.map((c) => column('weekly', w.metrics[c.metricId]!.total!, w.lastRow)),
    ],
    options: {
      ...common(title, 'Week starting'),
      'vAxis.title': 'Minutes per week',
      'hAxis.format': 'yyyy-MM-dd',
      isStacked: true,
      ...series(withTotals.map((c) => ({ color: metricColour(c) }))),
    },
    position: slot(key),
  };
}

export function planCharts(input: ChartInput): PlannedChart[] {
  const found = input.columns.metrics;
  const out: PlannedChart[] = [];
  const dateAxis = { 'hAxis.format': 'yyyy-MM-dd' };

  const steps = roles.steps(found);
  if (steps && input.stepsAverageColumn !== null && input.goalColumn !== null) {
    const last = input.dailyLastRow;
    out.push({
      key: 'steps',
      type: 'COMBO',
      ranges: [
        ...daily(input, [steps]),
        column('dashboard', input.stepsAverageColumn, last),
        column('dashboard', input.goalColumn, last),
      ],
      options: {
        ...common('Steps per day', 'Date'),
        ...dateAxis,
        'vAxis.title': 'Steps',
        seriesType: 'bars',
        ...series([
          { color: metricColour(steps) },
          { color: AVERAGE_COLOUR, type: 'line', lineWidth: 2 },
          { color: GOAL_COLOUR, type: 'line', lineWidth: 2, lineDashStyle: [6, 4] },
        ]),
      },
      position: slot('steps'),
    });
  }

  const active = weeklyStack(
    input,
    'active',
    'Active minutes per week',
    roles.activeMinutes(found),
  );
  if (active) out.push(active);

  const stages = roles.sleepStages(found);
  const sleepTime = roles.sleepTime(found);
  const sleepCols = stages.length > 0 ? stages : sleepTime ? [sleepTime] : [];
  if (sleepCols.length > 0)
    out.push({
      key: 'sleep',
      type: 'COLUMN',
      ranges: daily(input, sleepCols),
      options: {
        ...common(
          stages.length > 0 ? 'Sleep per night by stage' : 'Sleep per night',
          'Night ending',
        ),
        ...dateAxis,
        'vAxis.title': `Sleep (${unitTitle(sleepCols[0], 'min')})`,
        isStacked: true,
        ...series(sleepCols.map((c) => ({ color: metricColour(c) }))),
      },
      position: slot('sleep'),
    });

  const twoAxes = (
    key: ChartKey,
    title: string,
    left: MetricColumn | null,
    right: MetricColumn | null,
    leftTitle: (c: MetricColumn) => string,
    rightTitle: (c: MetricColumn) => string,
  ) => {
    const cols = [left, right].filter((c): c is MetricColumn => c !== null);
    if (cols.length === 0) return;
    const axes: Record<string, unknown> = {};
    cols.forEach((c, i) => {
      axes[`vAxes.${i}.title`] = i === 0 ? (left ? leftTitle(c) : rightTitle(c)) : rightTitle(c);
    });
    out.push({
      key,
      type: 'LINE',
      ranges: daily(input, cols),
      options: {
        ...common(title, 'Date'),
        ...dateAxis,
        ...axes,
        interpolateNulls: true,
        ...series(cols.map((c, i) => ({ color: metricColour(c), targetAxisIndex: i }))),
      },
      position: slot(key),
    });
  };
  twoAxes(
    'heart',
    'Resting heart rate and HRV',
    roles.restingHeartRate(found),
    roles.hrv(found),
    (c) => `Resting heart rate (${unitTitle(c, 'bpm')})`,
    (c) => `HRV (${unitTitle(c, 'ms')})`,
  );
  twoAxes(
    'body',
    'Weight and body fat',
    roles.weight(found),
    roles.bodyFat(found),
    (c) => `Weight (${unitTitle(c, 'kg')})`,
    (c) => `Body fat (${unitTitle(c, '%')})`,
  );

  const zones = roles.azmZones(found);
  const azm = weeklyStack(
    input,
    'azm',
    'Active zone minutes per week',
    zones.length > 0 ? zones : [roles.azmTotal(found)].filter((c): c is MetricColumn => !!c),
  );
  if (azm) out.push(azm);
  const hrZones = weeklyStack(
    input,
    'zones',
    'Time in heart-rate zones per week',
    roles.heartRateZones(found),
  );
  if (hrZones) out.push(hrZones);
  return out;
}
