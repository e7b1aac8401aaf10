// The add-on menu: item labels and the entry points they call.
export const MENU_ITEMS: ReadonlyArray<readonly [label: string, entryPoint: string]> = [
  ['Open sidebar', 'showSidebar'],
  ['Sync now', 'menuSyncNow'],
  ['Backfill...', 'menuBackfill'],
  ['Schedule daily sync on/off', 'menuToggleDailySync'],
  ['Authorize', 'menuAuthorize'],
  ['Disconnect', 'menuDisconnect'],
];

export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const [label, fn] of MENU_ITEMS) menu.addItem(label, fn);
  menu.addToUi();
}
