// Plain-data handles the worker-side facade holds for spreadsheets, sheets, ranges and menus; they
// cross the RPC boundary by structured clone, while all state stays in the host.

export interface SpreadsheetRef {
  ss: string;
}

export interface SheetRef {
  ss: string;
  sheetId: number;
}

export interface RangeRef extends SheetRef {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** An HtmlOutput reduced to data in the worker (its getContent/getTitle/getWidth/getHeight). */
export interface HtmlData {
  html: string;
  title: string | null;
  width: number | null;
  height: number | null;
}

export type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

export interface DialogRequest {
  title: string;
  prompt: string;
  buttons: ButtonSetName;
}

export interface DialogAnswer {
  button: ButtonName;
  text: string;
}

/** The service name the runtime registers SpreadsheetHost.handlers() under. */
export const SERVICE = 'spreadsheet';
