// The sync use case: "Sync now", a backfill, the daily trigger and continuations all run here,
// one at a time per document (DOCUMENT lock), each on the job of the person's own account.
/**
 * API: `runSync(ctx, ports, request)`, `schedule(ports, ctx)`, `whoseSync(ctx, ports, opts)`,
 * `reconcileTriggers(ctx, ports)`, `noteAuthorizationNeeded(ctx, ports)`.
 * The steps live beside it: whose job and sheet (accounts.ts), the job's plan (new-job.ts), one
 * execution's run (engine.ts), the sheet writes (sheet-writer.ts; record sheets:
 * record-writer.ts), what follows a run (settle.ts) and the person's trigger (schedule.ts).
 */
import { writtenDayCount } from '../../core/checkpoint';
import { dayCount, type CivilDate } from '../../core/dates';
import { InvalidCheckpointError } from '../../core/errors';
import type { KeyValueStore } from '../../core/ports';
import type { DuplicateDate } from '../../core/upsert-plan';
import { AuthorizedFetch } from '../authorized-fetch';
import type { DashboardWorkbook } from '../dashboard/ports';
import { refreshDashboard } from '../dashboard/refresh';
import { grantedOrRequested } from '../connect';
import type { AppContext } from '../context';
import { currentSession, type Session } from '../session';
import { recordSheet } from '../../providers/record-sheets';
import { accountOf, personKey, recordSheetPlace, scopeFor, type SyncScope } from './accounts';
import { Carry } from './carry';
import { INTRADAY_MESSAGES, intradayRange, intradayZoneSpan, newIntradayJob } from './intraday-job';
import { runJob, type RunOutcome } from './engine';
import { JobStore, StatusStore, type SyncJob, type SyncMode } from './job-store';
import { SYNC_MESSAGES } from './messages';
import { createJob } from './new-job';
import type { SyncPorts } from './ports';
import { backfillRange, syncNowRange } from './ranges';
import { Schedule, wantedTrigger, type ReconcileResult } from './schedule';
import { settle, type SyncResult } from './settle';
import { writeDays } from './sheet-writer';
import { writeRecords } from './record-writer';
import { readSettings } from './settings';

export type { SyncPorts } from './ports';
export type { SyncResult } from './settle';

/** A second sync waits this long for the first one, then says a sync is already running. */
export const LOCK_WAIT_MS = 3_000;

export type SyncRequest =
  | { kind: 'now' }
  | { kind: 'backfill'; start: unknown }
  | { kind: 'scheduled' }
  | { kind: 'continuation' }
  /** Per-minute heart rate and steps for the days from `start` to `end` (intraday-job.ts). */
  | { kind: 'intraday'; start: unknown; end: unknown };

export function schedule(ports: SyncPorts, ctx: AppContext): Schedule {
  return new Schedule(ports.triggers, ports.userStore, ports.workbook.id(), () => ctx.clock.now());
}

/** The person, their session and where their account's sync lives in this document. */
export interface Whose {
  session: Session;
  person: string;
  scope: SyncScope;
}

export function whoseSync(
  ctx: AppContext,
  ports: SyncPorts,
  opts: { claim: boolean },
): Whose | null {
  const doc = ctx.documentStore;
  const session = currentSession(ctx);
  if (!doc || !session) return null;
  const person = personKey(ports.userStore, ctx.newNonce);
  const account = accountOf(session, ctx.connections, person, ports.userStore);
  return { session, person, scope: scopeFor(doc, account, opts) };
}

/** This person's job, if they own it (a job another person started is theirs to continue). */
export function ownJob(doc: KeyValueStore, whose: Whose): SyncJob | null {
  const job = new JobStore(doc, whose.scope.keys.job).load();
  return job && (job.owner === null || job.owner === whose.person) ? job : null;
}

/**
 * Leaves this person exactly the trigger they need in this document: their paused job's
 * continuation, else the daily trigger when it is on, else none. Every run ends here.
 */
export function reconcileTriggers(ctx: AppContext, ports: SyncPorts): ReconcileResult {
  const plan = schedule(ports, ctx);
  const doc = ctx.documentStore;
  const whose = doc ? whoseSync(ctx, ports, { claim: false }) : null;
  // A job waits for a disconnected person: no continuation can run it until they reconnect.
  const connected = !!whose?.session.client.token();
  const job = doc && whose?.scope.registered && connected ? ownJob(doc, whose) : null;
  // Under the user lock: the sidebar and a trigger run of the same person reconciling at once
  // would otherwise both find no trigger and both create one.
  return ctx.lock.withLock(() => plan.reconcile(wantedTrigger(job, plan.dailyEnabled())));
}

/** A trigger found the add-on's own authorization missing: say so where the sidebar looks. */
export function noteAuthorizationNeeded(ctx: AppContext, ports: SyncPorts | null): void {
  const doc = ctx.documentStore;
  if (!doc || !ports) return;
  // Document and user properties need no scope: the note reaches the sidebar even now.
  const whose = whoseSync(ctx, ports, { claim: false });
  if (!whose?.scope.registered) return;
  new StatusStore(doc, whose.scope.keys.status).update({
    problem: { message: SYNC_MESSAGES.authorizationNeeded, atMs: ctx.clock.now() },
  });
}

export function runSync(ctx: AppContext, ports: SyncPorts, request: SyncRequest): SyncResult {
  const doc = ctx.documentStore;
  if (!doc) return { ok: false, message: SYNC_MESSAGES.noDocument };
  const session = currentSession(ctx);
  if (!session || !session.client.token()) {
    const whose = whoseSync(ctx, ports, { claim: false });
    if (whose?.scope.registered)
      new StatusStore(doc, whose.scope.keys.status).update({
        problem: { message: SYNC_MESSAGES.notConnected, atMs: ctx.clock.now() },
      });
    return { ok: false, message: SYNC_MESSAGES.notConnected };
  }
  if (!ports.lock.tryLock(LOCK_WAIT_MS)) return { ok: false, message: SYNC_MESSAGES.busy };
  try {
    // Registering an account met for the first time happens under the lock: two accounts
    // connecting at once never claim the same keys.
    const whose = whoseSync(ctx, ports, { claim: true }) as Whose;
    return runLocked(ctx, ports, whose, doc, request);
  } finally {
    ports.lock.release();
  }
}

type Found =
  { kind: 'job'; job: SyncJob } | { kind: 'none' } | { kind: 'refused'; message: string };

/** The job this request runs: a new backfill, the person's stored job, or a new sync. */
function jobFor(
  ctx: AppContext,
  ports: SyncPorts,
  whose: Whose,
  doc: KeyValueStore,
  request: SyncRequest,
): Found {
  const { session, person, scope } = whose;
  const today = ports.workbook.today();
  const now = ctx.clock.now();
  if (request.kind === 'intraday') return intradayJobFor(ports, whose, doc, request, today, now);
  if (request.kind === 'backfill') {
    const range = backfillRange(request.start, today);
    if (!range.ok) return { kind: 'refused', message: range.error };
    return { kind: 'job', job: createJob(session, doc, 'backfill', range.range, now, person) };
  }
  const stored = new JobStore(doc, scope.keys.job).load();
  if (stored && stored.checkpoint.providerId === session.provider.id) {
    // Another person connected to the same account started it: theirs to continue.
    if (stored.owner !== null && stored.owner !== person)
      return request.kind === 'continuation'
        ? { kind: 'none' }
        : { kind: 'refused', message: SYNC_MESSAGES.ownedByOther };
    return { kind: 'job', job: { ...stored, owner: person } };
  }
  if (request.kind === 'continuation') return { kind: 'none' };
  const mode: SyncMode = request.kind === 'scheduled' ? 'scheduled' : 'now';
  const range = syncNowRange(new StatusStore(doc, scope.keys.status).get().lastSyncedDate, today);
  return { kind: 'job', job: createJob(session, doc, mode, range, now, person) };
}

/**
 * A new intraday job, or why not: the provider, the days, a job already under way (theirs or
 * another person's on this account), the permissions, and room under Sheets' cell limit.
 */
function intradayJobFor(
  ports: SyncPorts,
  whose: Whose,
  doc: KeyValueStore,
  request: Extract<SyncRequest, { kind: 'intraday' }>,
  today: CivilDate,
  now: number,
): Found {
  const { session, person, scope } = whose;
  if (session.provider.id !== 'google-health')
    return { kind: 'refused', message: INTRADAY_MESSAGES.legacy };
  const range = intradayRange(request.start, request.end, today);
  if (!range.ok) return { kind: 'refused', message: range.error };
  const stored = new JobStore(doc, scope.keys.job).load();
  const place = recordSheetPlace(scope, recordSheet('intraday').sheetName, 'intraday');
  const sheetId = doc.get(place.sheetIdKey);
  const made = newIntradayJob({
    providerId: session.provider.id,
    range: range.range,
    zone: ports.grid.zoneOffsets(...intradayZoneSpan(range.range)),
    granted: grantedOrRequested(session, session.scopes),
    units: readSettings(doc).units,
    stored: stored && stored.checkpoint.providerId === session.provider.id ? stored : null,
    census: ports.grid.census(sheetId !== null && /^\d+$/.test(sheetId) ? Number(sheetId) : null),
    nowMs: now,
    owner: person,
  });
  return made.ok ? { kind: 'job', job: made.job } : { kind: 'refused', message: made.message };
}

function runLocked(
  ctx: AppContext,
  ports: SyncPorts,
  whose: Whose,
  doc: KeyValueStore,
  request: SyncRequest,
): SyncResult {
  const { session, scope } = whose;
  const status = new StatusStore(doc, scope.keys.status);
  const jobs = new JobStore(doc, scope.keys.job);
  const found = jobFor(ctx, ports, whose, doc, request);
  if (found.kind === 'refused') return { ok: false, message: found.message };
  if (found.kind === 'none') return { ok: true, message: 'Nothing left to continue.' };
  const cp = found.job.checkpoint;
  if (cp.metricIds.length === 0 && (cp.records ?? []).length === 0) {
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
        duplicates = writeDays(ports.workbook, doc, scope, rows, headers);
      },
      writeRecords: (records, sheets) => {
        writeRecords(ports.workbook, doc, scope, records, sheets, running.checkpoint.units);
      },
      saveJob: (j) => jobs.save({ ...j, runningSinceMs: running.runningSinceMs }),
      onBatch: (fetched) => jobs.save({ ...running, fetchedNow: fetched }),
      carry: ports.cache ? new Carry(ports.cache, carryScope(ports, scope, running)) : undefined,
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
  status.update({ ...settled.status, notesGrant: grantedOrRequested(session, session.scopes) });
  if (outcome.daysWritten > 0 && ports.dashboard) afterWrite(doc, ports, scope);
  return settled.result;
}

/**
 * Keeps the dashboard current after rows were written, still under the document lock. Its failure
 * never fails the sync: the rows are written, and the next refresh tries again.
 */
function afterWrite(doc: KeyValueStore, ports: SyncPorts, scope: SyncScope): void {
  try {
    refreshDashboard(doc, ports.dashboard as DashboardWorkbook, scope);
  } catch (e) {
    console.warn(`Dashboard refresh failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** One job's cache keys: document, account, the instant the job was created. */
function carryScope(ports: SyncPorts, scope: SyncScope, job: SyncJob): string {
  return `sync.carry.${ports.workbook.id()}.${scope.account.key}.${job.checkpoint.startedAtMs}`;
}

/**
 * Stops the person's sync in hand: the job goes, the days written stay (every written day is
 * complete, so the sheet holds exactly the days the job reached), and the trigger is reconciled
 * (no continuation is left behind).
 */
export function cancelSync(ctx: AppContext, ports: SyncPorts): SyncResult {
  const doc = ctx.documentStore;
  if (!doc) return { ok: false, message: SYNC_MESSAGES.noDocument };
  const whose = whoseSync(ctx, ports, { claim: false });
  if (!whose) return { ok: false, message: SYNC_MESSAGES.notConnected };
  if (!ports.lock.tryLock(LOCK_WAIT_MS)) return { ok: false, message: SYNC_MESSAGES.cancelBusy };
  let result: SyncResult;
  try {
    const job = ownJob(doc, whose);
    if (!job) return { ok: true, message: SYNC_MESSAGES.nothingToCancel };
    const cp = job.checkpoint;
    const message = SYNC_MESSAGES.cancelled(writtenDayCount(cp), dayCount(cp.range));
    new JobStore(doc, whose.scope.keys.job).clear();
    new StatusStore(doc, whose.scope.keys.status).update({
      problem: null,
      notes: [message],
      next: null,
    });
    result = { ok: true, message };
  } finally {
    ports.lock.release();
  }
  reconcileTriggers(ctx, ports);
  return result;
}
