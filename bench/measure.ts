// Measures one strategy run: requests (simulator log), Sheets calls (SpreadsheetApp RPCs) and wall
// time, capped by a budget beyond which the run is repeated at 0 ms latency and its wall time
// estimated from the number of UrlFetchApp round trips.
import { performance } from 'node:perf_hooks';
import type { Runtime } from '../dev/runtime/index';
import type { Simulator } from '../dev/simulator/index';

/** One prepared run: a runtime ready to go (connected, fresh spreadsheet) and how to start it. */
export interface Trial {
  rt: Runtime;
  /** Runs to the end unless `stop()` turns true; returns the data rows found in the sheet. */
  execute(stop: () => boolean): Promise<{ completed: boolean; rows: number }>;
}

export interface Measurement {
  requests: number;
  sheetCalls: number;
  /** UrlFetchApp RPCs (fetch or fetchAll): each waits one latency, whatever its size. */
  roundTrips: number;
  wallMs: number;
  estimated: boolean;
  rows: number;
}

export interface MeasureOptions {
  sim: Simulator;
  latencyMs: number;
  budgetMs: number;
  /** Round trips known in advance: when they alone exceed the budget, skip the capped attempt. */
  predictedRoundTrips?: number;
}

async function attempt(
  sim: Simulator,
  trial: Trial,
  budgetMs: number,
): Promise<Measurement & { completed: boolean }> {
  const rpcBefore = trial.rt.counters.rpcByService.urlfetch ?? 0;
  const sheetsBefore = trial.rt.sheets.calls.total;
  sim.clearLog();
  const start = performance.now();
  const { completed, rows } = await trial.execute(() => performance.now() - start > budgetMs);
  const wallMs = performance.now() - start;
  const measurement = {
    requests: sim.log.length,
    sheetCalls: trial.rt.sheets.calls.total - sheetsBefore,
    roundTrips: (trial.rt.counters.rpcByService.urlfetch ?? 0) - rpcBefore,
    wallMs: Math.round(wallMs),
    estimated: false,
    rows,
    completed,
  };
  sim.clearLog();
  return measurement;
}

/**
 * Runs `newTrial()` at the bench latency within the budget; past it (or when the predicted round
 * trips alone exceed it) runs a fresh trial at 0 ms and adds one latency per round trip, since the
 * runtime's fetchAll sends a whole batch in parallel.
 */
export async function measure(
  newTrial: () => Promise<Trial>,
  opts: MeasureOptions,
): Promise<Measurement> {
  const { sim, latencyMs, budgetMs } = opts;
  const hopeless = (opts.predictedRoundTrips ?? 0) * latencyMs > budgetMs;
  if (!hopeless) {
    sim.settings.latencyMs = latencyMs;
    const first = await attempt(sim, await newTrial(), budgetMs);
    if (first.completed) {
      const { completed: _c, ...m } = first;
      return m;
    }
  }
  sim.settings.latencyMs = 0;
  const fast = await attempt(sim, await newTrial(), Number.POSITIVE_INFINITY);
  sim.settings.latencyMs = latencyMs;
  if (!fast.completed) throw new Error('a run at 0 ms latency did not complete');
  const { completed: _c, ...m } = fast;
  return { ...m, wallMs: m.wallMs + m.roundTrips * latencyMs, estimated: true };
}
