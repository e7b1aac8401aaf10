// What a refresh does to the Dashboard's charts, decided from ids alone: a planned chart the add-on
// knows and still finds on the sheet is updated in place (through modify(), keeping where the
// person moved or resized it); one not found is inserted; one of the add-on's charts no longer
// planned (its metric left the daily sheet) is removed. Charts with ids the add-on never stored
// are the person's: never touched.
import type { ChartKey, PlannedChart } from './charts';

export interface ChartActions {
  update: { chart: PlannedChart; chartId: number }[];
  insert: PlannedChart[];
  remove: number[];
}

export function chartActions(
  planned: readonly PlannedChart[],
  known: Partial<Record<ChartKey, number>>,
  onSheet: readonly number[],
): ChartActions {
  const present = new Set(onSheet);
  const wanted = new Set(planned.map((c) => c.key));
  const update: ChartActions['update'] = [];
  const insert: PlannedChart[] = [];
  for (const chart of planned) {
    const id = known[chart.key];
    if (id !== undefined && present.has(id)) update.push({ chart, chartId: id });
    else insert.push(chart);
  }
  const remove = (Object.entries(known) as [ChartKey, number][])
    .filter(([key, id]) => !wanted.has(key) && present.has(id))
    .map(([, id]) => id);
  return { update, insert, remove };
}

/**
 * The ids of the inserted charts: the charts on the sheet after the inserts that were not there
 * before, in the order they were inserted (getCharts lists in insertion order).
 */
export function insertedIds(
  inserted: readonly PlannedChart[],
  before: readonly number[],
  after: readonly number[],
): Partial<Record<ChartKey, number>> {
  const old = new Set(before);
  const fresh = after.filter((id) => !old.has(id));
  const out: Partial<Record<ChartKey, number>> = {};
  inserted.forEach((chart, i) => {
    if (fresh[i] !== undefined) out[chart.key] = fresh[i];
  });
  return out;
}
