// The end of one execution's run, as pure decisions: which rows to write (complete days only),
// which requests that makes done, the job to save, and the outcome to report.
/**
 * API: `writePlan(state, env)` -> `WritePlan`, `closedJob(job, state, env, write, nowMs)`,
 * `outcomeOf(job, closed, state, write)`, `RunOutcome`.
 */
import { isComplete, markDone, markWritten } from '../../core/checkpoint';
import type { ContinuationReason } from '../../core/checkpoint';
import type { CivilDate } from '../../core/dates';
import type { DayCells } from '../../core/day-values';
import type { UpsertRow } from '../../core/upsert-plan';
import type { MetricId } from '../../providers/metrics';
import type { ConnectionError } from '../connection-error';
import { completedRequests, writableDays } from './coverage';
import type { SyncJob } from './job-store';
import type { Item, RunEnv, RunState } from './run-state';

/** Requests that kept failing are tried again this much later. */
const TRANSIENT_RESUME_MS = 10 * 60_000;

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

export interface WritePlan {
  rows: UpsertRow[];
  /** The managed columns of this job (metrics neither skipped nor refused). */
  headers: string[];
  days: CivilDate[];
  /** Fetched requests all of whose days are written now: they become done. */
  completed: number[];
  /** Fetched requests some of whose days still wait for others: carried to the next execution. */
  waiting: Item[];
}

export function writePlan(state: RunState, env: RunEnv): WritePlan {
  const cp = env.checkpoint;
  const answered = new Set([...state.fetched, ...state.unfilled]);
  const days = writableDays(env.coverage, env.done, answered);
  // A metric refused everywhere in this write gets no column; one refused for some days only
  // keeps its column, and those days' cells stay untouched (undefined).
  // Derived metrics (BMI) are computed from their ingredients once every request of a day is in.
  const derive = env.data.derive ?? ((c: DayCells[string]) => c);
  const cellsOf = new Map(days.map((d) => [d, derive(state.cells[d] ?? {})]));
  const metricIds = (cp.metricIds as MetricId[]).filter(
    (m) =>
      (!state.skipped.has(m) && !state.refused.has(m)) ||
      days.some((d) => cellsOf.get(d)?.[m] !== undefined),
  );
  const columns = env.data.columns(metricIds, cp.units, cp.weightUnit);
  const rows: UpsertRow[] = days.map((date) => {
    const dayCells = cellsOf.get(date) ?? {};
    const out: UpsertRow['cells'] = {};
    for (const col of columns) out[col.header] = dayCells[col.metricId];
    return { date, cells: out };
  });
  const completed = completedRequests(
    env.plan,
    new Set(days),
    new Set([...state.fetched, ...state.givenUp]),
  );
  const finished = new Set(completed);
  const waiting = [...state.fetched]
    .filter((i) => !finished.has(i))
    .map((index) => ({ index, request: env.plan[index] }));
  return { rows, headers: columns.map((c) => c.header), days, completed, waiting };
}

export interface Closed {
  job: SyncJob;
  /** When the job continues, if it is not complete and something paused it. */
  pause: { atMs: number; reason: ContinuationReason } | null;
}

/** The job after this execution: done requests and written days recorded, the next step set. */
export function closedJob(
  job: SyncJob,
  state: RunState,
  env: RunEnv,
  write: WritePlan,
  nowMs: number,
): Closed {
  const marked = markWritten(markDone(env.checkpoint, write.completed), write.days);
  const stop = state.stop;
  const pause =
    stop?.kind === 'pause'
      ? { atMs: stop.atMs, reason: stop.reason }
      : (state.gaveUp || state.unfilled.size > state.givenUp.size) && stop === null
        ? { atMs: nowMs + TRANSIENT_RESUME_MS, reason: 'transient' as const }
        : null;
  const checkpoint = {
    ...marked,
    rate: env.rate.toJSON(),
    executions: marked.executions + 1,
    next: isComplete(marked) ? null : pause,
  };
  return {
    job: {
      ...job,
      checkpoint,
      skipped: [...state.skipped],
      refused: [...state.refused],
      refusals: Object.fromEntries(state.refusals),
      fetchedNow: 0,
    },
    pause,
  };
}

/** What the run reports; `fallbackNext` is the continuation of a job left unfinished unpaused. */
export function outcomeOf(
  before: SyncJob,
  closed: Closed,
  state: RunState,
  write: WritePlan,
  fallbackNext: { atMs: number; reason: ContinuationReason },
): RunOutcome {
  const base = {
    job: closed.job,
    daysWritten: write.rows.length,
    problems: [...state.problems],
    newlySkipped: [...state.skipped].filter((m) => !before.skipped.includes(m)),
  };
  if (state.stop?.kind === 'connection')
    return { ...base, kind: 'stopped', error: state.stop.error };
  if (isComplete(closed.job.checkpoint)) return { ...base, kind: 'complete' };
  return { ...base, kind: 'paused', next: closed.pause ?? fallbackNext };
}
