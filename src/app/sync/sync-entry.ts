// The sync use cases as main.ts calls them (sidebar, menu, triggers): each builds the context,
// runs one use case and returns only browser-safe values (never a secret or token).
import { userSyncCache } from '../../gas/sheet-cache';
import { promptText, sheetToast } from '../../gas/sheet-ui';
import { appContext } from '../composition';
import { PRODUCT_NAME } from '../product';
import { sidebarState, type SidebarState } from '../sidebar-state';
import { SYNC_MESSAGES } from './messages';
import { saveSettings } from './settings';
import {
  noteAuthorizationNeeded,
  runSync,
  schedule,
  type SyncRequest,
  type SyncResult,
} from './sync';
import type { SyncPorts } from './ports';

const TITLE = PRODUCT_NAME;

export type SyncReply = SyncResult & { state: SidebarState };

/** The sync's ports plus the user cache that carries fetched values across a pause. */
function syncPorts(ctx: ReturnType<typeof appContext>): SyncPorts | null {
  const ports = ctx.sync?.();
  return ports ? { ...ports, cache: ports.cache ?? userSyncCache() } : null;
}

function run(request: SyncRequest): SyncReply {
  const ctx = appContext();
  const ports = syncPorts(ctx);
  const result = ports
    ? runSync(ctx, ports, request)
    : { ok: false, message: SYNC_MESSAGES.noDocument };
  return { ...result, state: sidebarState(ctx) };
}

export const syncNow = (): SyncReply => run({ kind: 'now' });

export const backfill = (startIso: unknown): SyncReply =>
  run({ kind: 'backfill', start: startIso });

/** Trigger handlers: nothing to return to anyone; the status is what the sidebar shows. */
function triggerRun(kind: 'scheduled' | 'continuation'): void {
  const ctx = appContext();
  if (ctx.authorizationRequired?.()) {
    // Document properties need no scope: the note reaches the sidebar even now.
    noteAuthorizationNeeded(ctx);
    return;
  }
  const ports = syncPorts(ctx);
  if (ports) runSync(ctx, ports, { kind });
}

export const scheduledRun = (): void => triggerRun('scheduled');
export const continuationRun = (): void => triggerRun('continuation');

export function setDaily(enabled: unknown): SyncReply {
  const ctx = appContext();
  const ports = ctx.sync?.();
  if (!ports) return { ok: false, message: SYNC_MESSAGES.noDocument, state: sidebarState(ctx) };
  schedule(ports).setDaily(enabled === true);
  const message = enabled === true ? SYNC_MESSAGES.dailyOn : SYNC_MESSAGES.dailyOff;
  return { ok: true, message, state: sidebarState(ctx) };
}

export function saveSyncSettings(input: unknown): SyncReply {
  const ctx = appContext();
  const result = saveSettings(ctx.documentStore, input);
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

export function menuToggleDaily(): void {
  const ctx = appContext();
  const ports = ctx.sync?.();
  const on = ports ? !schedule(ports).view().daily : false;
  sheetToast(setDaily(on).message, TITLE);
}
