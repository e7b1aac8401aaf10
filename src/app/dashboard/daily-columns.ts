// Where each synced metric sits in the daily sheet, read from its header row at refresh: a column
// the person moved is found where it is now, their own columns are skipped, and a metric added to
// the catalog later (sleep, more heart columns) is found without a list here to update.
import { findColumn } from '../../core/upsert-plan';
import { unitLabels, type Quantity } from '../../core/units';
import { KEY_HEADER, METRICS, type MetricDef, type MetricId } from '../../providers/metrics';

export interface MetricColumn {
  metricId: MetricId;
  def: MetricDef;
  /** 1-based column in the daily sheet. */
  column: number;
  /** The header as found, e.g. 'Distance (km)'. */
  header: string;
  /** The unit part of the header ('km'), or null for a plain count. */
  unit: string | null;
}

export interface DailyColumns {
  dateColumn: number;
  /** Catalog order. */
  metrics: MetricColumn[];
}

function normalize(cell: unknown): string {
  return typeof cell === 'string' ? cell.trim() : '';
}

/**
 * The unit a header shows the metric in, or undefined when the header is not the metric's:
 * 'Steps' for a count, 'Weight (kg)' / 'Weight (lb)' / 'Weight (st)' whichever the units are.
 * A person's own column ('Steps (mine)') is no unit of the metric, so it is not mistaken for it.
 */
function unitIn(header: string, def: MetricDef): string | null | undefined {
  const units = unitLabels(def.quantity);
  if (units.length === 0) return header === def.label ? null : undefined;
  const m = /^(.*) \(([^()]+)\)$/.exec(header);
  return m && m[1] === def.label && units.includes(m[2]) ? m[2] : undefined;
}

/** Null when the header row has no key column (not a daily sheet the add-on wrote). */
export function findDailyColumns(header: readonly unknown[]): DailyColumns | null {
  const dateColumn = findColumn(header, KEY_HEADER);
  if (dateColumn === null) return null;
  const texts = header.map(normalize);
  const metrics: MetricColumn[] = [];
  for (const def of METRICS) {
    const index = texts.findIndex((h) => unitIn(h, def) !== undefined);
    if (index < 0) continue;
    metrics.push({
      metricId: def.id,
      def,
      column: index + 1,
      header: texts[index],
      unit: unitIn(texts[index], def) ?? null,
    });
  }
  return { dateColumn, metrics };
}

/** Quantities whose days add up to a meaningful week (steps, kcal, minutes, distance). */
const ADDITIVE: ReadonlySet<string> = new Set<Quantity>([
  'count',
  'distance',
  'elevation',
  'energy',
  'minutes',
]);

/** Quantities only an average summarises (a week of weights is not a sum). */
const AVERAGED: ReadonlySet<string> = new Set<Quantity>([
  'weight',
  'temperature',
  'temperature-difference',
  'heart-rate',
  'milliseconds',
  'percent',
  'breathing-rate',
  'vo2-max',
]);

/**
 * How a period summarises the metric: 'total' (a total and a daily average), 'average' only, or
 * null for a quantity the summaries do not know how to combine (clock times, say): left out
 * rather than summed into nonsense.
 */
export function summaryKind(def: MetricDef): 'total' | 'average' | null {
  if (ADDITIVE.has(def.quantity)) return 'total';
  if (AVERAGED.has(def.quantity)) return 'average';
  return null;
}
