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
 *   not grow with the number of days or batches.
 * - Transient failures (5xx, timeouts, malformed bodies) are retried a bounded number of times
 *   with backoff while the time budget lasts; what still fails waits for a continuation.
 * - Requests fetched but not yet done (a pause came before all of their days were complete) are
 *   carried to the next execution in the user cache, which then does not fetch them again.
 */
import {
  decodeIndexSet,
  isComplete,
  markDone,
  markWritten,
  pendingRequests,
} from '../../core/checkpoint';
import type { ContinuationReason } from '../../core/checkpoint';
import { takeBatch } from '../../core/batching';
import { addResult, type DayCells } from '../../core/day-values';
import { toHttpRequest, type PlannedRequest } from '../../core/planned-request';
import type { Clock, HttpRequest } from '../../core/ports';
import { rateBudgetFor } from '../../core/rate-budget';
import { TimeBudget, type TimeBudgetOptions } from '../../core/time-budget';
import type { UpsertRow } from '../../core/upsert-plan';
import { dataSourceFor } from '../providers';
import type { MetricId } from '../../providers/metrics';
import type { ClassifiedResponse } from '../authorized-fetch';
import { ConnectionError } from '../connection-error';
import type { Carry } from './carry';
import { completedRequests, dayCoverage, writableDays } from './coverage';
import type { SyncJob } from './job-store';

/** Attempts per request and execution for transient failures and malformed bodies. */
export const MAX_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 1_000;
/** A time-budget continuation starts a minute later (a one-off trigger's usual delay). */
const TIME_RESUME_MS = 60_000;
/** Requests that kept failing are tried again this much later. */
const TRANSIENT_RESUME_MS = 10 * 60_000;
/** Executions that may see a request refused before its days are left unfilled for this job. */
export const MAX_REFUSALS = 2;
const HOUR_MS = 3_600_000;

export interface EngineDeps {
  fetcher: { fetchAll(requests: HttpRequest[]): ClassifiedResponse[] };
  clock: Clock;
  sleep(ms: number): void;
  /** Writes the rows (one sheet read, one write per block); headers are the managed columns. */
  writeDays(rows: UpsertRow[], managedHeaders: string[]): void;
  saveJob(job: SyncJob): void;
  /** After every batch, with the number of requests fetched so far (progress while running). */
  onBatch?(fetched: number): void;
  timeBudget?: TimeBudgetOptions;
  /** Where fetched but unwritten values wait for the next execution (none: fetched again). */
  carry?: Pick<Carry, 'load' | 'save' | 'drop'>;
}

export type RunOutcome = {
  job: SyncJob;
  daysWritten: number;
  /** Plain descriptions of requests that failed this time (they name the request). */
  problems: string[];
  /** Metrics found not granted in this execution. */
  newlySkipped: string[];
} & (
  | { kind: 'complete' }
  | { kind: 'paused'; next: { atMs: number; reason: ContinuationReason } }
  | { kind: 'stopped'; error: ConnectionError }
);

interface Item {
  index: number;
  request: PlannedRequest;
}

type Stop =
  | { kind: 'pause'; atMs: number; reason: ContinuationReason }
  | { kind: 'connection'; error: ConnectionError };

/** When to try again after a 429 that did not say (Fitbit: the top of the hour; Google: 1 min). */
function rateRetryAt(providerId: string, nowMs: number, retryAfterMs: number | null): number {
  if (retryAfterMs !== null) return nowMs + retryAfterMs;
  return providerId === 'fitbit' ? (Math.floor(nowMs / HOUR_MS) + 1) * HOUR_MS : nowMs + 60_000;
}

export function runJob(job: SyncJob, deps: EngineDeps): RunOutcome {
  const cp = job.checkpoint;
  const data = dataSourceFor(cp.providerId);
  const plan = data.plan(cp.range, cp.metricIds as MetricId[], cp.units);
  const coverage = dayCoverage(plan);
  const done = decodeIndexSet(cp.done);
  const rate = rateBudgetFor(cp.providerId, cp.rate);
  const time = new TimeBudget(deps.clock.now(), deps.timeBudget);
  const skipped = new Set(job.skipped);
  const refused = new Set(job.refused);
  const refusals = new Map(Object.entries(job.refusals).map(([k, n]) => [Number(k), n]));
  // Refused in this execution: their days are written without them.
  const unfilled = new Set<number>();
  // Refused too often: done for this job, their cells left as they are.
  const givenUp = new Set<number>();
  const fetched = new Set<number>();
  const cells: DayCells = {};
  const problems: string[] = [];
  const attempts = new Map<number, number>();
  let gaveUp = false;
  let queue: Item[] = pendingRequests(cp, plan);
  let stop: Stop | null = null;
  // Answers an earlier execution of this job fetched but could not write yet.
  const carried = deps.carry?.load(queue) ?? new Map<number, DayCells>();
  for (const [index, values] of carried) {
    for (const [date, row] of Object.entries(values)) Object.assign((cells[date] ??= {}), row);
    fetched.add(index);
  }
  queue = queue.filter((item) => !carried.has(item.index));

  while (queue.length > 0 && stop === null) {
    const startedAt = deps.clock.now();
    if (!time.canStartBatch(startedAt)) {
      stop = { kind: 'pause', atMs: startedAt + TIME_RESUME_MS, reason: 'time-budget' };
      break;
    }
    const available = rate.available(startedAt);
    if (available < 1) {
      stop = { kind: 'pause', atMs: rate.nextAvailableAtMs(startedAt), reason: 'rate-limit' };
      break;
    }
    const { batch, rest } = takeBatch(queue, available);
    rate.record(startedAt, batch.length);
    let results: (ClassifiedResponse | undefined)[];
    try {
      results = deps.fetcher.fetchAll(batch.map((b) => toHttpRequest(b.request)));
    } catch (e) {
      if (e instanceof ConnectionError) {
        stop = { kind: 'connection', error: e };
        break;
      }
      // UrlFetchApp throws for the whole fetchAll on a timeout or a network failure.
      results = [];
    }
    const finishedAt = deps.clock.now();
    time.recordBatch(finishedAt - startedAt);

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
      for (const m of item.request.covers.metricIds) leftOut.add(m);
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
      rate.observe(finishedAt, result.response.headers);
      const c = result.class;
      switch (c.kind) {
        case 'ok': {
          const parsed = data.parse(item.request, result.response);
          if (parsed.kind === 'malformed')
            return failed(item, `Unexpected answer: ${parsed.message}`);
          addResult(cells, parsed, item.request.covers);
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
            rateRetryAt(cp.providerId, finishedAt, c.retryAfterMs),
            rate.nextAvailableAtMs(finishedAt),
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
    const retrying = again.filter((i) => (attempts.get(i.index) ?? 0) > 0);
    if (rateStopAt !== null) {
      stop = { kind: 'pause', atMs: rateStopAt, reason: 'rate-limit' };
    } else if (retrying.length > 0) {
      const tries = Math.max(...retrying.map((i) => attempts.get(i.index) ?? 1));
      const backoff = BACKOFF_BASE_MS * 2 ** (tries - 1);
      if (time.remainingMs(deps.clock.now()) > backoff + time.batchEstimateMs) deps.sleep(backoff);
      else {
        gaveUp = true;
        problems.push(...retrying.map((i) => `${i.request.id} did not answer properly`));
        for (const i of retrying) again.splice(again.indexOf(i), 1);
      }
    }
    queue = [...nextPages, ...again, ...rest];
    deps.onBatch?.(fetched.size);
  }

  // Write phase: complete days only, then the checkpoint.
  const answered = new Set([...fetched, ...unfilled]);
  const days = writableDays(coverage, done, answered);
  // A metric refused everywhere in this write gets no column; one refused for some days only
  // keeps its column, and those days' cells stay untouched (undefined).
  const metricIds = (cp.metricIds as MetricId[]).filter(
    (m) => (!skipped.has(m) && !refused.has(m)) || days.some((d) => cells[d]?.[m] !== undefined),
  );
  const columns = data.columns(metricIds, cp.units);
  const rows: UpsertRow[] = days.map((date) => {
    const dayCells = cells[date] ?? {};
    const out: UpsertRow['cells'] = {};
    for (const col of columns) out[col.header] = dayCells[col.metricId];
    return { date, cells: out };
  });
  if (rows.length > 0)
    deps.writeDays(
      rows,
      columns.map((c) => c.header),
    );
  const completed = completedRequests(plan, new Set(days), new Set([...fetched, ...givenUp]));
  if (deps.carry) {
    const finished = new Set(completed);
    const waiting = [...fetched].filter((i) => !finished.has(i));
    deps.carry.save(
      waiting.map((index) => ({ index, request: plan[index] })),
      cells,
    );
    deps.carry.drop(completed.filter((i) => carried.has(i)));
  }
  let checkpoint = markWritten(markDone(cp, completed), days);
  const pause =
    stop?.kind === 'pause'
      ? { atMs: stop.atMs, reason: stop.reason }
      : (gaveUp || unfilled.size > givenUp.size) && stop === null
        ? { atMs: deps.clock.now() + TRANSIENT_RESUME_MS, reason: 'transient' as const }
        : null;
  checkpoint = {
    ...checkpoint,
    rate: rate.toJSON(),
    executions: checkpoint.executions + 1,
    next: isComplete(checkpoint) ? null : pause,
  };
  const newlySkipped = [...skipped].filter((m) => !job.skipped.includes(m));
  const updated: SyncJob = {
    ...job,
    checkpoint,
    skipped: [...skipped],
    refused: [...refused],
    refusals: Object.fromEntries(refusals),
    fetchedNow: 0,
  };
  deps.saveJob(updated);
  const base = { job: updated, daysWritten: rows.length, problems, newlySkipped };
  if (stop?.kind === 'connection') return { ...base, kind: 'stopped', error: stop.error };
  if (isComplete(checkpoint)) return { ...base, kind: 'complete' };
  return {
    ...base,
    kind: 'paused',
    next: pause ?? { atMs: deps.clock.now() + TIME_RESUME_MS, reason: 'time-budget' },
  };
}
