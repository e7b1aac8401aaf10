// The data-breadth run of `npm run bench`: a year of every Google Health daily metric in the
// catalog, then a week of intraday, each data type's requests set against its floor.
/**
 * API: `runBreadth(bed, opts)` -> { rows, totals }: one `BreadthRow` per data type a run read (or
 * should have read), one `BreadthTotals` per run. The metrics are whatever the catalog holds when
 * the bench runs (src/providers/metrics.ts), not a fixed list, so a metric added later is measured
 * without touching the bench. Floors come from bench/breadth-floor.ts (simulator data and the
 * documented caps), never from the add-on's planner.
 */
import { performance } from 'node:perf_hooks';
import type { Runtime } from '../dev/runtime/index';
import type { RequestLog } from '../dev/simulator/index';
import { dayCount, type DateRange } from '../src/core/dates';
import { METRICS, type MetricId } from '../src/providers/metrics';
import { dataRows, runWithContinuations, SHEET_NAME } from './addon';
import { rangeEndingToday } from './baselines';
import { BENCH_USER, callAddOn, connectAddOn, newRuntime, type Bed } from './bed';
import { catalogDataTypes, dailyFloor, type Floor } from './breadth-floor';

export interface BreadthRow {
  run: string;
  dataType: string;
  /** API methods seen for the type ('dailyRollUp', 'list', 'rollUp'). */
  methods: string;
  requests: number;
  floor: number;
  basis: string;
}

export interface BreadthTotals {
  run: string;
  days: number;
  metrics: number;
  /** Requests to data types plus the others (token refresh, identity). */
  requests: number;
  otherRequests: number;
  sheetCalls: number;
  executions: number;
  wallMs: number;
  /** Data rows per sheet the run filled. */
  rows: Record<string, number>;
}

export interface BreadthOptions {
  days: number;
  latencyMs: number;
}

const DATA_POINTS = /^\/v4\/users\/[^/]+\/dataTypes\/([^/:]+)\/dataPoints(?::(\w+))?$/;

/** Every daily metric Google Health supplies, in catalog order. */
export function googleDailyMetricIds(): MetricId[] {
  return METRICS.filter((m) => m.google !== null).map((m) => m.id);
}

/** Requests per data type (with the methods used) and the rest, from the simulator's log. */
function countByType(log: readonly RequestLog[]): {
  byType: Map<string, { requests: number; methods: Set<string> }>;
  other: number;
} {
  const byType = new Map<string, { requests: number; methods: Set<string> }>();
  let other = 0;
  for (const entry of log) {
    const m = entry.host === 'health.googleapis.com' ? DATA_POINTS.exec(entry.path) : null;
    if (!m) {
      other++;
      continue;
    }
    const seen = byType.get(m[1]) ?? { requests: 0, methods: new Set<string>() };
    seen.requests++;
    seen.methods.add(m[2] ?? 'list');
    byType.set(m[1], seen);
  }
  return { byType, other };
}

interface Measured {
  log: RequestLog[];
  sheetCalls: number;
  executions: number;
  wallMs: number;
}

/** Runs `body` at the bench latency and keeps the simulator log it produced. */
async function measured(bed: Bed, rt: Runtime, latencyMs: number, body: () => Promise<void>) {
  const sheetsBefore = rt.sheets.calls.total;
  const executionsBefore = rt.counters.executions;
  bed.sim.settings.latencyMs = latencyMs;
  bed.sim.clearLog();
  const start = performance.now();
  await body();
  const wallMs = Math.round(performance.now() - start);
  const out: Measured = {
    log: [...bed.sim.log],
    sheetCalls: rt.sheets.calls.total - sheetsBefore,
    executions: rt.counters.executions - executionsBefore,
    wallMs,
  };
  bed.sim.clearLog();
  return out;
}

/** Rows for every type expected (with its floor) and every type requested though not expected. */
function typeRows(run: string, m: Measured, floors: Map<string, Floor>): BreadthRow[] {
  const { byType } = countByType(m.log);
  const rows: BreadthRow[] = [];
  for (const [dataType, floor] of floors) {
    const seen = byType.get(dataType);
    rows.push({
      run,
      dataType,
      methods: seen ? [...seen.methods].sort().join(', ') : '-',
      requests: seen?.requests ?? 0,
      floor: floor.requests,
      basis: floor.basis,
    });
  }
  for (const [dataType, seen] of byType) {
    if (floors.has(dataType)) continue;
    rows.push({
      run,
      dataType,
      methods: [...seen.methods].sort().join(', '),
      requests: seen.requests,
      floor: 0,
      basis: 'not needed by the chosen data',
    });
  }
  return rows;
}

/** A year (by default) of every daily metric, by the add-on's own backfill and continuations. */
async function dailyRun(
  bed: Bed,
  rt: Runtime,
  metrics: MetricId[],
  range: DateRange,
  latencyMs: number,
) {
  const timeZone = bed.sim.user(BENCH_USER).timeZone;
  const spreadsheetId = rt.sheets.createSpreadsheet(`breadth ${range.start}`, timeZone);
  await callAddOn(rt, 'saveSyncSettings', [{ metrics, units: 'metric' }], spreadsheetId);
  const floors = new Map<string, Floor>();
  for (const dataType of catalogDataTypes(metrics).keys())
    floors.set(dataType, dailyFloor(bed.sim, BENCH_USER, dataType, range));
  const m = await measured(bed, rt, latencyMs, async () => {
    const entry = { fn: 'startBackfill', args: [range.start] };
    await runWithContinuations(rt, bed.clock, spreadsheetId, entry, () => false);
  });
  const days = dayCount(range);
  const rows = { [SHEET_NAME]: dataRows(rt, spreadsheetId) };
  if (rows[SHEET_NAME] !== days)
    throw new Error(
      `breadth: the ${SHEET_NAME} sheet has ${rows[SHEET_NAME]} rows for ${days} days`,
    );
  const run = `daily ${days} d`;
  const totals: BreadthTotals = {
    run,
    days,
    metrics: metrics.length,
    requests: m.log.length,
    otherRequests: countByType(m.log).other,
    sheetCalls: m.sheetCalls,
    executions: m.executions,
    wallMs: m.wallMs,
    rows,
  };
  return { rows: typeRows(run, m, floors), totals };
}

export async function runBreadth(
  bed: Bed,
  opts: BreadthOptions,
): Promise<{ rows: BreadthRow[]; totals: BreadthTotals[] }> {
  const timeZone = bed.sim.user(BENCH_USER).timeZone;
  const rt = await newRuntime(bed, timeZone);
  try {
    const metrics = googleDailyMetricIds();
    // The consent asks for the scopes the document's metrics need: choose them all first.
    await callAddOn(rt, 'saveSyncSettings', [{ metrics, units: 'metric' }]);
    await connectAddOn(bed, rt, 'google-health');
    const range = rangeEndingToday(bed.clock.now(), timeZone, opts.days);
    const daily = await dailyRun(bed, rt, metrics, range, opts.latencyMs);
    return { rows: daily.rows, totals: [daily.totals] };
  } finally {
    await rt.close();
  }
}
