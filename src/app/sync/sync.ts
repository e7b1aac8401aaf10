// The sync use case: "Sync now", a backfill, the daily trigger and continuations all run here,
// one at a time per document (DOCUMENT lock), resuming the stored job where it stopped.
/**
 * API: `runSync(ctx, ports, request)`, `schedule(ports)`, `noteAuthorizationNeeded(ctx)`.
 * The steps live beside it: the job's plan (new-job.ts), one execution's run (engine.ts), the
 * sheet write (sheet-writer.ts) and what follows a run (settle.ts).
 */
import { InvalidCheckpointError } from '../../core/errors';
import type { KeyValueStore } from '../../core/ports';
import type { DuplicateDate } from '../../core/upsert-plan';
import { AuthorizedFetch } from '../authorized-fetch';
import type { AppContext } from '../context';
import { currentSession, type Session } from '../session';
import { Carry } from './carry';
import { runJob, type RunOutcome } from './engine';
import { JobStore, StatusStore, type SyncJob, type SyncMode } from './job-store';
import { SYNC_MESSAGES } from './messages';
import { createJob } from './new-job';
import type { SyncPorts } from './ports';
import { backfillRange, syncNowRange } from './ranges';
import { Schedule } from './schedule';
import { settle, type SyncResult } from './settle';
import { writeDays } from './sheet-writer';

export type { SyncPorts } from './ports';
export type { SyncResult } from './settle';
export { SHEET_NAME } from './sheet-writer';

/** A second sync waits this long for the first one, then says a sync is already running. */
export const LOCK_WAIT_MS = 3_000;

export type SyncRequest =
  | { kind: 'now' }
  | { kind: 'backfill'; start: unknown }
  | { kind: 'scheduled' }
  | { kind: 'continuation' };

export function schedule(ports: SyncPorts): Schedule {
  return new Schedule(ports.triggers, ports.userStore, ports.workbook.id());
}

/** A trigger found the add-on's own authorization missing: say so where the sidebar looks. */
export function noteAuthorizationNeeded(ctx: AppContext): void {
  if (!ctx.documentStore) return;
  new StatusStore(ctx.documentStore).update({
    problem: { message: SYNC_MESSAGES.authorizationNeeded, atMs: ctx.clock.now() },
  });
}

export function runSync(ctx: AppContext, ports: SyncPorts, request: SyncRequest): SyncResult {
  const doc = ctx.documentStore;
  if (!doc) return { ok: false, message: SYNC_MESSAGES.noDocument };
  const status = new StatusStore(doc);
  const session = currentSession(ctx);
  if (!session || !session.client.token()) {
    status.update({ problem: { message: SYNC_MESSAGES.notConnected, atMs: ctx.clock.now() } });
    return { ok: false, message: SYNC_MESSAGES.notConnected };
  }
  if (!ports.lock.tryLock(LOCK_WAIT_MS)) return { ok: false, message: SYNC_MESSAGES.busy };
  try {
    return runLocked(ctx, ports, session, doc, request);
  } finally {
    ports.lock.release();
  }
}

/** The job this request runs: a new backfill, the stored job, or a new sync; null: nothing to do. */
function jobFor(
  ctx: AppContext,
  ports: SyncPorts,
  session: Session,
  doc: KeyValueStore,
  request: SyncRequest,
): { kind: 'job'; job: SyncJob } | { kind: 'none' } | { kind: 'refused'; message: string } {
  const today = ports.workbook.today();
  const now = ctx.clock.now();
  if (request.kind === 'backfill') {
    const range = backfillRange(request.start, today);
    if (!range.ok) return { kind: 'refused', message: range.error };
    return { kind: 'job', job: createJob(session, doc, 'backfill', range.range, now) };
  }
  const stored = new JobStore(doc).load();
  if (stored && stored.checkpoint.providerId === session.provider.id)
    return { kind: 'job', job: stored };
  if (request.kind === 'continuation') return { kind: 'none' };
  const mode: SyncMode = request.kind === 'scheduled' ? 'scheduled' : 'now';
  const range = syncNowRange(new StatusStore(doc).get().lastSyncedDate, today);
  return { kind: 'job', job: createJob(session, doc, mode, range, now) };
}

function runLocked(
  ctx: AppContext,
  ports: SyncPorts,
  session: Session,
  doc: KeyValueStore,
  request: SyncRequest,
): SyncResult {
  const status = new StatusStore(doc);
  const jobs = new JobStore(doc);
  const found = jobFor(ctx, ports, session, doc, request);
  if (found.kind === 'refused') return { ok: false, message: found.message };
  if (found.kind === 'none') {
    schedule(ports).afterRun();
    return { ok: true, message: 'Nothing left to continue.' };
  }
  if (found.job.checkpoint.metricIds.length === 0) {
    jobs.clear();
    status.update({ problem: { message: SYNC_MESSAGES.nothingAllowed, atMs: ctx.clock.now() } });
    return { ok: false, message: SYNC_MESSAGES.nothingAllowed };
  }
  const running: SyncJob = { ...found.job, runningSinceMs: ctx.clock.now(), fetchedNow: 0 };
  jobs.save(running);
  let outcome: RunOutcome;
  let duplicates: DuplicateDate[] = [];
  try {
    outcome = runJob(running, {
      fetcher: new AuthorizedFetch({
        session,
        http: ctx.http,
        lock: ctx.lock,
        connections: ctx.connections,
      }),
      clock: ctx.clock,
      sleep: ports.sleep,
      writeDays: (rows, headers) => {
        duplicates = writeDays(ports.workbook, doc, rows, headers);
      },
      saveJob: (j) => jobs.save({ ...j, runningSinceMs: running.runningSinceMs }),
      onBatch: (fetched) => jobs.save({ ...running, fetchedNow: fetched }),
      carry: ports.cache ? new Carry(ports.cache, carryScope(ports, running)) : undefined,
    });
  } catch (e) {
    if (!(e instanceof InvalidCheckpointError)) throw e;
    jobs.clear();
    status.update({ problem: { message: SYNC_MESSAGES.badCheckpoint, atMs: ctx.clock.now() } });
    return { ok: false, message: SYNC_MESSAGES.badCheckpoint };
  }
  const settled = settle(outcome, ctx.clock.now(), status.get().lastSyncedDate, duplicates);
  if (settled.job.kind === 'clear') jobs.clear();
  else jobs.save(settled.job.job);
  if (settled.schedule.kind === 'continue')
    schedule(ports).scheduleContinuation(settled.schedule.atMs, settled.schedule.reason);
  else schedule(ports).afterRun();
  status.update(settled.status);
  return settled.result;
}

/** One job's cache keys: this document, this provider, the instant the job was created. */
function carryScope(ports: SyncPorts, job: SyncJob): string {
  const cp = job.checkpoint;
  return `sync.carry.${ports.workbook.id()}.${cp.providerId}.${cp.startedAtMs}`;
}
