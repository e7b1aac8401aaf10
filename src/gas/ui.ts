// Apps Script UI: the sidebar, the authorize dialog, toasts and callback pages (HtmlService).
import { PRODUCT_NAME } from '../app/product';

const SIDEBAR_TITLE = PRODUCT_NAME;

export function showSidebarFile(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showDialog(html: string, title: string): void {
  const output = HtmlService.createHtmlOutput(html).setWidth(360).setHeight(220);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}

export function toast(message: string, title: string): void {
  SpreadsheetApp.getActive().toast(message, title);
}

export function htmlPage(html: string, title: string): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(html).setTitle(title);
}

export function addonMenu(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}
