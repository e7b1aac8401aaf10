// The embedded charts of one spreadsheet in the host model: ids that are stable and never reused,
// settings checked as Sheets would refuse them, ranges and anchors that follow row/column inserts,
// deletes and moves, and the person's own chart edits (move, resize, add) for tests.
import { setOptionPath } from './chart-options';
import {
  CHART_TYPES,
  type ChartPosition,
  type ChartSpec,
  defaultSpec,
  HIDDEN_DIMENSION_STRATEGIES,
  MERGE_STRATEGIES,
} from './chart-types';
import { type DimensionChange, mapAnchor, mapSpan } from './dimension-change';
import type { SheetModel, SpreadsheetModel } from './model';
import type { RangeRef } from './refs';

export const CHART_NOT_INSERTED =
  'This chart is not in the spreadsheet yet: insert a new chart with Sheet.insertChart; updateChart and removeChart take a chart from Sheet.getCharts().';
export const CHART_NOT_FOUND =
  "The chart is not on this sheet any more (it was removed, or its sheet was). Read the sheet's current charts with Sheet.getCharts().";
export const CHART_RANGE_OTHER_SPREADSHEET =
  "A chart's ranges must be in the chart's own spreadsheet.";

export function chartOfOtherSheet(method: string): string {
  return `This chart belongs to another sheet: call ${method} on the sheet whose newChart() or getCharts() made it.`;
}

export function anchorOutside(position: ChartPosition, sheet: SheetModel): string {
  return `The chart's anchor cell (row ${position.anchorRow}, column ${position.anchorColumn}) is outside the sheet "${sheet.name}" (${sheet.maxRows} rows, ${sheet.maxColumns} columns).`;
}

/** A chart as the model holds it. */
export interface ChartRecord extends ChartSpec {
  chartId: number;
  /** The sheet it sits on (its ranges may read other sheets of the spreadsheet). */
  sheetId: number;
  /** Who added it: the add-on's script, or the person by hand (for tests; scripts cannot tell). */
  addedBy: 'script' | 'person';
}

export class ChartStore {
  /** In insertion order, which is the order Sheet.getCharts returns a sheet's charts in. */
  private readonly charts: ChartRecord[] = [];

  constructor(private readonly ss: SpreadsheetModel) {}

  /** Copies of the charts on one sheet. */
  onSheet(sheetId: number): ChartRecord[] {
    return this.charts.filter((c) => c.sheetId === sheetId).map((c) => structuredClone(c));
  }

  all(): ChartRecord[] {
    return this.charts.map((c) => structuredClone(c));
  }

  get(chartId: number): ChartRecord | null {
    const c = this.charts.find((x) => x.chartId === chartId);
    return c ? structuredClone(c) : null;
  }

  insert(sheet: SheetModel, spec: ChartSpec, addedBy: ChartRecord['addedBy']): ChartRecord {
    const checked = this.check(sheet, spec);
    const record: ChartRecord = {
      ...checked,
      chartId: this.ss.claimObjectId(),
      sheetId: sheet.sheetId,
      addedBy,
    };
    this.charts.push(record);
    return structuredClone(record);
  }

  /** Sheet.updateChart: the chart keeps its id, its place in getCharts and who added it. */
  update(sheet: SheetModel, chartId: number, spec: ChartSpec): void {
    const i = this.indexOn(sheet, chartId);
    const checked = this.check(sheet, spec);
    const { sheetId, addedBy } = this.charts[i];
    this.charts[i] = { ...checked, chartId, sheetId, addedBy };
  }

  remove(sheet: SheetModel, chartId: number): void {
    this.charts.splice(this.indexOn(sheet, chartId), 1);
  }

  /** The person drags a chart to another cell. */
  move(chartId: number, position: ChartPosition): void {
    const c = this.live(chartId);
    const sheet = this.ss.live(c.sheetId);
    this.checkPosition(sheet, position);
    c.position = { ...position };
  }

  /** The person resizes a chart: Sheets reports the size as the 'width' and 'height' options. */
  resize(chartId: number, width: number, height: number): void {
    const c = this.live(chartId);
    if (!(width > 0 && height > 0)) throw new Error(`A chart's size must be positive.`);
    setOptionPath(c.options, 'width', Math.round(width));
    setOptionPath(c.options, 'height', Math.round(height));
  }

  /** Carries every chart's ranges and anchor through an insert, delete or move of lines. */
  follow(change: DimensionChange): void {
    const rows = change.dimension === 'ROWS';
    for (const c of this.charts) {
      c.ranges = c.ranges.flatMap((r) => {
        if (r.sheetId !== change.sheetId) return [r];
        const first = rows ? r.row : r.column;
        const last = first + (rows ? r.numRows : r.numColumns) - 1;
        const span = mapSpan(change, first, last);
        if (!span) return []; // every line of it deleted: Sheets shows #REF!, nothing to draw
        const size = span.last - span.first + 1;
        return [
          rows
            ? { ...r, row: span.first, numRows: size }
            : { ...r, column: span.first, numColumns: size },
        ];
      });
      if (c.sheetId !== change.sheetId) continue;
      const sheet = this.ss.live(c.sheetId);
      if (rows) c.position.anchorRow = mapAnchor(change, c.position.anchorRow, sheet.maxRows);
      else c.position.anchorColumn = mapAnchor(change, c.position.anchorColumn, sheet.maxColumns);
    }
  }

  /** A deleted sheet takes its charts with it; other charts lose the ranges that read it. */
  sheetDeleted(sheetId: number): void {
    for (let i = this.charts.length - 1; i >= 0; i--)
      if (this.charts[i].sheetId === sheetId) this.charts.splice(i, 1);
    for (const c of this.charts) c.ranges = c.ranges.filter((r) => r.sheetId !== sheetId);
  }

  private live(chartId: number): ChartRecord {
    const c = this.charts.find((x) => x.chartId === chartId);
    if (!c) throw new Error(CHART_NOT_FOUND);
    return c;
  }

  private indexOn(sheet: SheetModel, chartId: number): number {
    const i = this.charts.findIndex((c) => c.chartId === chartId);
    if (i < 0 || this.charts[i].sheetId !== sheet.sheetId) throw new Error(CHART_NOT_FOUND);
    return i;
  }

  private checkPosition(sheet: SheetModel, p: ChartPosition): void {
    const ints = [p.anchorRow, p.anchorColumn, p.offsetX, p.offsetY];
    if (ints.some((n) => !Number.isInteger(n)) || p.offsetX < 0 || p.offsetY < 0)
      throw new Error(anchorOutside(p, sheet));
    if (p.anchorRow < 1 || p.anchorColumn < 1) throw new Error(anchorOutside(p, sheet));
    if (p.anchorRow > sheet.maxRows || p.anchorColumn > sheet.maxColumns)
      throw new Error(anchorOutside(p, sheet));
  }

  /** A clean copy of settings that came over the wire, or the error Sheets would give. */
  private check(sheet: SheetModel, spec: ChartSpec): ChartSpec {
    const base = defaultSpec();
    const s = { ...base, ...spec };
    if (s.chartType !== null && !CHART_TYPES.includes(s.chartType))
      throw new Error(`Unknown chart type ${String(s.chartType)}: use one of Charts.ChartType.`);
    if (!MERGE_STRATEGIES.includes(s.mergeStrategy))
      throw new Error(`Unknown merge strategy: use Charts.ChartMergeStrategy.`);
    if (!HIDDEN_DIMENSION_STRATEGIES.includes(s.hiddenDimensionStrategy))
      throw new Error(
        `Unknown hidden dimension strategy: use Charts.ChartHiddenDimensionStrategy.`,
      );
    const position = { ...base.position, ...s.position };
    this.checkPosition(sheet, position);
    const ranges: RangeRef[] = (s.ranges ?? []).map((r) => {
      if (r.ss !== this.ss.id) throw new Error(CHART_RANGE_OTHER_SPREADSHEET);
      const rangeSheet = this.ss.live(r.sheetId);
      const box = { row: r.row, column: r.column, numRows: r.numRows, numColumns: r.numColumns };
      rangeSheet.checkBox(box);
      return { ss: r.ss, sheetId: r.sheetId, ...box };
    });
    return {
      chartType: s.chartType,
      ranges,
      options: structuredClone(s.options ?? {}),
      position,
      numHeaders: Number.isInteger(s.numHeaders) && s.numHeaders >= -1 ? s.numHeaders : -1,
      transpose: !!s.transpose,
      mergeStrategy: s.mergeStrategy,
      hiddenDimensionStrategy: s.hiddenDimensionStrategy,
    };
  }
}
