// Entry points Apps Script calls (menu items, triggers, sidebar calls): each delegates to app/.
import { buildMenu } from './app/menu';

/** Simple trigger: builds the add-on menu. Runs in AuthMode.NONE, so it reads no properties. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Runs when the add-on is installed: same menu as onOpen, per Google's add-on guidance. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
