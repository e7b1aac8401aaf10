// One execution's share of a sync job: fetch the pending requests in rate-sized batches, classify
// and parse every answer, write the days that are complete, save the checkpoint, and say whether
// the job is done, paused (time, rate, transient failures) or stopped (the account needs the person).
/**
 * API: `runJob(job, deps)` -> `RunOutcome`.
 * Rules it keeps:
 * - A day is written only when every planned request covering it is fetched or refused, so a
 *   stop never leaves a half-written row.
 * - A refusal (a scope not granted, a request the provider rejects as such) is scoped to what was
 *   refused: that request's own days of its own metrics are left as they are in the sheet, every
 *   other value is written, and the request is asked again in a later execution. Only after
 *   `MAX_REFUSALS` executions refused it is it given up (its metrics named in the job's notes).
 * - A request is marked done only once all its days are written; a kill before the checkpoint is
 *   saved only costs refetching, and the re-write puts the same values in the same rows.
 * - The sheet is written once per execution, after the last batch: the number of Sheets calls does
 *   not grow with the number of days or batches. Record sheets too: the records fetched in this
 *   execution are written (upserted by key) before it ends, once per record sheet, and are never
 *   carried to a later execution (fetching them again is harmless: the upsert is idempotent).
 * - Transient failures (5xx, timeouts, malformed bodies) are retried a bounded number of times
 *   with backoff while the time budget lasts; what still fails waits for a continuation.
 * - Requests fetched but not yet done (a pause came before all of their days were complete) are
 *   carried to the next execution in the user cache, which then does not fetch them again.
 */
import { decodeIndexSet, pendingRequests } from '../../core/checkpoint';
import { takeBatch } from '../../core/batching';
import type { DayCells } from '../../core/day-values';
import { toHttpRequest } from '../../core/planned-request';
import type { Clock, HttpRequest } from '../../core/ports';
import { rateBudgetFor } from '../../core/rate-budget';
import { TimeBudget, type TimeBudgetOptions } from '../../core/time-budget';
import type { UpsertRow } from '../../core/upsert-plan';
import type { RecordSheetId, SheetRecord } from '../../core/records';
import { dataSourceFor } from '../providers';
import type { ClassifiedResponse } from '../authorized-fetch';
import { ConnectionError } from '../connection-error';
import type { Carry } from './carry';
import { dayCoverage } from './coverage';
import type { SyncJob } from './job-store';
import { jobPlan } from './job-plan';
import { closedJob, outcomeOf, writePlan, type RunOutcome } from './run-close';
import {
  absorbBatch,
  gate,
  retryStep,
  startState,
  withStop,
  type Item,
  type RunEnv,
  type RunState,
} from './run-state';

export { MAX_ATTEMPTS, MAX_REFUSALS } from './run-state';
export type { RunOutcome } from './run-close';

export interface EngineDeps {
  fetcher: { fetchAll(requests: HttpRequest[]): ClassifiedResponse[] };
  clock: Clock;
  sleep(ms: number): void;
  /** Writes the rows (one sheet read, one write per block); headers are the managed columns. */
  writeDays(rows: UpsertRow[], managedHeaders: string[]): void;
  /** Upserts record-sheet rows into these sheets (a fixed number of Sheets calls per sheet). */
  writeRecords?(records: SheetRecord[], sheets: RecordSheetId[]): void;
  saveJob(job: SyncJob): void;
  /** After every batch, with the number of requests fetched so far (progress while running). */
  onBatch?(fetched: number): void;
  timeBudget?: TimeBudgetOptions;
  /** Where fetched but unwritten values wait for the next execution (none: fetched again). */
  carry?: Pick<Carry, 'load' | 'save' | 'drop'>;
}

function runEnv(job: SyncJob, deps: EngineDeps): RunEnv {
  const cp = job.checkpoint;
  const data = dataSourceFor(cp.providerId);
  const plan = jobPlan(cp);
  return {
    checkpoint: cp,
    data,
    plan,
    coverage: dayCoverage(plan),
    done: decodeIndexSet(cp.done),
    rate: rateBudgetFor(cp.providerId, cp.rate),
    time: new TimeBudget(deps.clock.now(), deps.timeBudget),
  };
}

/** Sends one batch; a ConnectionError (the account needs the person) ends the run. */
function fetchBatch(
  deps: EngineDeps,
  batch: readonly Item[],
):
  | { kind: 'answers'; results: (ClassifiedResponse | undefined)[] }
  | { kind: 'stop'; error: ConnectionError } {
  try {
    return {
      kind: 'answers',
      results: deps.fetcher.fetchAll(batch.map((b) => toHttpRequest(b.request))),
    };
  } catch (e) {
    if (e instanceof ConnectionError) return { kind: 'stop', error: e };
    // UrlFetchApp throws for the whole fetchAll on a timeout or a network failure.
    return { kind: 'answers', results: [] };
  }
}

/** One pass of the fetch loop: gate, fetch, absorb, retry; returns the next state. */
function step(state: RunState, env: RunEnv, deps: EngineDeps): RunState {
  const startedAt = deps.clock.now();
  const open = gate(env, startedAt);
  if (open.kind === 'stop') return withStop(state, open.stop);
  const { batch, rest } = takeBatch(state.queue, open.available);
  env.rate.record(startedAt, batch.length);
  const answer = fetchBatch(deps, batch);
  if (answer.kind === 'stop') return withStop(state, { kind: 'connection', error: answer.error });
  const finishedAt = deps.clock.now();
  env.time.recordBatch(finishedAt - startedAt);
  const absorbed = absorbBatch(state, env, batch, answer.results, finishedAt);
  let next = absorbed.state;
  let again = absorbed.again;
  if (absorbed.rateStopAt !== null) {
    next = withStop(next, { kind: 'pause', atMs: absorbed.rateStopAt, reason: 'rate-limit' });
  } else {
    const retry = retryStep(next, env, again, deps.clock.now());
    if (retry.kind === 'sleep') deps.sleep(retry.ms);
    if (retry.kind === 'give-up') ({ state: next, again } = retry);
  }
  next = { ...next, queue: [...absorbed.nextPages, ...again, ...rest] };
  deps.onBatch?.(next.fetched.size);
  return next;
}

export function runJob(job: SyncJob, deps: EngineDeps): RunOutcome {
  const env = runEnv(job, deps);
  const pending = pendingRequests(env.checkpoint, env.plan);
  // Answers an earlier execution of this job fetched but could not write yet.
  const carried = deps.carry?.load(pending) ?? new Map<number, DayCells>();
  let state = startState(job, pending, carried);
  while (state.queue.length > 0 && state.stop === null) state = step(state, env, deps);

  // Write phase: the records fetched, complete days only, then the checkpoint.
  if (state.recordSheets.size > 0) deps.writeRecords?.(state.records, [...state.recordSheets]);
  const write = writePlan(state, env);
  if (write.rows.length > 0) deps.writeDays(write.rows, write.headers);
  if (deps.carry) {
    deps.carry.save(write.waiting, state.cells);
    deps.carry.drop(write.completed.filter((i) => state.carried.has(i)));
  }
  const closed = closedJob(job, state, env, write, deps.clock.now());
  deps.saveJob(closed.job);
  return outcomeOf(job, closed, state, write, { atMs: deps.clock.now(), reason: 'time-budget' });
}
