// What the page needs to draw one sheet's embedded charts, read from the runtime's chart model the
// way Sheets reads a chart's ranges: the ranges side by side (merged as columns), the first column
// the domain (its display values as labels), every other column a series, a header row naming them;
// plus the options Sheets honours (title, axis titles, colours, stacking, per-series type and axis).
import { getOptionPath } from '../runtime/services/spreadsheet/chart-options';
import type { ChartRecord } from '../runtime/services/spreadsheet/charts-model';
import { displayValue, isDate } from '../runtime/services/spreadsheet/format';
import type { SpreadsheetModel } from '../runtime/services/spreadsheet/model';

export type SeriesKind = 'bars' | 'line' | 'area' | 'steppedArea' | 'points';

export interface SeriesView {
  label: string;
  data: Array<number | null>;
  kind: SeriesKind;
  color: string | null;
  /** 0: the left axis, 1: the right one (vAxes[1]). */
  axis: 0 | 1;
  dashed: boolean;
  /** The line's width in pixels when the chart sets one ('series.i.lineWidth'). */
  lineWidth: number | null;
}

export interface ChartView {
  chartId: number;
  /** The chart type as the script set it ('LINE' when it set none: Sheets would pick one). */
  type: string;
  title: string | null;
  hAxisTitle: string | null;
  vAxisTitle: string | null;
  /** The right axis' title, when a series uses it. */
  rightAxisTitle: string | null;
  stacked: boolean | 'percent';
  legend: 'top' | 'bottom' | 'left' | 'right' | 'none';
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
  labels: string[];
  series: SeriesView[];
}

/** Sheets' size for a new chart, in pixels. */
const DEFAULT_WIDTH = 600;
const DEFAULT_HEIGHT = 371;

const KIND_OF_TYPE: Record<string, SeriesKind> = {
  AREA: 'area',
  BAR: 'bars',
  COLUMN: 'bars',
  HISTOGRAM: 'bars',
  STEPPED_AREA: 'steppedArea',
  SCATTER: 'points',
  COMBO: 'bars', // a combo's seriesType defaults to bars (Google Charts' ComboChart)
};

function text(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

function seriesKind(value: unknown): SeriesKind | null {
  return value === 'bars' ||
    value === 'line' ||
    value === 'area' ||
    value === 'steppedArea' ||
    value === 'points'
    ? value
    : null;
}

/** The chart's cells as one table: its ranges next to each other, transposed if asked. */
function table(ss: SpreadsheetModel, chart: ChartRecord): { raw: unknown[][]; shown: string[][] } {
  const blocks = chart.ranges.map((r) => {
    const sheet = ss.byId(r.sheetId);
    const box = { row: r.row, column: r.column, numRows: r.numRows, numColumns: r.numColumns };
    return sheet
      ? { raw: sheet.getValues(box) as unknown[][], shown: sheet.getDisplayValues(box) }
      : { raw: [], shown: [] };
  });
  const byRows = chart.mergeStrategy === 'MERGE_ROWS';
  const join = (part: 'raw' | 'shown') => {
    const parts = blocks.map((b) => (byRows ? transpose(b[part]) : b[part]));
    const rows = Math.max(0, ...parts.map((p) => p.length));
    const out: unknown[][] = [];
    for (let i = 0; i < rows; i++)
      out.push(parts.flatMap((p) => p[i] ?? new Array(p[0]?.length ?? 0).fill('')));
    return byRows !== chart.transpose ? transpose(out) : out;
  };
  return { raw: join('raw'), shown: join('shown') as string[][] };
}

function transpose<T>(rows: T[][]): T[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, c) => rows.map((r) => r[c]));
}

export function chartView(ss: SpreadsheetModel, chart: ChartRecord): ChartView {
  const opt = (key: string) => getOptionPath(chart.options, key);
  const type = chart.chartType ?? 'LINE';
  const { raw, shown } = table(ss, chart);
  // A header row when the script says so, or (left to Sheets) when the series' first cells are text.
  const firstSeriesCells = (raw[0] ?? []).slice(1);
  const headers =
    chart.numHeaders >= 0
      ? chart.numHeaders
      : firstSeriesCells.length > 0 && firstSeriesCells.every((v) => typeof v === 'string')
        ? 1
        : 0;
  const width = Math.max(0, ...raw.map((r) => r.length));
  const body = raw
    .map((row, i) => ({ row, shown: shown[i] ?? [] }))
    .slice(headers)
    // Rows with nothing in them (an open-ended range past the data) draw nothing in Sheets.
    .filter(({ row }) => row.some((v) => v !== '' && v !== null));
  // A date axis formatted as the chart asks ('hAxis.format'), else as the cells show their dates.
  const domainFormat = text(opt('hAxis.format'));
  const labels = body.map(({ row, shown: s }) =>
    domainFormat && isDate(row[0]) ? displayValue(row[0], domainFormat, ss.timeZone) : (s[0] ?? ''),
  );
  const defaultKind = seriesKind(opt('seriesType')) ?? KIND_OF_TYPE[type] ?? 'line';
  const colors = opt('colors');
  const series: SeriesView[] = [];
  for (let c = 1; c < width; c++) {
    const i = c - 1;
    const own = (key: string) => opt(`series.${i}.${key}`);
    const header = headers > 0 ? text(shown[headers - 1]?.[c]) : null;
    series.push({
      label: text(own('labelInLegend')) ?? header ?? `Series ${c}`,
      data: body.map(({ row }) => (typeof row[c] === 'number' ? (row[c] as number) : null)),
      kind: (type === 'COMBO' || type === 'LINE' ? seriesKind(own('type')) : null) ?? defaultKind,
      color: text(own('color')) ?? (Array.isArray(colors) ? text(colors[i]) : null),
      axis: own('targetAxisIndex') === 1 ? 1 : 0,
      dashed: Array.isArray(own('lineDashStyle')),
      lineWidth: typeof own('lineWidth') === 'number' ? (own('lineWidth') as number) : null,
    });
  }
  const isStacked = opt('isStacked');
  const legend = opt('legend.position') ?? opt('legend');
  const position = chart.position;
  return {
    chartId: chart.chartId,
    type,
    title: text(opt('title')),
    hAxisTitle: text(opt('hAxis.title')),
    vAxisTitle: text(opt('vAxis.title')) ?? text(opt('vAxes.0.title')),
    rightAxisTitle: text(opt('vAxes.1.title')),
    stacked: isStacked === 'percent' || isStacked === 'relative' ? 'percent' : isStacked === true,
    legend:
      legend === 'top' ||
      legend === 'bottom' ||
      legend === 'left' ||
      legend === 'none' ||
      legend === 'right'
        ? legend
        : 'right',
    anchorRow: position.anchorRow,
    anchorColumn: position.anchorColumn,
    offsetX: position.offsetX,
    offsetY: position.offsetY,
    width: typeof opt('width') === 'number' ? (opt('width') as number) : DEFAULT_WIDTH,
    height: typeof opt('height') === 'number' ? (opt('height') as number) : DEFAULT_HEIGHT,
    labels,
    series,
  };
}

/** Every chart on one sheet, in getCharts order. */
export function chartViews(ss: SpreadsheetModel, sheetId: number): ChartView[] {
  return ss.charts.onSheet(sheetId).map((c) => chartView(ss, c));
}
