// The sync use case: "Sync now", a backfill, the daily trigger and continuations all run here,
// one at a time per document (DOCUMENT lock), resuming the stored job where it stopped.
import { InvalidCheckpointError } from '../../core/errors';
import { compareDates, dayCount, type DateRange } from '../../core/dates';
import { planUpsert, type DuplicateDate, type UpsertRow } from '../../core/upsert-plan';
import type { KeyValueStore } from '../../core/ports';
import { dataSourceFor } from '../providers';
import { KEY_HEADER, metric, unitColumnsFor, type MetricId } from '../../providers/metrics';
import { AuthorizedFetch } from '../authorized-fetch';
import { grantedOrRequested } from '../connect';
import type { AppContext } from '../context';
import { currentSession, type Session } from '../session';
import { Carry } from './carry';
import { runJob, type RunOutcome } from './engine';
import { JobStore, newJob, StatusStore, type SyncJob, type SyncMode } from './job-store';
import { SYNC_MESSAGES } from './messages';
import type { SyncPorts } from './ports';
import { backfillRange, syncNowRange } from './ranges';
import { blankRowsToDelete, insertedRanges, type RowRange } from './insert-repair';
import { Schedule } from './schedule';
import { readSettings } from './settings';

/** A second sync waits this long for the first one, then says a sync is already running. */
export const LOCK_WAIT_MS = 3_000;
export const SHEET_NAME = 'Activity';
const SHEET_ID_KEY = 'sync.sheetId';
const INSERTS_KEY = 'sync.pendingInserts';
const TRANSIENT_RETRY_MS = 10 * 60_000;

export type SyncRequest =
  | { kind: 'now' }
  | { kind: 'backfill'; start: unknown }
  | { kind: 'scheduled' }
  | { kind: 'continuation' };

export interface SyncResult {
  ok: boolean;
  message: string;
}

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

function runLocked(
  ctx: AppContext,
  ports: SyncPorts,
  session: Session,
  doc: KeyValueStore,
  request: SyncRequest,
): SyncResult {
  const status = new StatusStore(doc);
  const jobs = new JobStore(doc);
  const plan = schedule(ports);
  const today = ports.workbook.today();
  let job = jobs.load();
  if (job && job.checkpoint.providerId !== session.provider.id) job = null;
  if (request.kind === 'backfill') {
    const range = backfillRange(request.start, today);
    if (!range.ok) return { ok: false, message: range.error };
    job = createJob(ctx, session, doc, 'backfill', range.range);
  } else if (!job) {
    if (request.kind === 'continuation') {
      plan.afterRun();
      return { ok: true, message: 'Nothing left to continue.' };
    }
    const mode: SyncMode = request.kind === 'scheduled' ? 'scheduled' : 'now';
    job = createJob(ctx, session, doc, mode, syncNowRange(status.get().lastSyncedDate, today));
  }
  if (job.checkpoint.metricIds.length === 0) {
    jobs.clear();
    status.update({ problem: { message: SYNC_MESSAGES.nothingAllowed, atMs: ctx.clock.now() } });
    return { ok: false, message: SYNC_MESSAGES.nothingAllowed };
  }
  job = { ...job, runningSinceMs: ctx.clock.now(), fetchedNow: 0 };
  jobs.save(job);
  const running = job;
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
        duplicates = writeDays(ports, doc, rows, headers);
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
  return finish(ctx, ports, doc, outcome, duplicates);
}

/** One job's cache keys: this document, this provider, the instant the job was created. */
function carryScope(ports: SyncPorts, job: SyncJob): string {
  const cp = job.checkpoint;
  return `sync.carry.${ports.workbook.id()}.${cp.providerId}.${cp.startedAtMs}`;
}

function createJob(
  ctx: AppContext,
  session: Session,
  doc: KeyValueStore,
  mode: SyncMode,
  range: DateRange,
): SyncJob {
  const data = dataSourceFor(session.provider.id);
  const settings = readSettings(doc);
  const granted = grantedOrRequested(session, session.scopes);
  const supported = data.supportedMetricIds(settings.metrics);
  const allowed = supported.filter((m) => data.scopesFor([m]).every((s) => granted.includes(s)));
  const skipped = supported.filter((m) => !allowed.includes(m));
  return newJob(
    mode,
    {
      providerId: session.provider.id,
      range,
      metricIds: allowed,
      units: settings.units,
      planSize: data.plan(range, allowed, settings.units).length,
      startedAtMs: ctx.clock.now(),
    },
    skipped,
  );
}

function storedSheetId(doc: KeyValueStore): number | null {
  const raw = doc.get(SHEET_ID_KEY);
  return raw !== null && /^\d+$/.test(raw) ? Number(raw) : null;
}

/** Writes the days; returns the dates the sheet holds more than once (left as they are). */
function writeDays(
  ports: SyncPorts,
  doc: KeyValueStore,
  rows: UpsertRow[],
  headers: string[],
): DuplicateDate[] {
  const stored = storedSheetId(doc);
  const sheet = ports.workbook.dataSheet(stored, SHEET_NAME);
  if (sheet.sheetId !== stored) doc.set(SHEET_ID_KEY, String(sheet.sheetId));
  let snapshot = sheet.read(KEY_HEADER);
  const pending = readInserts(doc, sheet.sheetId);
  if (pending.length > 0) {
    const blank = blankRowsToDelete(pending, snapshot.keys);
    if (blank.length > 0) {
      sheet.deleteRows(blank);
      snapshot = sheet.read(KEY_HEADER);
    }
  }
  const plan = planUpsert({
    ...snapshot,
    keyHeader: KEY_HEADER,
    managedHeaders: headers,
    unitColumns: unitColumnsFor(headers),
    rows,
  });
  if (plan.insertRows.length > 0)
    doc.set(
      INSERTS_KEY,
      JSON.stringify({ sheetId: sheet.sheetId, ranges: insertedRanges(plan.insertRows) }),
    );
  sheet.apply(plan, KEY_HEADER);
  if (plan.insertRows.length > 0 || pending.length > 0) doc.delete(INSERTS_KEY);
  return plan.duplicates;
}

/** Insertions recorded by a write that may not have finished. */
function readInserts(doc: KeyValueStore, sheetId: number): RowRange[] {
  const raw = doc.get(INSERTS_KEY);
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as { sheetId: number; ranges: RowRange[] };
    return parsed.sheetId === sheetId && Array.isArray(parsed.ranges) ? parsed.ranges : [];
  } catch {
    return [];
  }
}

function skippedLabels(ids: readonly string[]): string[] {
  return ids.map((id) => metric(id as MetricId).label);
}

function finish(
  ctx: AppContext,
  ports: SyncPorts,
  doc: KeyValueStore,
  outcome: RunOutcome,
  duplicates: readonly DuplicateDate[],
): SyncResult {
  const status = new StatusStore(doc);
  const jobs = new JobStore(doc);
  const plan = schedule(ports);
  const now = ctx.clock.now();
  const { job } = outcome;
  const notes: string[] = [];
  if (job.skipped.length > 0) notes.push(SYNC_MESSAGES.skipped(skippedLabels(job.skipped)));
  if (job.refused.length > 0) notes.push(SYNC_MESSAGES.refused(skippedLabels(job.refused)));
  if (duplicates.length > 0) notes.push(SYNC_MESSAGES.duplicates(duplicates));
  const problemText = outcome.problems.length > 0 ? SYNC_MESSAGES.problems(outcome.problems) : null;
  if (outcome.kind === 'stopped' && outcome.error.kind === 'transient') {
    // The token endpoint did not answer: nothing is wrong with the account, try again later.
    const next = { atMs: now + TRANSIENT_RETRY_MS, reason: 'transient' as const };
    jobs.save({ ...job, runningSinceMs: null, checkpoint: { ...job.checkpoint, next } });
    plan.scheduleContinuation(next.atMs, next.reason);
    status.update({ problem: { message: outcome.error.message, atMs: now }, notes, next });
    return { ok: false, message: outcome.error.message };
  }
  if (outcome.kind === 'stopped') {
    // Account-level: the person has to act (reconnect, switch provider); no continuation helps.
    if (outcome.error.kind === 'retired' || outcome.error.kind === 'account-not-linked')
      jobs.clear();
    else jobs.save({ ...job, runningSinceMs: null });
    plan.afterRun();
    status.update({ problem: { message: outcome.error.message, atMs: now }, notes, next: null });
    return { ok: false, message: outcome.error.message };
  }
  if (outcome.kind === 'paused') {
    jobs.save({ ...job, runningSinceMs: null });
    plan.scheduleContinuation(outcome.next.atMs, outcome.next.reason);
    status.update({
      problem: problemText ? { message: problemText, atMs: now } : null,
      notes,
      next: outcome.next,
    });
    return { ok: true, message: problemText ?? SYNC_MESSAGES.paused(outcome.next.reason) };
  }
  jobs.clear();
  plan.afterRun();
  const range = job.checkpoint.range;
  const before = status.get().lastSyncedDate;
  const days = dayCount(range);
  status.update({
    lastSync: { atMs: now, days, mode: job.mode },
    lastSyncedDate: before && compareDates(before, range.end) > 0 ? before : range.end,
    problem: problemText ? { message: problemText, atMs: now } : null,
    notes,
    next: null,
  });
  return { ok: true, message: notes[0] ?? SYNC_MESSAGES.done(days) };
}
