// The state of one execution's fetch loop and its steps: each step takes the state and what
// happened (a clock reading, a batch's answers) and returns the next state or a decision.
/**
 * API: `RunState`, `RunEnv`, `Item`, `Stop`, `startState(job, pending, carried)`,
 * `gate(state, env, nowMs)`, `absorbBatch(state, env, batch, rest, results, finishedAtMs)`,
 * `retryStep(state, env, again, nowMs)`, `withStop(state, stop)`.
 * The steps never touch Apps Script: the engine (engine.ts) runs them and performs the effects
 * (fetching, sleeping, writing). The fetched cells and records are the accumulators that grow in
 * place: copying every day's values on every batch would cost more than the whole run.
 */
import type { ContinuationReason, SyncCheckpoint } from '../../core/checkpoint';
import { addResult, type DayCells } from '../../core/day-values';
import type { PlannedRequest } from '../../core/planned-request';
import type { RecordSheetId, SheetRecord } from '../../core/records';
import type { RateBudget } from '../../core/rate-budget';
import type { TimeBudget } from '../../core/time-budget';
import type { DataSource } from '../../providers/data-source';
import { metricOfKey } from '../../providers/metrics';
import type { ClassifiedResponse } from '../authorized-fetch';
import type { ConnectionError } from '../connection-error';
import type { DayCoverage } from './coverage';
import type { SyncJob } from './job-store';

/** Attempts per request and execution for transient failures and malformed bodies. */
export const MAX_ATTEMPTS = 3;
/** Executions that may see a request refused before its days are left unfilled for this job. */
export const MAX_REFUSALS = 2;
const BACKOFF_BASE_MS = 1_000;
const HOUR_MS = 3_600_000;

export interface Item {
  index: number;
  request: PlannedRequest;
}

export type Stop =
  | { kind: 'pause'; atMs: number; reason: ContinuationReason }
  | { kind: 'connection'; error: ConnectionError };

/** What does not change during the run: the job's plan and the budgets that pace it. */
export interface RunEnv {
  checkpoint: SyncCheckpoint;
  data: DataSource;
  plan: PlannedRequest[];
  coverage: DayCoverage;
  /** Requests done before this execution (their days are in the sheet). */
  done: ReadonlySet<number>;
  /** The provider's request budget: it observes answers' rate headers as they come. */
  rate: RateBudget;
  time: TimeBudget;
}

export interface RunState {
  /** Requests (or follow-up pages) still to fetch, in order. */
  queue: Item[];
  /** Requests fetched completely in this execution (or carried from the last one). */
  fetched: ReadonlySet<number>;
  /** Requests whose answers came from the carry, not from a fetch now. */
  carried: ReadonlySet<number>;
  cells: DayCells;
  /** Record-sheet rows fetched in this execution: written before it ends, never carried. */
  records: SheetRecord[];
  /** Record sheets some answer of this execution fed (written even with no row: the header). */
  recordSheets: Set<RecordSheetId>;
  /** Plain descriptions of requests that failed this time. */
  problems: readonly string[];
  /** Failed attempts per request in this execution. */
  attempts: ReadonlyMap<number, number>;
  /** Some request was given up on in this execution: the job retries it later. */
  gaveUp: boolean;
  /** Metrics found not granted (the job leaves their columns alone). */
  skipped: ReadonlySet<string>;
  /** Metrics whose requests the provider refused (left out for this job). */
  refused: ReadonlySet<string>;
  /** How many executions saw each request (by plan index) refused, this one included. */
  refusals: ReadonlyMap<number, number>;
  /** Refused in this execution: their days are written without them. */
  unfilled: ReadonlySet<number>;
  /** Refused too often: done for this job, their cells left as they are. */
  givenUp: ReadonlySet<number>;
  /** Why the fetch loop ended early, if it did. */
  stop: Stop | null;
}

/** The state before the first batch: the pending requests, less those an earlier one carried. */
export function startState(
  job: SyncJob,
  pending: readonly Item[],
  carried: ReadonlyMap<number, DayCells>,
): RunState {
  const cells: DayCells = {};
  for (const values of carried.values())
    for (const [date, row] of Object.entries(values)) Object.assign((cells[date] ??= {}), row);
  return {
    queue: pending.filter((item) => !carried.has(item.index)),
    fetched: new Set(carried.keys()),
    carried: new Set(carried.keys()),
    cells,
    records: [],
    recordSheets: new Set(),
    problems: [],
    attempts: new Map(),
    gaveUp: false,
    skipped: new Set(job.skipped),
    refused: new Set(job.refused),
    refusals: new Map(Object.entries(job.refusals).map(([k, n]) => [Number(k), n])),
    unfilled: new Set(),
    givenUp: new Set(),
    stop: null,
  };
}

export function withStop(state: RunState, stop: Stop): RunState {
  return { ...state, stop };
}

/** Whether another batch may start now, and how large: the time and rate budgets decide. */
export function gate(
  env: RunEnv,
  nowMs: number,
): { kind: 'go'; available: number } | { kind: 'stop'; stop: Stop } {
  if (!env.time.canStartBatch(nowMs))
    return {
      kind: 'stop',
      // The job may go on at once: the open sidebar drives it; else a trigger an hour out.
      stop: { kind: 'pause', atMs: nowMs, reason: 'time-budget' },
    };
  const available = env.rate.available(nowMs);
  if (available < 1)
    return {
      kind: 'stop',
      stop: { kind: 'pause', atMs: env.rate.nextAvailableAtMs(nowMs), reason: 'rate-limit' },
    };
  return { kind: 'go', available };
}

/** When to try again after a 429 that did not say (Fitbit: the top of the hour; Google: 1 min). */
function rateRetryAt(providerId: string, nowMs: number, retryAfterMs: number | null): number {
  if (retryAfterMs !== null) return nowMs + retryAfterMs;
  return providerId === 'fitbit' ? (Math.floor(nowMs / HOUR_MS) + 1) * HOUR_MS : nowMs + 60_000;
}

export interface Absorbed {
  state: RunState;
  /** Requests to send again (rate-limited, or failed with attempts left). */
  again: Item[];
  /** Follow-up pages of answers that came in parts. */
  nextPages: Item[];
  /** The instant a 429 asks to wait for, if any answer was one. */
  rateStopAt: number | null;
}

/**
 * Takes one batch's answers (missing ones: a timeout or network failure) into the state. The
 * rate budget observes each answer's headers: that is the one effect, on the budget the run owns.
 */
export function absorbBatch(
  state: RunState,
  env: RunEnv,
  batch: readonly Item[],
  results: readonly (ClassifiedResponse | undefined)[],
  finishedAtMs: number,
): Absorbed {
  const fetched = new Set(state.fetched);
  const attempts = new Map(state.attempts);
  const skipped = new Set(state.skipped);
  const refused = new Set(state.refused);
  const refusals = new Map(state.refusals);
  const unfilled = new Set(state.unfilled);
  const givenUp = new Set(state.givenUp);
  const problems = [...state.problems];
  let gaveUp = state.gaveUp;
  const nextPages: Item[] = [];
  const again: Item[] = [];
  let rateStopAt: number | null = null;
  const refuse = (item: Item, leftOut: Set<string>, message: string) => {
    const n = (refusals.get(item.index) ?? 0) + 1;
    refusals.set(item.index, n);
    unfilled.add(item.index);
    if (n < MAX_REFUSALS) {
      problems.push(`${item.request.id} was refused (${message}); asked again later`);
      return;
    }
    givenUp.add(item.index);
    // An ingredient key (BMI's height) leaves out the metric it serves.
    for (const m of item.request.covers.metricIds) leftOut.add(metricOfKey(m));
    for (const sheet of item.request.records ?? []) leftOut.add(sheet);
  };
  const failed = (item: Item, message: string) => {
    const n = (attempts.get(item.index) ?? 0) + 1;
    attempts.set(item.index, n);
    if (n < MAX_ATTEMPTS) again.push(item);
    else {
      gaveUp = true;
      problems.push(message);
    }
  };
  batch.forEach((item, k) => {
    const result = results[k];
    if (!result) return failed(item, `No answer to ${item.request.id} (timeout or network)`);
    env.rate.observe(finishedAtMs, result.response.headers);
    const c = result.class;
    switch (c.kind) {
      case 'ok': {
        const parsed = env.data.parse(item.request, result.response);
        if (parsed.kind === 'malformed')
          return failed(item, `Unexpected answer: ${parsed.message}`);
        addResult(state.cells, parsed, item.request.covers);
        // Records of every page are kept, also of a list a pause cuts short: the upsert makes
        // writing them again (when the list is fetched again) change nothing.
        if (parsed.records) for (const r of parsed.records) state.records.push(r);
        for (const sheet of item.request.records ?? []) state.recordSheets.add(sheet);
        if (parsed.next) nextPages.push({ index: item.index, request: parsed.next });
        else fetched.add(item.index);
        return;
      }
      case 'scope-missing':
        return refuse(item, skipped, c.message);
      case 'rate-limited':
        again.push(item);
        rateStopAt = Math.max(
          rateStopAt ?? 0,
          rateRetryAt(env.checkpoint.providerId, finishedAtMs, c.retryAfterMs),
          env.rate.nextAvailableAtMs(finishedAtMs),
        );
        return;
      case 'transient':
        return failed(item, `${item.request.id}: ${c.message}`);
      case 'malformed':
        return failed(item, `Unexpected answer to ${item.request.id}: ${c.message}`);
      case 'client-error':
        // The provider refuses this request as such (a data type it cannot roll up, say).
        return refuse(item, refused, c.message);
      default:
        // Token and account states are settled by the authorized fetch before this point.
        attempts.set(item.index, MAX_ATTEMPTS);
        gaveUp = true;
        problems.push(`${item.request.id}: ${c.kind}`);
    }
  });
  return {
    state: {
      ...state,
      fetched,
      attempts,
      skipped,
      refused,
      refusals,
      unfilled,
      givenUp,
      problems,
      gaveUp,
    },
    again,
    nextPages,
    rateStopAt,
  };
}

export type RetryStep =
  | { kind: 'none' }
  | { kind: 'sleep'; ms: number }
  /** No time left to wait: these requests are given up on for this execution. */
  | { kind: 'give-up'; state: RunState; again: Item[] };

/** After a batch with failures to retry: wait with backoff if time allows, else give up on them. */
export function retryStep(
  state: RunState,
  env: RunEnv,
  again: readonly Item[],
  nowMs: number,
): RetryStep {
  const retrying = again.filter((i) => (state.attempts.get(i.index) ?? 0) > 0);
  if (retrying.length === 0) return { kind: 'none' };
  const tries = Math.max(...retrying.map((i) => state.attempts.get(i.index) ?? 1));
  const backoff = BACKOFF_BASE_MS * 2 ** (tries - 1);
  if (env.time.remainingMs(nowMs) > backoff + env.time.batchEstimateMs)
    return { kind: 'sleep', ms: backoff };
  return {
    kind: 'give-up',
    state: {
      ...state,
      gaveUp: true,
      problems: [
        ...state.problems,
        ...retrying.map((i) => `${i.request.id} did not answer properly`),
      ],
    },
    again: again.filter((i) => !retrying.includes(i)),
  };
}
