// The dashboard's entry points as main.ts calls them (sidebar and menu): "Refresh dashboard" and
// the dashboard settings, each under the document lock (a sync writing meanwhile would move the
// rows the plan was read from), returning only browser-safe values.
import { sheetToast } from '../../gas/sheet-ui';
import { appContext } from '../composition';
import { PRODUCT_NAME } from '../product';
import { sidebarState, type SidebarState } from '../sidebar-state';
import { SYNC_MESSAGES } from '../sync/messages';
import { LOCK_WAIT_MS, whoseSync } from '../sync/sync';
import { DASHBOARD_MESSAGES, refreshDashboard, type RefreshResult } from './refresh';
import { saveDashboardSettings } from './settings';

export type DashboardReply = RefreshResult & { state: SidebarState };

function refreshLocked(): RefreshResult {
  const ctx = appContext();
  const ports = ctx.sync?.();
  const doc = ctx.documentStore;
  if (!ports || !doc || !ports.dashboard) return { ok: false, message: SYNC_MESSAGES.noDocument };
  const whose = whoseSync(ctx, ports, { claim: false });
  if (!whose) return { ok: false, message: SYNC_MESSAGES.notConnected };
  if (!whose.scope.registered) return { ok: false, message: DASHBOARD_MESSAGES.notSynced };
  if (!ports.lock.tryLock(LOCK_WAIT_MS)) return { ok: false, message: SYNC_MESSAGES.busy };
  try {
    return refreshDashboard(doc, ports.dashboard, whose.scope);
  } finally {
    ports.lock.release();
  }
}

export function refresh(): DashboardReply {
  const result = refreshLocked();
  return { ...result, state: sidebarState(appContext()) };
}

export function menuRefresh(): void {
  sheetToast(refreshLocked().message, PRODUCT_NAME);
}

/** Saves the week start and step goal, then redraws with them when there is a dashboard to draw. */
export function saveSettings(input: unknown): DashboardReply {
  const ctx = appContext();
  const saved = saveDashboardSettings(ctx.documentStore, input);
  if (!saved.ok) return { ok: false, message: saved.error, state: sidebarState(ctx) };
  const refreshed = refreshLocked();
  const message = refreshed.ok
    ? 'Dashboard settings saved; the dashboard is redrawn with them.'
    : `Dashboard settings saved. ${refreshed.message}`;
  return { ok: true, message, state: sidebarState(ctx) };
}
