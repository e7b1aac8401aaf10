// The sync use cases as main.ts calls them (sidebar, menu, triggers): each builds the context,
// runs one use case, leaves the person's trigger right, and returns only browser-safe values.
import { userSyncCache } from '../../gas/sheet-cache';
import { promptText, sheetToast } from '../../gas/sheet-ui';
import { appContext } from '../composition';
import type { AppContext } from '../context';
import { PRODUCT_NAME } from '../product';
import { sidebarState, type SidebarState } from '../sidebar-state';
import { SYNC_MESSAGES } from './messages';
import type { SyncPorts } from './ports';
import { saveSettings } from './settings';
import { saveRecordSheetChoice } from '../record-sheet-settings';
import { StatusStore } from './job-store';
import {
  cancelSync,
  noteAuthorizationNeeded,
  reconcileTriggers,
  runSync,
  whoseSync,
  schedule,
  type SyncRequest,
  type SyncResult,
} from './sync';

const TITLE = PRODUCT_NAME;

export type SyncReply = SyncResult & { state: SidebarState };

/** The sync's ports plus the user cache that carries fetched values across a pause. */
function syncPorts(ctx: AppContext): SyncPorts | null {
  const ports = ctx.sync?.();
  return ports ? { ...ports, cache: ports.cache ?? userSyncCache() } : null;
}

/**
 * Runs the request, then, whatever happened (done, paused, busy, not connected, a failure that
 * throws), leaves exactly the trigger the person needs. A failure to create it becomes the
 * message when nothing else went wrong.
 */
function runThenReconcile(ctx: AppContext, ports: SyncPorts, request: SyncRequest): SyncResult {
  let result: SyncResult;
  try {
    result = runSync(ctx, ports, request);
  } catch (e) {
    reconcileTriggers(ctx, ports);
    throw e;
  }
  const triggers = reconcileTriggers(ctx, ports);
  return !triggers.ok && result.ok ? { ok: false, message: triggers.message } : result;
}

function run(request: SyncRequest): SyncReply {
  const ctx = appContext();
  const ports = syncPorts(ctx);
  const result = ports
    ? runThenReconcile(ctx, ports, request)
    : { ok: false, message: SYNC_MESSAGES.noDocument };
  return { ...result, state: sidebarState(ctx) };
}

export const syncNow = (): SyncReply => run({ kind: 'now' });

export const backfill = (startIso: unknown): SyncReply =>
  run({ kind: 'backfill', start: startIso });

export const intraday = (startIso: unknown, endIso: unknown): SyncReply =>
  run({ kind: 'intraday', start: startIso, end: endIso });

/**
 * The open sidebar drives a paused job itself, one execution after another, instead of waiting
 * for the trigger (add-on triggers run at most hourly); the trigger takes over once it is closed.
 */
export const continueFromSidebar = (): SyncReply => run({ kind: 'continuation' });

/** Trigger handlers: nothing to return to anyone; the status is what the sidebar shows. */
function triggerRun(kind: 'scheduled' | 'continuation'): void {
  const ctx = appContext();
  const ports = syncPorts(ctx);
  if (!ports) return;
  if (ctx.authorizationRequired?.()) {
    noteAuthorizationNeeded(ctx, ports);
    // Creating a trigger may itself need the missing authorization: then the sidebar, opened to
    // allow the add-on, puts the trigger back (getSidebarState reconciles).
    try {
      reconcileTriggers(ctx, ports);
    } catch {
      // Nothing more a trigger can do without the person.
    }
    return;
  }
  const result = runThenReconcile(ctx, ports, { kind });
  if (kind === 'scheduled') recordScheduled(ctx, ports, result);
}

/** The daily run happened while nobody watched: keep when and what it said for the sidebar. */
function recordScheduled(ctx: AppContext, ports: SyncPorts, result: SyncResult): void {
  const whose = whoseSync(ctx, ports, { claim: false });
  if (!ctx.documentStore || !whose) return;
  new StatusStore(ctx.documentStore, whose.scope.keys.status).update({
    lastScheduled: { atMs: ctx.clock.now(), ok: result.ok, message: result.message },
  });
}

/** Sidebar "Cancel": stops the person's sync in hand; the days it wrote stay. */
export function cancel(): SyncReply {
  const ctx = appContext();
  const ports = syncPorts(ctx);
  const result = ports ? cancelSync(ctx, ports) : { ok: false, message: SYNC_MESSAGES.noDocument };
  return { ...result, state: sidebarState(ctx) };
}

export const scheduledRun = (): void => triggerRun('scheduled');
export const continuationRun = (): void => triggerRun('continuation');

/** Disconnecting leaves nothing to sync with: the daily trigger would only fail every morning. */
export function stopDaily(ctx: AppContext): void {
  const ports = ctx.sync?.();
  if (!ports) return;
  schedule(ports, ctx).setDaily(false);
  reconcileTriggers(ctx, ports);
}

export function setDaily(enabled: unknown): SyncReply {
  const ctx = appContext();
  const ports = ctx.sync?.();
  if (!ports) return { ok: false, message: SYNC_MESSAGES.noDocument, state: sidebarState(ctx) };
  schedule(ports, ctx).setDaily(enabled === true);
  const triggers = reconcileTriggers(ctx, ports);
  const message = !triggers.ok
    ? triggers.message
    : enabled === true
      ? SYNC_MESSAGES.dailyOn
      : SYNC_MESSAGES.dailyOff;
  return { ok: triggers.ok, message, state: sidebarState(ctx) };
}

export function saveSyncSettings(input: unknown): SyncReply {
  const ctx = appContext();
  const result = saveSettings(ctx.documentStore, input);
  const message = result.ok ? 'Settings saved.' : result.error;
  return { ok: result.ok, message, state: sidebarState(ctx) };
}

/** Sidebar record-sheet toggles: the ids of the record sheets a sync fills from now on. */
export function saveRecordSheets(input: unknown): SyncReply {
  const ctx = appContext();
  const result = saveRecordSheetChoice(ctx.documentStore, input);
  const message = result.ok ? 'Settings saved.' : result.error;
  return { ok: result.ok, message, state: sidebarState(ctx) };
}

export function menuSyncNow(): void {
  sheetToast(syncNow().message, TITLE);
}

export function menuBackfill(): void {
  const text = promptText(
    'Backfill',
    'Bring in every day from this date (yyyy-mm-dd) until today. Long ranges continue by themselves in later runs.',
  );
  if (text !== null) sheetToast(backfill(text.trim()).message, TITLE);
}

export function menuIntraday(): void {
  const text = promptText(
    'Intraday',
    'Heart rate and steps for every minute of these days, into the Intraday sheet. Type the first and the last day (yyyy-mm-dd yyyy-mm-dd), whole days up to yesterday.',
  );
  if (text === null) return;
  // "2026-11-14 2026-11-20", "2026-11-14 to 2026-11-20" or one day alone.
  const days = text.match(/\d{4}-\d{2}-\d{2}/g) ?? [text.trim()];
  const [start, end = start] = days;
  sheetToast(intraday(start, end).message, TITLE);
}

export function menuToggleDaily(): void {
  const ctx = appContext();
  const ports = ctx.sync?.();
  const on = ports ? !schedule(ports, ctx).dailyEnabled() : false;
  sheetToast(setDaily(on).message, TITLE);
}
