// What follows a run, decided from its outcome alone: what happens to the stored job (and so
// which trigger the person needs next: schedule.ts reads it from the job), what the status says
// and what the person is told.
/**
 * API: `settle(outcome, nowMs, lastSyncedBefore, duplicates)` -> `Settlement` (pure); sync.ts
 * applies it.
 */
import { compareDates, dayCount, type CivilDate } from '../../core/dates';
import { metric, type MetricId } from '../../providers/metrics';
import type { DuplicateDate } from '../../core/upsert-plan';
import { isRecordSheetId } from '../../core/records';
import { RECORD_SHEETS, recordSheet } from '../../providers/record-sheets';
import type { RunOutcome } from './engine';
import { intradayDoneMessage } from './intraday-job';
import type { SyncJob, SyncStatus } from './job-store';
import { SYNC_MESSAGES } from './messages';

/** A token endpoint that did not answer is asked again this much later. */
const TRANSIENT_RETRY_MS = 10 * 60_000;

export interface SyncResult {
  ok: boolean;
  message: string;
}

export interface Settlement {
  /** A saved job with `checkpoint.next` set is continued; any other needs no continuation. */
  job: { kind: 'save'; job: SyncJob } | { kind: 'clear' };
  status: Partial<SyncStatus>;
  result: SyncResult;
}

/** Metric ids and record sheet ids (a sheet not granted is named like a metric). */
function labels(ids: readonly string[]): string[] {
  return ids.map((id) =>
    isRecordSheetId(id) && RECORD_SHEETS[id] ? recordSheet(id).label : metric(id as MetricId).label,
  );
}

/** Notes about the run that are not failures: data left out and why, dates found twice. */
function notesFor(job: SyncJob, duplicates: readonly DuplicateDate[]): string[] {
  const notes: string[] = [];
  if (job.skipped.length > 0) notes.push(SYNC_MESSAGES.skipped(labels(job.skipped)));
  if (job.refused.length > 0) notes.push(SYNC_MESSAGES.refused(labels(job.refused)));
  if (duplicates.length > 0) notes.push(SYNC_MESSAGES.duplicates(duplicates));
  return notes;
}

export function settle(
  outcome: RunOutcome,
  nowMs: number,
  lastSyncedBefore: CivilDate | null,
  duplicates: readonly DuplicateDate[] = [],
): Settlement {
  const { job } = outcome;
  const notes = notesFor(job, duplicates);
  const problemText = outcome.problems.length > 0 ? SYNC_MESSAGES.problems(outcome.problems) : null;
  if (outcome.kind === 'stopped' && outcome.error.kind === 'transient') {
    // The token endpoint did not answer: nothing is wrong with the account, try again later.
    const next = { atMs: nowMs + TRANSIENT_RETRY_MS, reason: 'transient' as const };
    return {
      job: {
        kind: 'save',
        job: { ...job, runningSinceMs: null, checkpoint: { ...job.checkpoint, next } },
      },
      status: { problem: { message: outcome.error.message, atMs: nowMs }, notes, next },
      result: { ok: false, message: outcome.error.message },
    };
  }
  if (outcome.kind === 'stopped') {
    // Account-level: the person has to act (reconnect, switch provider); no continuation helps.
    const gone = outcome.error.kind === 'retired' || outcome.error.kind === 'account-not-linked';
    // A job kept for later waits for the person (the next Sync now or daily run resumes it).
    const waiting = { ...job, runningSinceMs: null, checkpoint: { ...job.checkpoint, next: null } };
    return {
      job: gone ? { kind: 'clear' } : { kind: 'save', job: waiting },
      status: { problem: { message: outcome.error.message, atMs: nowMs }, notes, next: null },
      result: { ok: false, message: outcome.error.message },
    };
  }
  if (outcome.kind === 'paused') {
    return {
      job: {
        kind: 'save',
        job: {
          ...job,
          runningSinceMs: null,
          checkpoint: { ...job.checkpoint, next: outcome.next },
        },
      },
      status: {
        problem: problemText ? { message: problemText, atMs: nowMs } : null,
        notes,
        next: outcome.next,
      },
      result: { ok: true, message: problemText ?? SYNC_MESSAGES.paused(outcome.next.reason) },
    };
  }
  const range = job.checkpoint.range;
  const days = dayCount(range);
  if (job.checkpoint.intraday) {
    // An intraday fetch is not a sync of the daily sheet: its last sync and window stay as they are.
    const message = intradayDoneMessage(job.checkpoint);
    return {
      job: { kind: 'clear' },
      status: {
        problem: problemText ? { message: problemText, atMs: nowMs } : null,
        notes: [message],
        next: null,
      },
      result: { ok: true, message },
    };
  }
  return {
    job: { kind: 'clear' },
    status: {
      lastSync: { atMs: nowMs, days, mode: job.mode },
      lastSyncedDate:
        lastSyncedBefore && compareDates(lastSyncedBefore, range.end) > 0
          ? lastSyncedBefore
          : range.end,
      problem: problemText ? { message: problemText, atMs: nowMs } : null,
      notes,
      next: null,
    },
    result: { ok: true, message: notes[0] ?? SYNC_MESSAGES.done(days) },
  };
}
