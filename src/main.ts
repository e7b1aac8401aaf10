// Entry points Apps Script calls (menu items, triggers, sidebar calls): each delegates to app/.
// Every export becomes a global google.script.run can call: none may return a secret or token.
import { buildMenu } from './app/menu';
import * as connect from './app/connect-entry';
import * as dashboard from './app/dashboard/dashboard-entry';
import type { SetupInput } from './app/setup-validation';
import * as sync from './app/sync/sync-entry';

/** Simple trigger: builds the add-on menu. Runs in AuthMode.NONE, so it reads no properties. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Runs when the add-on is installed: same menu as onOpen, per Google's add-on guidance. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  connect.openSidebar();
}

/** Apps Script's /usercallback calls this with the provider's redirect (OAuth2 library flow). */
export function authCallback(request: { parameter?: Record<string, string> }) {
  return connect.handleAuthCallback(request);
}

export function getSidebarState() {
  return connect.getState();
}

export function saveProviderSetup(input: SetupInput) {
  return connect.saveSetupAndState(input);
}

export function getAuthorizationUrl(): string {
  return connect.authorizationUrl();
}

export function disconnectAccount() {
  return connect.disconnectAndState();
}

/** Sidebar's "Check connection": one identity call (refreshing the token if needed). */
export function checkConnection() {
  return connect.checkAndState();
}

export function menuAuthorize(): void {
  connect.menuAuthorizeDialog();
}

export function menuDisconnect(): void {
  connect.menuDisconnectToast();
}

/** Sidebar "Sync now": from the last synced day minus a late-upload window to today. */
export function syncNow() {
  return sync.syncNow();
}

/** Sidebar "Backfill": every day from the start date (an ISO 'yyyy-mm-dd' string) to today. */
export function startBackfill(startDateIsoString: string) {
  return sync.backfill(startDateIsoString);
}

/**
 * Sidebar "Fetch intraday": heart rate and steps per minute for the days from the first to the
 * last (ISO 'yyyy-mm-dd' strings, whole days up to yesterday) into the Intraday sheet.
 */
export function startIntraday(startDateIsoString: string, endDateIsoString: string) {
  return sync.intraday(startDateIsoString, endDateIsoString);
}

export function menuIntraday(): void {
  sync.menuIntraday();
}

/**
 * Sidebar, while open and the person's sync is paused for Apps Script's 6-minute limit: runs the
 * next part now (add-on triggers run at most hourly) and returns the new state.
 */
export function continueFromSidebar() {
  return sync.continueFromSidebar();
}

/** Sidebar "Cancel" on a paused or running sync: it stops; the days it wrote stay. */
export function cancelSync() {
  return sync.cancel();
}

export function setDailySync(enabled: boolean) {
  return sync.setDaily(enabled);
}

export function saveSyncSettings(settings: { metrics: string[]; units: string }) {
  return sync.saveSyncSettings(settings);
}

/** Sidebar record-sheet toggles, e.g. ['exercises']: which record sheets a sync fills. */
export function saveRecordSheets(ids: string[]) {
  return sync.saveRecordSheets(ids);
}

/** Daily time-driven trigger. */
export function runScheduledSync(_e?: unknown): void {
  sync.scheduledRun();
}

/** One-off trigger that resumes a sync paused by the time or rate budget. */
export function continueSync(_e?: unknown): void {
  sync.continuationRun();
}

export function menuSyncNow(): void {
  sync.menuSyncNow();
}

export function menuBackfill(): void {
  sync.menuBackfill();
}

export function menuToggleDailySync(): void {
  sync.menuToggleDaily();
}

/** Sidebar "Refresh dashboard": redraws the Dashboard, Weekly and Monthly sheets now. */
export function refreshDashboard() {
  return dashboard.refresh();
}

/** Sidebar dashboard settings: the day weeks start on (1 = Monday ... 7 = Sunday), the step goal. */
export function saveDashboardSettings(settings: { weekStart: number; stepGoal: number | string }) {
  return dashboard.saveSettings(settings);
}

export function menuRefreshDashboard(): void {
  dashboard.menuRefresh();
}
