// The worker-side SpreadsheetApp global: objects shaped like Apps Script's Spreadsheet, Sheet, Range,
// Ui and Menu whose every method is exactly one synchronous RPC to SpreadsheetHost (so every call is
// counted, as every call costs time in Apps Script). Only enum properties (SpreadsheetApp.Dimension,
// Ui.Button, Ui.ButtonSet), the PromptResponse a prompt returns and the chart builders and chart
// snapshots (charts-facade.ts) are local.
import type { Rpc } from '../../rpc-types';
import { makeEnum } from './enums';
import { isDate } from './format';
export type { EnumValue } from './enums';
import { defaultSpec, type WireChart } from './chart-types';
import { createChartFacade } from './charts-facade';
import {
  type DialogAnswer,
  type DialogRequest,
  type HtmlData,
  SERVICE,
  type SheetRef,
} from './refs';

export interface FacadeOptions {
  /**
   * The Date constructor of the realm the script runs in: values read from cells are rebuilt with it
   * so `value instanceof Date` holds inside a vm context (a Date from another realm fails it).
   */
  Date?: DateConstructor;
  /** Apps Script style exceptions for checks made here in the worker (the script realm's Error). */
  error?: (message: string) => Error;
  /** Copies a plain value into the script's realm (its Array/Object), for values made here. */
  toRealm?: <T>(value: T) => T;
}

type Kind =
  | 'value'
  | 'self'
  | 'void'
  | 'spreadsheet'
  | 'sheet'
  | 'sheets'
  | 'range'
  | 'chartBuilder'
  | 'charts';
type Methods = Record<string, Kind>;
// Loose on purpose: these objects mirror Apps Script's classes, checked by behaviour, not types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AppsScriptObject = Record<string, any>;

const SPREADSHEET: Methods = {
  getId: 'value',
  getName: 'value',
  rename: 'void',
  getUrl: 'value',
  getSpreadsheetTimeZone: 'value',
  setSpreadsheetTimeZone: 'void',
  getSheets: 'sheets',
  getNumSheets: 'value',
  getSheetByName: 'sheet',
  getSheetById: 'sheet',
  insertSheet: 'sheet',
  deleteSheet: 'void',
  getActiveSheet: 'sheet',
  setActiveSheet: 'sheet',
  getRange: 'range',
  toast: 'void',
};

const SHEET: Methods = {
  getName: 'value',
  setName: 'self',
  getSheetId: 'value',
  getIndex: 'value',
  getParent: 'spreadsheet',
  getRange: 'range',
  getDataRange: 'range',
  getLastRow: 'value',
  getLastColumn: 'value',
  getMaxRows: 'value',
  getMaxColumns: 'value',
  insertRowsAfter: 'self',
  insertRowsBefore: 'self',
  insertRowAfter: 'self',
  insertRowBefore: 'self',
  insertColumnsAfter: 'self',
  insertColumnsBefore: 'self',
  insertColumnAfter: 'self',
  insertColumnBefore: 'self',
  deleteRows: 'void',
  deleteRow: 'self',
  deleteColumns: 'void',
  deleteColumn: 'self',
  setFrozenRows: 'void',
  getFrozenRows: 'value',
  setFrozenColumns: 'void',
  getFrozenColumns: 'value',
  appendRow: 'self',
  clear: 'self',
  clearContents: 'self',
  clearFormats: 'self',
  autoResizeColumns: 'self',
  autoResizeColumn: 'self',
  activate: 'self',
  moveColumns: 'void',
  moveRows: 'void',
  newChart: 'chartBuilder',
  insertChart: 'void',
  updateChart: 'void',
  removeChart: 'void',
  getCharts: 'charts',
};

const RANGE: Methods = {
  getValues: 'value',
  getValue: 'value',
  setValues: 'self',
  setValue: 'self',
  getDisplayValues: 'value',
  getDisplayValue: 'value',
  getNumberFormats: 'value',
  getNumberFormat: 'value',
  setNumberFormat: 'self',
  setNumberFormats: 'self',
  getFontWeight: 'value',
  getFontWeights: 'value',
  setFontWeight: 'self',
  setFontWeights: 'self',
  getBackground: 'value',
  getBackgrounds: 'value',
  setBackground: 'self',
  setBackgrounds: 'self',
  getFormula: 'value',
  getFormulas: 'value',
  setFormula: 'self',
  setFormulas: 'self',
  getFormulaR1C1: 'value',
  getFormulasR1C1: 'value',
  setFormulaR1C1: 'self',
  setFormulasR1C1: 'self',
  getRow: 'value',
  getColumn: 'value',
  getNumRows: 'value',
  getNumColumns: 'value',
  getLastRow: 'value',
  getLastColumn: 'value',
  getA1Notation: 'value',
  getSheet: 'sheet',
  clearContent: 'self',
  clear: 'self',
  clearFormat: 'self',
  offset: 'range',
  getCell: 'range',
};

const MENU: Methods = {
  addItem: 'self',
  addSeparator: 'self',
  addSubMenu: 'self',
  addToUi: 'void',
};

/** Builds the SpreadsheetApp global for one execution. */
/**
 * Every facade object's handle, for other services of the same worker: ScriptApp's
 * getUserTriggers(spreadsheet) learns the spreadsheet's id from it, as Apps Script does from its
 * own object, without a counted Spreadsheet.getId call.
 */
const allHandles = new WeakMap<object, unknown>();

export function facadeHandle(obj: unknown): unknown {
  return obj !== null && typeof obj === 'object' ? allHandles.get(obj) : undefined;
}

export function createSpreadsheetApp(rpc: Rpc, options: FacadeOptions = {}): AppsScriptObject {
  const LocalDate = options.Date ?? Date;
  const handles = new WeakMap<object, unknown>();
  const Dimension = makeEnum(['COLUMNS', 'ROWS'] as const);
  const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
  const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
  const enumNames = new Map<unknown, string>();
  for (const e of [Dimension, Button, ButtonSet])
    for (const v of Object.values(e)) enumNames.set(v, String(v));

  const call = (method: string, args: unknown[]): unknown => rpc(SERVICE, method, args);

  /** What an argument becomes on the wire: facade objects their handle, enums their name. */
  const wire = (arg: unknown): unknown => {
    if (arg !== null && typeof arg === 'object') {
      if (handles.has(arg)) return handles.get(arg);
      if (enumNames.has(arg)) return enumNames.get(arg);
      if (Array.isArray(arg)) return arg.map(wire);
    }
    return arg;
  };

  const revive = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(revive);
    if (isDate(value)) return new LocalDate(value.getTime());
    return value;
  };

  const build = (cls: string, handle: unknown, methods: Methods): AppsScriptObject => {
    const target: AppsScriptObject = { toString: () => cls };
    for (const [name, kind] of Object.entries(methods)) {
      target[name] = (...args: unknown[]) => {
        const result = call(`${cls}.${name}`, [handle, ...args.map(wire)]);
        return convert(kind, result, target);
      };
    }
    handles.set(target, handle);
    allHandles.set(target, handle);
    return target;
  };

  const spreadsheet = (ref: unknown) => (ref ? build('Spreadsheet', ref, SPREADSHEET) : null);
  const sheet = (ref: unknown) => (ref ? build('Sheet', ref, SHEET) : null);
  const range = (ref: unknown) => (ref ? build('Range', ref, RANGE) : null);
  const charts = createChartFacade({
    range: (ref) => build('Range', ref, RANGE),
    handleOf: (obj) => (obj !== null && typeof obj === 'object' ? handles.get(obj) : undefined),
    register: (obj, handle) => handles.set(obj, handle),
    error: options.error ?? ((message) => Object.assign(new Error(message), { name: 'Exception' })),
    toRealm: options.toRealm ?? ((v) => v),
  });

  function convert(kind: Kind, result: unknown, self: AppsScriptObject): unknown {
    switch (kind) {
      case 'value':
        return revive(result);
      case 'self':
        return self;
      case 'void':
        return undefined;
      case 'spreadsheet':
        return spreadsheet(result);
      case 'sheet':
        return sheet(result);
      case 'sheets':
        return (result as unknown[]).map(sheet);
      case 'range':
        return range(result);
      case 'chartBuilder':
        return charts.builder(result as SheetRef, defaultSpec(), null);
      case 'charts':
        return (result as WireChart[]).map((c) => charts.chart(c));
    }
  }

  /** Another service's HtmlOutput reduced to data here, in the worker, so only data crosses. */
  const htmlData = (output: unknown): HtmlData | unknown => {
    // Anything else goes as is (primitives) or as null, for the host's signature error.
    if (output === null || typeof output !== 'object') return output;
    const o = output as AppsScriptObject;
    if (typeof o.getContent !== 'function') return null;
    const opt = (name: string): unknown => (typeof o[name] === 'function' ? o[name]() : null);
    return {
      html: String(o.getContent()),
      title: (opt('getTitle') as string | null) ?? null,
      width: (opt('getWidth') as number | null) ?? null,
      height: (opt('getHeight') as number | null) ?? null,
    };
  };

  /** alert/prompt take (prompt), (prompt, buttons) or (title, prompt, buttons). */
  const dialog = (args: unknown[]): DialogRequest => {
    const name = (b: unknown): DialogRequest['buttons'] =>
      (enumNames.get(b) ?? 'OK') as DialogRequest['buttons'];
    if (args.length >= 3)
      return { title: String(args[0]), prompt: String(args[1]), buttons: name(args[2]) };
    if (args.length === 2) return { title: '', prompt: String(args[0]), buttons: name(args[1]) };
    return { title: '', prompt: String(args[0] ?? ''), buttons: 'OK' };
  };

  const menu = (id: unknown) => build('Menu', id, MENU);

  const ui = (): AppsScriptObject => ({
    Button,
    ButtonSet,
    toString: () => 'Ui',
    createAddonMenu: () => menu(call('Ui.createAddonMenu', [])),
    createMenu: (caption: unknown) => menu(call('Ui.createMenu', [caption])),
    alert: (...args: unknown[]) => Button[call('Ui.alert', [dialog(args)]) as keyof typeof Button],
    prompt: (...args: unknown[]) => {
      const answer = call('Ui.prompt', [dialog(args)]) as DialogAnswer;
      return {
        toString: () => 'PromptResponse',
        getResponseText: () => answer.text,
        getSelectedButton: () => Button[answer.button],
      };
    },
    showSidebar: (output: unknown) => {
      call('Ui.showSidebar', [htmlData(output)]);
    },
    showModalDialog: (output: unknown, title: unknown) => {
      call('Ui.showModalDialog', [htmlData(output), title]);
    },
    showModelessDialog: (output: unknown, title: unknown) => {
      call('Ui.showModelessDialog', [htmlData(output), title]);
    },
  });

  return {
    Dimension,
    toString: () => 'SpreadsheetApp',
    getActive: () => spreadsheet(call('SpreadsheetApp.getActive', [])),
    getActiveSpreadsheet: () => spreadsheet(call('SpreadsheetApp.getActiveSpreadsheet', [])),
    getActiveSheet: () => sheet(call('SpreadsheetApp.getActiveSheet', [])),
    openById: (id: unknown) => spreadsheet(call('SpreadsheetApp.openById', [id])),
    openByUrl: (url: unknown) => spreadsheet(call('SpreadsheetApp.openByUrl', [url])),
    create: (name: unknown) => spreadsheet(call('SpreadsheetApp.create', [name])),
    getUi: () => {
      call('SpreadsheetApp.getUi', []);
      return ui();
    },
    flush: () => {
      call('SpreadsheetApp.flush', []);
    },
  };
}
