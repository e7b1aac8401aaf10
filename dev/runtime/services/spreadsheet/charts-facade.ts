// The worker-side EmbeddedChartBuilder, EmbeddedChart, ContainerInfo and ChartOptions: local
// objects with no RPC of their own, as in Apps Script (a builder only reaches the spreadsheet when
// the chart it builds goes through Sheet.insertChart/updateChart; a chart from getCharts is a
// snapshot). Argument checks throw Apps Script's signature errors here, in the script's realm.
import { ChartHiddenDimensionStrategy, ChartMergeStrategy, ChartType } from './chart-enums';
import { getOptionPath, setOptionPath } from './chart-options';
import { type ChartSpec, type WireChart } from './chart-types';
import { enumName } from './enums';
import { signatureMismatch } from './errors';
import type { RangeRef, SheetRef } from './refs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AppsScriptObject = Record<string, any>;

export interface ChartFacadeDeps {
  /** A Range facade object for a handle. */
  range(ref: RangeRef): AppsScriptObject;
  /** The handle of a facade object (undefined for anything else). */
  handleOf(obj: unknown): unknown;
  /** Makes `obj` pass as a facade object whose wire form is `handle`. */
  register(obj: object, handle: unknown): void;
  /** An Apps Script style exception in the script's realm. */
  error(message: string): Error;
  /** A plain value copied into the script's realm. */
  toRealm<T>(value: T): T;
}

/** The builder subclasses as*Chart() return, each with its documented shortcut setters. */
const SHORTCUTS = {
  asAreaChart: 'AREA',
  asBarChart: 'BAR',
  asColumnChart: 'COLUMN',
  asComboChart: 'COMBO',
  asHistogramChart: 'HISTOGRAM',
  asLineChart: 'LINE',
  asPieChart: 'PIE',
  asScatterChart: 'SCATTER',
  asTableChart: 'TABLE',
} as const;

function isRangeRef(h: unknown): h is RangeRef {
  const r = h as Partial<RangeRef> | null;
  return (
    r !== null &&
    typeof r === 'object' &&
    typeof r.ss === 'string' &&
    typeof r.row === 'number' &&
    typeof r.numColumns === 'number'
  );
}

function sameRange(a: RangeRef, b: RangeRef): boolean {
  return (
    a.ss === b.ss &&
    a.sheetId === b.sheetId &&
    a.row === b.row &&
    a.column === b.column &&
    a.numRows === b.numRows &&
    a.numColumns === b.numColumns
  );
}

export function createChartFacade(deps: ChartFacadeDeps) {
  const fail = (method: string, args: unknown[]): Error =>
    deps.error(signatureMismatch(method, args));

  const rangeHandle = (method: string, range: unknown): RangeRef => {
    const h = deps.handleOf(range);
    if (!isRangeRef(h)) throw fail(method, [range]);
    return h;
  };

  const containerInfo = (p: ChartSpec['position']): AppsScriptObject => ({
    toString: () => 'ContainerInfo',
    getAnchorRow: () => p.anchorRow,
    getAnchorColumn: () => p.anchorColumn,
    getOffsetX: () => p.offsetX,
    getOffsetY: () => p.offsetY,
  });

  const chartOptions = (options: ChartSpec['options']): AppsScriptObject => ({
    toString: () => 'ChartOptions',
    get: (key: unknown) => {
      if (typeof key !== 'string') throw fail('ChartOptions.get', [key]);
      return deps.toRealm(getOptionPath(options, key));
    },
    // Sheets' own defaults are not emulated: an option that is not set reads null either way.
    getOrDefault: (key: unknown) => {
      if (typeof key !== 'string') throw fail('ChartOptions.getOrDefault', [key]);
      return deps.toRealm(getOptionPath(options, key));
    },
  });

  /** An EmbeddedChart: a snapshot of the chart's settings when it was built or read. */
  function chart(wire: WireChart): AppsScriptObject {
    const w = structuredClone(wire);
    const obj: AppsScriptObject = {
      toString: () => 'EmbeddedChart',
      getChartId: () => w.chartId,
      getRanges: () => w.spec.ranges.map((r) => deps.range(r)),
      getOptions: () => chartOptions(w.spec.options),
      getContainerInfo: () => containerInfo(w.spec.position),
      getNumHeaders: () => w.spec.numHeaders,
      getTransposeRowsAndColumns: () => w.spec.transpose,
      getMergeStrategy: () => ChartMergeStrategy[w.spec.mergeStrategy],
      getHiddenDimensionStrategy: () =>
        ChartHiddenDimensionStrategy[w.spec.hiddenDimensionStrategy],
      asDataSourceChart: () => null,
      // A builder holding every current setting, position included, so an update keeps the place
      // the person moved the chart to unless the script sets another.
      modify: () => builder(w.sheet, w.spec, w.chartId),
    };
    deps.register(obj, structuredClone(w));
    return obj;
  }

  /** An EmbeddedChartBuilder for a sheet, starting from `spec` (a copy is kept). */
  function builder(sheet: SheetRef, start: ChartSpec, chartId: number | null): AppsScriptObject {
    const spec = structuredClone(start);
    const make = (cls: string, shortcuts: boolean): AppsScriptObject => {
      const self: AppsScriptObject = { toString: () => cls };
      const m = (name: string) => `${cls}.${name}`;
      Object.assign(self, {
        addRange: (range: unknown) => {
          const r = rangeHandle(m('addRange'), range);
          // Documented: a range the chart already has is not added again.
          if (!spec.ranges.some((x) => sameRange(x, r))) spec.ranges.push({ ...r });
          return self;
        },
        removeRange: (range: unknown) => {
          const r = rangeHandle(m('removeRange'), range);
          spec.ranges = spec.ranges.filter((x) => !sameRange(x, r));
          return self;
        },
        clearRanges: () => {
          spec.ranges = [];
          return self;
        },
        getRanges: () => spec.ranges.map((r) => deps.range(r)),
        setChartType: (type: unknown) => {
          const name = enumName(ChartType, type);
          if (!name) throw fail(m('setChartType'), [type]);
          spec.chartType = name;
          return self;
        },
        getChartType: () => (spec.chartType ? ChartType[spec.chartType] : null),
        setOption: (option: unknown, value: unknown) => {
          if (typeof option !== 'string' || option === '')
            throw fail(m('setOption'), [option, value]);
          setOptionPath(spec.options, option, value);
          return self;
        },
        setPosition: (...args: unknown[]) => {
          if (args.length !== 4 || args.some((a) => typeof a !== 'number' || !Number.isFinite(a)))
            throw fail(m('setPosition'), args);
          const [anchorRow, anchorColumn, offsetX, offsetY] = (args as number[]).map(Math.trunc);
          spec.position = { anchorRow, anchorColumn, offsetX, offsetY };
          return self;
        },
        getContainer: () => containerInfo({ ...spec.position }),
        setNumHeaders: (headers: unknown) => {
          if (typeof headers !== 'number' || !Number.isFinite(headers))
            throw fail(m('setNumHeaders'), [headers]);
          spec.numHeaders = Math.trunc(headers);
          return self;
        },
        setTransposeRowsAndColumns: (transpose: unknown) => {
          if (typeof transpose !== 'boolean')
            throw fail(m('setTransposeRowsAndColumns'), [transpose]);
          spec.transpose = transpose;
          return self;
        },
        setMergeStrategy: (strategy: unknown) => {
          const name = enumName(ChartMergeStrategy, strategy);
          if (!name) throw fail(m('setMergeStrategy'), [strategy]);
          spec.mergeStrategy = name;
          return self;
        },
        setHiddenDimensionStrategy: (strategy: unknown) => {
          const name = enumName(ChartHiddenDimensionStrategy, strategy);
          if (!name) throw fail(m('setHiddenDimensionStrategy'), [strategy]);
          spec.hiddenDimensionStrategy = name;
          return self;
        },
        build: () => chart({ kind: 'EmbeddedChart', sheet, chartId, spec }),
      });
      for (const [method, type] of Object.entries(SHORTCUTS)) {
        self[method] = () => {
          spec.chartType = type;
          return make(`Embedded${type.charAt(0)}${type.slice(1).toLowerCase()}ChartBuilder`, true);
        };
      }
      if (shortcuts) Object.assign(self, shortcutSetters(self, spec, m, fail));
      return self;
    };
    return make('EmbeddedChartBuilder', false);
  }

  return { chart, builder };
}

/** The documented shortcuts of the typed builders, each one an option Sheets stores. */
function shortcutSetters(
  self: AppsScriptObject,
  spec: ChartSpec,
  m: (name: string) => string,
  fail: (method: string, args: unknown[]) => Error,
): AppsScriptObject {
  const text =
    (name: string, option: string) =>
    (value: unknown): AppsScriptObject => {
      if (typeof value !== 'string') throw fail(m(name), [value]);
      setOptionPath(spec.options, option, value);
      return self;
    };
  return {
    setTitle: text('setTitle', 'title'),
    setXAxisTitle: text('setXAxisTitle', 'hAxis.title'),
    setYAxisTitle: text('setYAxisTitle', 'vAxis.title'),
    setColors: (colors: unknown) => {
      if (!Array.isArray(colors) || colors.some((c) => typeof c !== 'string'))
        throw fail(m('setColors'), [colors]);
      setOptionPath(spec.options, 'colors', colors);
      return self;
    },
    setStacked: () => {
      setOptionPath(spec.options, 'isStacked', true);
      return self;
    },
  };
}
