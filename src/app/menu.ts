// The add-on menu: item labels and the entry points they call.
export const MENU_ITEMS: ReadonlyArray<readonly [label: string, entryPoint: string]> = [
  ['Open sidebar', 'showSidebar'],
  ['Sync now', 'menuSyncNow'],
  ['Backfill...', 'menuBackfill'],
  ['Intraday (per minute)...', 'menuIntraday'],
  ['Schedule daily sync on/off', 'menuToggleDailySync'],
  ['Refresh dashboard', 'menuRefreshDashboard'],
  ['Authorize', 'menuAuthorize'],
  ['Disconnect', 'menuDisconnect'],
];

/**
 * Sheets titles an add-on menu with the add-on's name, not with anything the script passes: the
 * README's deployment names the Apps Script project PRODUCT_NAME (src/app/product.ts) for that.
 */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const [label, fn] of MENU_ITEMS) menu.addItem(label, fn);
  menu.addToUi();
}
