// The host's answers to the chart calls of Sheet (newChart, insertChart, updateChart, removeChart,
// getCharts) and to Sheet.moveColumns/moveRows: one counted RPC each, checked against the model.
import type { ExecutionContext } from '../../rpc-types';
import { type ChartSpec, isWireChart, type WireChart } from './chart-types';
import { CHART_NOT_INSERTED, type ChartRecord, chartOfOtherSheet } from './charts-model';
import type { Dimension } from './dimension-change';
import * as E from './errors';
import type { SheetModel } from './model';
import type { RangeRef, SheetRef } from './refs';

type Handler = (ctx: ExecutionContext, ...args: never[]) => unknown;

/** What a chart record looks like to the script: its wire form, ranges as range handles. */
export function wireChart(record: ChartRecord, ss: string): WireChart {
  const spec: ChartSpec = {
    chartType: record.chartType,
    ranges: record.ranges,
    options: record.options,
    position: record.position,
    numHeaders: record.numHeaders,
    transpose: record.transpose,
    mergeStrategy: record.mergeStrategy,
    hiddenDimensionStrategy: record.hiddenDimensionStrategy,
  };
  return {
    kind: 'EmbeddedChart',
    sheet: { ss, sheetId: record.sheetId },
    chartId: record.chartId,
    spec: structuredClone(spec),
  };
}

export function chartHandlers(sheetOf: (ref: SheetRef) => SheetModel): Record<string, Handler> {
  /** The chart argument of insert/update/remove, which must come from this very sheet. */
  const chartArg = (method: string, sheet: SheetModel, chart: unknown): WireChart => {
    if (!isWireChart(chart)) throw new Error(E.signatureMismatch(method, [chart]));
    if (chart.sheet.ss !== sheet.parent.id || chart.sheet.sheetId !== sheet.sheetId)
      throw new Error(chartOfOtherSheet(`${method}()`));
    return chart;
  };
  const moveLines =
    (dimension: Dimension, method: string) =>
    (_ctx: ExecutionContext, r: SheetRef, spec: unknown, destination: unknown) => {
      const sheet = sheetOf(r);
      const range = spec as Partial<RangeRef> | null;
      if (
        !range ||
        typeof range !== 'object' ||
        typeof range.row !== 'number' ||
        typeof destination !== 'number' ||
        !Number.isFinite(destination)
      )
        throw new Error(E.signatureMismatch(method, [spec, destination]));
      // The range only selects lines: every row (column) it spans moves, on the range's sheet.
      if (range.ss !== sheet.parent.id || range.sheetId !== sheet.sheetId)
        throw new Error(E.RANGE_NOT_FOUND);
      const rows = dimension === 'ROWS';
      const start = (rows ? range.row : range.column) as number;
      const count = (rows ? range.numRows : range.numColumns) as number;
      sheet.moveLines(dimension, start, count, Math.trunc(destination));
    };

  return {
    'Sheet.newChart': (_ctx, r: SheetRef) => {
      const sheet = sheetOf(r);
      return { ss: sheet.parent.id, sheetId: sheet.sheetId };
    },
    'Sheet.insertChart': (_ctx, r: SheetRef, chart: unknown) => {
      const sheet = sheetOf(r);
      const c = chartArg('Sheet.insertChart', sheet, chart);
      sheet.parent.charts.insert(sheet, c.spec as ChartSpec, 'script');
    },
    'Sheet.updateChart': (_ctx, r: SheetRef, chart: unknown) => {
      const sheet = sheetOf(r);
      const c = chartArg('Sheet.updateChart', sheet, chart);
      if (c.chartId === null) throw new Error(CHART_NOT_INSERTED);
      sheet.parent.charts.update(sheet, c.chartId, c.spec as ChartSpec);
    },
    'Sheet.removeChart': (_ctx, r: SheetRef, chart: unknown) => {
      const sheet = sheetOf(r);
      const c = chartArg('Sheet.removeChart', sheet, chart);
      if (c.chartId === null) throw new Error(CHART_NOT_INSERTED);
      sheet.parent.charts.remove(sheet, c.chartId);
    },
    'Sheet.getCharts': (_ctx, r: SheetRef) => {
      const sheet = sheetOf(r);
      return sheet.parent.charts
        .onSheet(sheet.sheetId)
        .map((record) => wireChart(record, sheet.parent.id));
    },
    'Sheet.moveColumns': moveLines('COLUMNS', 'Sheet.moveColumns'),
    'Sheet.moveRows': moveLines('ROWS', 'Sheet.moveRows'),
  };
}
