// Measures a data-breadth run: the simulator log it produced, counted per data type and set
// against the floors, with its Sheets calls, executions and wall time.
import { performance } from 'node:perf_hooks';
import type { Runtime } from '../dev/runtime/index';
import type { RequestLog } from '../dev/simulator/index';
import type { Bed } from './bed';
import type { Floor } from './breadth-floor';

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

const DATA_POINTS = /^\/v4\/users\/[^/]+\/dataTypes\/([^/:]+)\/dataPoints(?::(\w+))?$/;

/** Requests per data type (with the methods used) and the rest, from the simulator's log. */
export function countByType(log: readonly RequestLog[]): {
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

export interface Measured {
  log: RequestLog[];
  sheetCalls: number;
  executions: number;
  wallMs: number;
}

/** Runs `body` at the bench latency and keeps the simulator log it produced. */
export async function measured(
  bed: Bed,
  rt: Runtime,
  latencyMs: number,
  body: () => Promise<void>,
) {
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
export function typeRows(run: string, m: Measured, floors: Map<string, Floor>): BreadthRow[] {
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
