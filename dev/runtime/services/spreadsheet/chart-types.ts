// The names of the Charts service's enums the embedded-chart API takes (Charts.ChartType,
// Charts.ChartMergeStrategy, Charts.ChartHiddenDimensionStrategy), and the plain-data shape of a
// chart's settings as they cross the RPC boundary and live in the host model.
import type { ChartOptionTree } from './chart-options';
import type { RangeRef, SheetRef } from './refs';

/** Charts.ChartType, in the documentation's order. */
export const CHART_TYPES = [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const;
export type ChartTypeName = (typeof CHART_TYPES)[number];

/** Charts.ChartMergeStrategy: how several ranges combine (as columns by default). */
export const MERGE_STRATEGIES = ['MERGE_COLUMNS', 'MERGE_ROWS'] as const;
export type MergeStrategyName = (typeof MERGE_STRATEGIES)[number];

/** Charts.ChartHiddenDimensionStrategy: what hidden rows/columns do (charts skip both by default). */
export const HIDDEN_DIMENSION_STRATEGIES = [
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
] as const;
export type HiddenDimensionStrategyName = (typeof HIDDEN_DIMENSION_STRATEGIES)[number];

/** ContainerInfo: the cell the chart's top-left corner is anchored to, and the pixel offsets. */
export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

/** Everything an EmbeddedChartBuilder sets, with ranges as the script's range handles. */
export interface ChartSpec {
  /** null until setChartType: Sheets then picks a type itself (drawn as a line chart here). */
  chartType: ChartTypeName | null;
  ranges: RangeRef[];
  options: ChartOptionTree;
  position: ChartPosition;
  /** -1 until setNumHeaders: Sheets then decides itself whether the first row is a header. */
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: MergeStrategyName;
  hiddenDimensionStrategy: HiddenDimensionStrategyName;
}

/** An EmbeddedChart as it crosses the RPC boundary (both ways). */
export interface WireChart {
  kind: 'EmbeddedChart';
  /** The sheet whose newChart() or getCharts() made it. */
  sheet: SheetRef;
  /** null for a chart that was built but never inserted (documented for getChartId). */
  chartId: number | null;
  spec: ChartSpec;
}

export function isWireChart(value: unknown): value is WireChart {
  const v = value as Partial<WireChart> | null;
  return (
    v !== null &&
    typeof v === 'object' &&
    v.kind === 'EmbeddedChart' &&
    typeof v.sheet?.ss === 'string' &&
    typeof v.spec === 'object'
  );
}

export function defaultSpec(): ChartSpec {
  return {
    chartType: null,
    ranges: [],
    options: {},
    position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    transpose: false,
    mergeStrategy: 'MERGE_COLUMNS',
    hiddenDimensionStrategy: 'IGNORE_BOTH',
  };
}
