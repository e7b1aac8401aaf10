// The spreadsheet service's host side: owns every spreadsheet and the UI state, answers the worker
// facade's RPCs (registered by the runtime under the service name 'spreadsheet'), counts calls per
// method across all executions, and emits 'change' and 'ui' events for live pages.
import { randomBytes } from 'node:crypto';
import { PRODUCT_NAME } from '../../../../src/app/product';
import { AUTHORIZATION_REQUIRED, type ExecutionContext, type HostService } from '../../rpc-types';
import type { GridBox } from './a1';
import { type ChartPosition, type ChartSpec, defaultSpec } from './chart-types';
import { chartHandlers } from './charts-host';
import type { ChartRecord } from './charts-model';
import * as E from './errors';
import { SheetModel, SpreadsheetModel } from './model';
import type {
  ButtonSetName,
  DialogAnswer,
  DialogRequest,
  HtmlData,
  RangeRef,
  SheetRef,
  SpreadsheetRef,
} from './refs';
import {
  DEFAULT_TOAST_SECONDS,
  type MenuSpec,
  type SidebarRecord,
  UiState,
  type UiEvent,
} from './ui';

export type {
  MenuEntry,
  MenuSpec,
  SidebarRecord,
  DialogRecord,
  ToastRecord,
  AskRecord,
  UiEvent,
} from './ui';

export interface ChangeEvent {
  spreadsheetId: string;
  /** The call that changed it, e.g. 'Range.setValues'. */
  method: string;
}

type Listener<T> = (event: T) => void;
type Handler = (ctx: ExecutionContext, ...args: never[]) => unknown;

const SCOPE_CURRENT = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
const SCOPE_ALL = 'https://www.googleapis.com/auth/spreadsheets';

/** Calls that change a spreadsheet's content or structure: each emits one 'change' event. */
const MUTATIONS = new Set([
  'SpreadsheetApp.create',
  'Spreadsheet.rename',
  'Spreadsheet.setSpreadsheetTimeZone',
  'Spreadsheet.insertSheet',
  'Spreadsheet.deleteSheet',
  'Spreadsheet.setActiveSheet',
  'Sheet.setName',
  'Sheet.insertRowsAfter',
  'Sheet.insertRowsBefore',
  'Sheet.insertRowAfter',
  'Sheet.insertRowBefore',
  'Sheet.insertColumnsAfter',
  'Sheet.insertColumnsBefore',
  'Sheet.insertColumnAfter',
  'Sheet.insertColumnBefore',
  'Sheet.deleteRows',
  'Sheet.deleteRow',
  'Sheet.deleteColumns',
  'Sheet.deleteColumn',
  'Sheet.setFrozenRows',
  'Sheet.setFrozenColumns',
  'Sheet.appendRow',
  'Sheet.clear',
  'Sheet.clearContents',
  'Sheet.clearFormats',
  'Sheet.activate',
  'Range.setValues',
  'Range.setValue',
  'Range.setNumberFormat',
  'Range.setNumberFormats',
  'Range.clearContent',
  'Range.clear',
  'Range.clearFormat',
  'Range.setFontWeight',
  'Range.setFontWeights',
  'Range.setBackground',
  'Range.setBackgrounds',
  'Sheet.moveColumns',
  'Sheet.moveRows',
  'Sheet.insertChart',
  'Sheet.updateChart',
  'Sheet.removeChart',
  'Range.setFormula',
  'Range.setFormulas',
  'Range.setFormulaR1C1',
  'Range.setFormulasR1C1',
]);

export type { ChartRecord } from './charts-model';
export type { ChartPosition, ChartSpec, ChartTypeName } from './chart-types';

/** A chart the person adds by hand: ranges in A1 notation (a sheet name in one picks its sheet). */
export type HandChart = Partial<Omit<ChartSpec, 'ranges'>> & { ranges: string[] };

export class SpreadsheetHost {
  /**
   * The add-on's name: Sheets titles the add-on menu with it. A deployment takes it from the Apps
   * Script project's (or the Marketplace listing's) name, which the README sets to this one.
   */
  addOnName = PRODUCT_NAME;
  readonly calls: { total: number; byMethod: Record<string, number> } = { total: 0, byMethod: {} };
  readonly ui: UiState;
  private readonly spreadsheets = new Map<string, SpreadsheetModel>();
  private readonly changeListeners = new Set<Listener<ChangeEvent>>();
  private readonly uiListeners = new Set<Listener<UiEvent>>();

  constructor(private readonly clock: { now(): number }) {
    this.ui = new UiState(
      () => this.clock.now(),
      (event) => this.uiListeners.forEach((cb) => cb(event)),
    );
  }

  /** Creates a spreadsheet with one empty 1000 x 26 "Sheet1"; returns its id. */
  createSpreadsheet(name = 'Untitled spreadsheet', timeZone = 'Etc/UTC'): string {
    // Drive file ids are 44 characters of base64url starting with '1'.
    const id = '1' + randomBytes(33).toString('base64url').slice(0, 43);
    this.spreadsheets.set(id, new SpreadsheetModel(id, name, timeZone));
    return id;
  }

  /** The model of a spreadsheet (for tests and the playground). */
  get(id: string): SpreadsheetModel {
    const model = this.spreadsheets.get(id);
    if (!model) throw new Error(`No spreadsheet with id ${id}`);
    return model;
  }

  ids(): string[] {
    return [...this.spreadsheets.keys()];
  }

  /** Menus the script added for a user in a spreadsheet, in order (see UiState.menus). */
  menus(spreadsheetId: string, user: string): MenuSpec[] {
    return this.ui.menus(spreadsheetId, user);
  }

  /** Forgets a user's menus, as reopening the document does before onOpen runs again. */
  clearMenus(spreadsheetId: string, user: string): void {
    this.ui.clearMenus(spreadsheetId, user);
  }

  lastSidebar(spreadsheetId?: string, user?: string): SidebarRecord | null {
    return this.ui.lastSidebar(spreadsheetId, user);
  }

  /** The answer the next alert/prompt gets; without one, OK or YES and empty text. */
  queueAnswer(answer: Partial<DialogAnswer>): void {
    this.ui.queueAnswer(answer);
  }

  /** The charts on one sheet (by name or id), or on every sheet, as the model holds them. */
  charts(spreadsheetId: string, sheet?: string | number): ChartRecord[] {
    const model = this.get(spreadsheetId);
    return sheet === undefined
      ? model.charts.all()
      : model.charts.onSheet(model.sheet(sheet).sheetId);
  }

  /**
   * The person's own edits, for tests: each runs on the model and emits one 'change' (method
   * 'hand.<what>'), as a script's edit does. Moving or inserting columns by hand goes through here
   * too, e.g. `host.editByHand(id, 'moveColumns', (m) => m.sheet('Data').moveLines(...))`.
   */
  editByHand<T>(spreadsheetId: string, what: string, edit: (model: SpreadsheetModel) => T): T {
    const result = edit(this.get(spreadsheetId));
    this.changeListeners.forEach((cb) => cb({ spreadsheetId, method: `hand.${what}` }));
    return result;
  }

  /** The person drags a chart: its anchor cell and offsets change, nothing else. */
  moveChartByHand(spreadsheetId: string, chartId: number, position: Partial<ChartPosition>): void {
    this.editByHand(spreadsheetId, 'moveChart', (m) => {
      const current = m.charts.get(chartId)?.position;
      m.charts.move(chartId, { ...(current ?? defaultSpec().position), ...position });
    });
  }

  /** The person resizes a chart (Sheets reports the size as its 'width'/'height' options). */
  resizeChartByHand(spreadsheetId: string, chartId: number, width: number, height: number): void {
    this.editByHand(spreadsheetId, 'resizeChart', (m) => m.charts.resize(chartId, width, height));
  }

  /** The person inserts a chart of their own on a sheet; returns its id. */
  addChartByHand(spreadsheetId: string, sheet: string | number, chart: HandChart): number {
    return this.editByHand(spreadsheetId, 'addChart', (m) => {
      const target = m.sheet(sheet);
      const ranges = chart.ranges.map((a1) => {
        const bang = a1.lastIndexOf('!');
        const named =
          bang < 0
            ? target
            : m.sheet(
                a1
                  .slice(0, bang)
                  .replace(/^'(.*)'$/, '$1')
                  .replace(/''/g, "'"),
              );
        return { ss: m.id, sheetId: named.sheetId, ...named.boxFromA1(a1) };
      });
      return m.charts.insert(target, { ...defaultSpec(), ...chart, ranges }, 'person').chartId;
    });
  }

  resetCalls(): void {
    this.calls.total = 0;
    this.calls.byMethod = {};
  }

  on(event: 'change', cb: Listener<ChangeEvent>): () => void;
  on(event: 'ui', cb: Listener<UiEvent>): () => void;
  on(event: 'change' | 'ui', cb: Listener<ChangeEvent> | Listener<UiEvent>): () => void {
    const set = (event === 'change' ? this.changeListeners : this.uiListeners) as Set<typeof cb>;
    set.add(cb);
    return () => set.delete(cb);
  }

  /** Every worker-side call lands here; each one is counted, mutations emit 'change'. */
  handlers(): HostService {
    const table = this.table();
    const service: HostService = {};
    for (const [method, impl] of Object.entries(table)) {
      service[method] = (ctx: ExecutionContext, ...args: never[]) => {
        this.calls.total++;
        this.calls.byMethod[method] = (this.calls.byMethod[method] ?? 0) + 1;
        const result = impl(ctx, ...args);
        if (MUTATIONS.has(method)) {
          const spreadsheetId = changedId(method, args, result);
          if (spreadsheetId) this.changeListeners.forEach((cb) => cb({ spreadsheetId, method }));
        }
        return result;
      };
    }
    return service;
  }

  private open(ref: SpreadsheetRef): SpreadsheetModel {
    const model = this.spreadsheets.get(ref?.ss);
    if (!model) throw new Error(E.openFailed('openById'));
    return model;
  }

  private sheet(ref: SheetRef): SheetModel {
    return this.open(ref).live(ref.sheetId);
  }

  private range(ref: RangeRef): { sheet: SheetModel; box: GridBox } {
    const sheet = this.sheet(ref);
    const box = {
      row: ref.row,
      column: ref.column,
      numRows: ref.numRows,
      numColumns: ref.numColumns,
    };
    sheet.checkBox(box);
    return { sheet, box };
  }

  private where(ctx: ExecutionContext, ss?: string): { spreadsheetId: string; user: string } {
    const spreadsheetId = ss ?? ctx.spreadsheetId;
    if (!spreadsheetId) throw new Error(E.UI_CONTEXT);
    return { spreadsheetId, user: ctx.user };
  }

  /** AuthMode.NONE allows no service that needs authorization, LIMITED only the bound document. */
  private authorize(ctx: ExecutionContext, method: string, otherDocument: boolean): void {
    if (ctx.authMode === 'NONE')
      throw new Error(E.noPermission(method, otherDocument ? SCOPE_ALL : SCOPE_CURRENT));
    if (ctx.authMode === 'LIMITED' && otherDocument)
      throw new Error(E.noPermission(method, SCOPE_ALL));
    // Only scopes the manifest lists can be missing: the one it uses for Sheets is withdrawn.
    const covering = otherDocument ? [SCOPE_ALL] : [SCOPE_CURRENT, SCOPE_ALL];
    if (covering.some((s) => ctx.missingScopes?.includes(s)))
      throw new Error(AUTHORIZATION_REQUIRED);
  }

  /**
   * A per-cell attribute's four Range methods: the singular getter reads the top-left cell, the
   * singular setter fills the range, the plural ones take a block of the range's own size.
   */
  private cellAttribute(
    single: string,
    plural: string,
    model: {
      get(sheet: SheetModel, box: GridBox): unknown[][];
      set(sheet: SheetModel, box: GridBox, values: unknown[][]): void;
      /** Apps Script rejects a non-string here (setNumberFormat's only signature). */
      singleIsString?: boolean;
    },
  ): Record<string, Handler> {
    return {
      [`Range.get${plural}`]: (_ctx, r: RangeRef) => {
        const { sheet, box } = this.range(r);
        return model.get(sheet, box);
      },
      [`Range.get${single}`]: (_ctx, r: RangeRef) => {
        const { sheet, box } = this.range(r);
        return model.get(sheet, topLeft(box))[0][0];
      },
      [`Range.set${single}`]: (_ctx, r: RangeRef, value: unknown) => {
        const { sheet, box } = this.range(r);
        if (model.singleIsString && typeof value !== 'string')
          throw new Error(E.signatureMismatch(`Range.set${single}`, [value]));
        model.set(sheet, box, fillBlock(box, value));
      },
      [`Range.set${plural}`]: (_ctx, r: RangeRef, values: unknown[][]) => {
        const { sheet, box } = this.range(r);
        model.set(sheet, box, values);
      },
    };
  }

  private table(): Record<string, Handler> {
    const sheetRef = (s: SheetModel): SheetRef => ({ ss: s.parent.id, sheetId: s.sheetId });
    const rangeRef = (s: SheetModel, box: GridBox): RangeRef => ({
      ss: s.parent.id,
      sheetId: s.sheetId,
      ...box,
    });
    const active = (ctx: ExecutionContext, method: string): SpreadsheetModel | null => {
      this.authorize(ctx, method, false);
      return ctx.spreadsheetId ? this.open({ ss: ctx.spreadsheetId }) : null;
    };
    const openById = (ctx: ExecutionContext, method: string, id: unknown): SpreadsheetRef => {
      if (typeof id !== 'string') throw new Error(E.signatureMismatch(method, [id]));
      this.authorize(ctx, method, id !== ctx.spreadsheetId);
      if (!this.spreadsheets.has(id))
        throw new Error(E.openFailed(method.replace('SpreadsheetApp.', '')));
      return { ss: id };
    };
    const getRange = (sheet: SheetModel, args: unknown[], method: string): RangeRef => {
      if (args.length === 1 && typeof args[0] === 'string')
        return rangeRef(sheet, sheet.boxFromA1(args[0]));
      if (
        args.length < 2 ||
        args.length > 4 ||
        args.some((a) => typeof a !== 'number' || !Number.isFinite(a))
      )
        throw new Error(E.signatureMismatch(method, args));
      const [row, column, numRows = 1, numColumns = 1] = (args as number[]).map(Math.trunc);
      const box = { row, column, numRows, numColumns };
      sheet.checkBox(box);
      return rangeRef(sheet, box);
    };
    const ints = (method: string, args: unknown[]): number[] => {
      if (args.some((a) => typeof a !== 'number' || !Number.isFinite(a)))
        throw new Error(E.signatureMismatch(method, args));
      return (args as number[]).map(Math.trunc);
    };
    const insertRows = (
      s: SheetModel,
      method: string,
      position: unknown,
      count: unknown,
      after: boolean,
    ): void => {
      const [p, n] = ints(method, [position, count]);
      if (p < 1 || p > s.maxRows) throw new Error(E.ROWS_OUT_OF_BOUNDS);
      s.insertRows(after ? p + 1 : p, n);
    };
    const insertColumns = (
      s: SheetModel,
      method: string,
      position: unknown,
      count: unknown,
      after: boolean,
    ): void => {
      const [p, n] = ints(method, [position, count]);
      if (p < 1 || p > s.maxColumns) throw new Error(E.COLUMNS_OUT_OF_BOUNDS);
      s.insertColumns(after ? p + 1 : p, n);
    };
    const dialog = (request: unknown): DialogRequest => {
      const r = request as Partial<DialogRequest> | null;
      const buttons: ButtonSetName[] = ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'];
      return {
        title: String(r?.title ?? ''),
        prompt: String(r?.prompt ?? ''),
        buttons: buttons.includes(r?.buttons as ButtonSetName)
          ? (r?.buttons as ButtonSetName)
          : 'OK',
      };
    };
    const html = (method: string, data: unknown): HtmlData => {
      const d = data as Partial<HtmlData> | null;
      if (!d || typeof d.html !== 'string') throw new Error(E.signatureMismatch(method, [data]));
      return {
        html: d.html,
        title: d.title ?? null,
        width: d.width ?? null,
        height: d.height ?? null,
      };
    };

    return {
      ...chartHandlers((r) => this.sheet(r)),
      // SpreadsheetApp
      'SpreadsheetApp.getActive': (ctx) => refOf(active(ctx, 'getActive')),
      'SpreadsheetApp.getActiveSpreadsheet': (ctx) => refOf(active(ctx, 'getActiveSpreadsheet')),
      'SpreadsheetApp.getActiveSheet': (ctx) => {
        const ss = active(ctx, 'getActiveSheet');
        return ss ? sheetRef(ss.activeSheet()) : null;
      },
      'SpreadsheetApp.openById': (ctx, id: unknown) => openById(ctx, 'openById', id),
      'SpreadsheetApp.openByUrl': (ctx, url: unknown) => {
        const m = typeof url === 'string' ? /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(url) : null;
        if (!m) throw new Error(E.signatureMismatch('openByUrl', [url]));
        return openById(ctx, 'openByUrl', m[1]);
      },
      'SpreadsheetApp.create': (ctx, name: unknown) => {
        this.authorize(ctx, 'create', true);
        if (typeof name !== 'string') throw new Error(E.signatureMismatch('create', [name]));
        return { ss: this.createSpreadsheet(name, ctx.timeZone) };
      },
      'SpreadsheetApp.getUi': (ctx) => {
        this.where(ctx);
        return null;
      },
      'SpreadsheetApp.flush': () => null,

      // Spreadsheet
      'Spreadsheet.getId': (_ctx, r: SpreadsheetRef) => this.open(r).id,
      'Spreadsheet.getName': (_ctx, r: SpreadsheetRef) => this.open(r).name,
      'Spreadsheet.rename': (_ctx, r: SpreadsheetRef, name: unknown) => {
        this.open(r).name = String(name);
      },
      'Spreadsheet.getUrl': (_ctx, r: SpreadsheetRef) => this.open(r).url,
      'Spreadsheet.getSpreadsheetTimeZone': (_ctx, r: SpreadsheetRef) => this.open(r).timeZone,
      'Spreadsheet.setSpreadsheetTimeZone': (_ctx, r: SpreadsheetRef, tz: string) =>
        this.open(r).setTimeZone(tz),
      'Spreadsheet.getSheets': (_ctx, r: SpreadsheetRef) => this.open(r).sheets.map(sheetRef),
      'Spreadsheet.getNumSheets': (_ctx, r: SpreadsheetRef) => this.open(r).sheets.length,
      'Spreadsheet.getSheetByName': (_ctx, r: SpreadsheetRef, name: unknown) => {
        const s = this.open(r).byName(String(name));
        return s ? sheetRef(s) : null;
      },
      'Spreadsheet.getSheetById': (_ctx, r: SpreadsheetRef, id: unknown) => {
        const s = typeof id === 'number' ? this.open(r).byId(id) : null;
        return s ? sheetRef(s) : null;
      },
      'Spreadsheet.insertSheet': (_ctx, r: SpreadsheetRef, ...args: unknown[]) => {
        const ss = this.open(r);
        let name: string | undefined;
        let index: number | undefined;
        if (args.length === 1 && typeof args[0] === 'number') index = args[0];
        else if (
          args.length >= 1 &&
          typeof args[0] === 'string' &&
          (args.length === 1 || typeof args[1] === 'number')
        )
          [name, index] = args as [string, number | undefined];
        else if (args.length > 0)
          throw new Error(E.signatureMismatch('Spreadsheet.insertSheet', args));
        return sheetRef(ss.insertSheet(name, index));
      },
      'Spreadsheet.deleteSheet': (_ctx, r: SpreadsheetRef, sheet: SheetRef) => {
        const ss = this.open(r);
        if (!sheet || sheet.ss !== ss.id)
          throw new Error(E.signatureMismatch('Spreadsheet.deleteSheet', [sheet]));
        ss.deleteSheet(ss.live(sheet.sheetId));
      },
      'Spreadsheet.getActiveSheet': (_ctx, r: SpreadsheetRef) =>
        sheetRef(this.open(r).activeSheet()),
      'Spreadsheet.setActiveSheet': (_ctx, r: SpreadsheetRef, sheet: SheetRef) => {
        const ss = this.open(r);
        if (!sheet || sheet.ss !== ss.id)
          throw new Error(E.signatureMismatch('Spreadsheet.setActiveSheet', [sheet]));
        ss.activeSheetId = ss.live(sheet.sheetId).sheetId;
        return sheetRef(ss.activeSheet());
      },
      'Spreadsheet.getRange': (_ctx, r: SpreadsheetRef, a1: unknown) => {
        const ss = this.open(r);
        if (typeof a1 !== 'string')
          throw new Error(E.signatureMismatch('Spreadsheet.getRange', [a1]));
        const bang = a1.lastIndexOf('!');
        const sheetName =
          bang < 0
            ? null
            : a1
                .slice(0, bang)
                .replace(/^'(.*)'$/, '$1')
                .replace(/''/g, "'");
        const sheet = sheetName === null ? ss.activeSheet() : ss.byName(sheetName);
        if (!sheet) throw new Error(E.RANGE_NOT_FOUND);
        return rangeRef(sheet, sheet.boxFromA1(a1));
      },
      'Spreadsheet.toast': (
        ctx,
        r: SpreadsheetRef,
        message: unknown,
        title?: unknown,
        timeout?: unknown,
      ) => {
        const ss = this.open(r);
        const seconds = typeof timeout === 'number' ? timeout : DEFAULT_TOAST_SECONDS;
        this.ui.toast(this.where(ctx, ss.id), String(message ?? ''), String(title ?? ''), seconds);
      },

      // Sheet
      'Sheet.getName': (_ctx, r: SheetRef) => this.sheet(r).name,
      'Sheet.setName': (_ctx, r: SheetRef, name: string) => {
        const s = this.sheet(r);
        s.parent.renameSheet(s, name);
      },
      'Sheet.getSheetId': (_ctx, r: SheetRef) => this.sheet(r).sheetId,
      'Sheet.getIndex': (_ctx, r: SheetRef) => {
        const s = this.sheet(r);
        return s.parent.indexOf(s);
      },
      'Sheet.getParent': (_ctx, r: SheetRef) => ({ ss: this.sheet(r).parent.id }),
      'Sheet.getRange': (_ctx, r: SheetRef, ...args: unknown[]) =>
        getRange(this.sheet(r), args, 'Sheet.getRange'),
      'Sheet.getDataRange': (_ctx, r: SheetRef) => {
        const s = this.sheet(r);
        return rangeRef(s, s.dataBox());
      },
      'Sheet.getLastRow': (_ctx, r: SheetRef) => this.sheet(r).lastRow(),
      'Sheet.getLastColumn': (_ctx, r: SheetRef) => this.sheet(r).lastColumn(),
      'Sheet.getMaxRows': (_ctx, r: SheetRef) => this.sheet(r).maxRows,
      'Sheet.getMaxColumns': (_ctx, r: SheetRef) => this.sheet(r).maxColumns,
      'Sheet.insertRowsAfter': (_ctx, r: SheetRef, position: unknown, count: unknown) =>
        insertRows(this.sheet(r), 'Sheet.insertRowsAfter', position, count, true),
      'Sheet.insertRowsBefore': (_ctx, r: SheetRef, position: unknown, count: unknown) =>
        insertRows(this.sheet(r), 'Sheet.insertRowsBefore', position, count, false),
      'Sheet.insertRowAfter': (_ctx, r: SheetRef, position: unknown) =>
        insertRows(this.sheet(r), 'Sheet.insertRowAfter', position, 1, true),
      'Sheet.insertRowBefore': (_ctx, r: SheetRef, position: unknown) =>
        insertRows(this.sheet(r), 'Sheet.insertRowBefore', position, 1, false),
      'Sheet.insertColumnsAfter': (_ctx, r: SheetRef, position: unknown, count: unknown) =>
        insertColumns(this.sheet(r), 'Sheet.insertColumnsAfter', position, count, true),
      'Sheet.insertColumnsBefore': (_ctx, r: SheetRef, position: unknown, count: unknown) =>
        insertColumns(this.sheet(r), 'Sheet.insertColumnsBefore', position, count, false),
      'Sheet.insertColumnAfter': (_ctx, r: SheetRef, position: unknown) =>
        insertColumns(this.sheet(r), 'Sheet.insertColumnAfter', position, 1, true),
      'Sheet.insertColumnBefore': (_ctx, r: SheetRef, position: unknown) =>
        insertColumns(this.sheet(r), 'Sheet.insertColumnBefore', position, 1, false),
      'Sheet.deleteRows': (_ctx, r: SheetRef, start: number, n: number) =>
        this.sheet(r).deleteRows(...(ints('Sheet.deleteRows', [start, n]) as [number, number])),
      'Sheet.deleteRow': (_ctx, r: SheetRef, row: number) =>
        this.sheet(r).deleteRows(ints('Sheet.deleteRow', [row])[0], 1),
      'Sheet.deleteColumns': (_ctx, r: SheetRef, start: number, n: number) =>
        this.sheet(r).deleteColumns(
          ...(ints('Sheet.deleteColumns', [start, n]) as [number, number]),
        ),
      'Sheet.deleteColumn': (_ctx, r: SheetRef, column: number) =>
        this.sheet(r).deleteColumns(ints('Sheet.deleteColumn', [column])[0], 1),
      'Sheet.setFrozenRows': (_ctx, r: SheetRef, n: number) => this.sheet(r).setFrozenRows(n),
      'Sheet.getFrozenRows': (_ctx, r: SheetRef) => this.sheet(r).frozenRows,
      'Sheet.setFrozenColumns': (_ctx, r: SheetRef, n: number) => this.sheet(r).setFrozenColumns(n),
      'Sheet.getFrozenColumns': (_ctx, r: SheetRef) => this.sheet(r).frozenColumns,
      'Sheet.appendRow': (_ctx, r: SheetRef, values: unknown[]) => {
        this.sheet(r).appendRow(values);
      },
      'Sheet.clear': (_ctx, r: SheetRef) =>
        this.sheet(r).clearSheet({ contents: true, formats: true }),
      'Sheet.clearContents': (_ctx, r: SheetRef) =>
        this.sheet(r).clearSheet({ contents: true, formats: false }),
      'Sheet.clearFormats': (_ctx, r: SheetRef) =>
        this.sheet(r).clearSheet({ contents: false, formats: true }),
      'Sheet.autoResizeColumns': (_ctx, r: SheetRef, start: number, n: number) => {
        const s = this.sheet(r);
        const [startColumn, numColumns] = ints('Sheet.autoResizeColumns', [start, n]);
        s.checkBox({ row: 1, column: startColumn, numRows: 1, numColumns });
        s.autoResized.push({ startColumn, numColumns });
      },
      'Sheet.autoResizeColumn': (_ctx, r: SheetRef, column: number) => {
        const s = this.sheet(r);
        const [startColumn] = ints('Sheet.autoResizeColumn', [column]);
        s.checkBox({ row: 1, column: startColumn, numRows: 1, numColumns: 1 });
        s.autoResized.push({ startColumn, numColumns: 1 });
      },
      'Sheet.activate': (_ctx, r: SheetRef) => {
        const s = this.sheet(r);
        s.parent.activeSheetId = s.sheetId;
      },

      // Range
      'Range.getValues': (_ctx, r: RangeRef) => {
        const { sheet, box } = this.range(r);
        return sheet.getValues(box);
      },
      'Range.getValue': (_ctx, r: RangeRef) => {
        const { sheet, box } = this.range(r);
        return sheet.getValues(topLeft(box))[0][0];
      },
      'Range.setValues': (_ctx, r: RangeRef, values: unknown[][]) => {
        const { sheet, box } = this.range(r);
        sheet.setValues(box, values);
      },
      'Range.setValue': (_ctx, r: RangeRef, value: unknown) => {
        const { sheet, box } = this.range(r);
        sheet.fill(box, value);
      },
      'Range.getDisplayValues': (_ctx, r: RangeRef) => {
        const { sheet, box } = this.range(r);
        return sheet.getDisplayValues(box);
      },
      'Range.getDisplayValue': (_ctx, r: RangeRef) => {
        const { sheet, box } = this.range(r);
        return sheet.getDisplayValues(topLeft(box))[0][0];
      },
      ...this.cellAttribute('NumberFormat', 'NumberFormats', {
        get: (sheet, box) => sheet.getNumberFormats(box),
        set: (sheet, box, v) => sheet.setNumberFormats(box, v),
        singleIsString: true,
      }),
      ...this.cellAttribute('Formula', 'Formulas', {
        get: (sheet, box) => sheet.getFormulas(box),
        set: (sheet, box, v) => sheet.setFormulas(box, v),
        singleIsString: true,
      }),
      // One formula for a larger range is the top-left cell's, its relative references moving
      // with each cell as when Sheets fills a formula down or across.
      'Range.setFormula': (_ctx, r: RangeRef, formula: unknown) => {
        const { sheet, box } = this.range(r);
        if (typeof formula !== 'string')
          throw new Error(E.signatureMismatch('Range.setFormula', [formula]));
        sheet.fillFormula(box, formula);
      },
      ...this.cellAttribute('FormulaR1C1', 'FormulasR1C1', {
        get: (sheet, box) => sheet.getFormulasR1C1(box),
        set: (sheet, box, v) => sheet.setFormulasR1C1(box, v),
        singleIsString: true,
      }),
      ...this.cellAttribute('FontWeight', 'FontWeights', {
        get: (sheet, box) => sheet.getFontWeights(box),
        set: (sheet, box, v) => sheet.setFontWeights(box, v),
      }),
      ...this.cellAttribute('Background', 'Backgrounds', {
        get: (sheet, box) => sheet.getBackgrounds(box),
        set: (sheet, box, v) => sheet.setBackgrounds(box, v),
      }),
      'Range.getRow': (_ctx, r: RangeRef) => this.range(r).box.row,
      'Range.getColumn': (_ctx, r: RangeRef) => this.range(r).box.column,
      'Range.getNumRows': (_ctx, r: RangeRef) => this.range(r).box.numRows,
      'Range.getNumColumns': (_ctx, r: RangeRef) => this.range(r).box.numColumns,
      'Range.getLastRow': (_ctx, r: RangeRef) => {
        const { box } = this.range(r);
        return box.row + box.numRows - 1;
      },
      'Range.getLastColumn': (_ctx, r: RangeRef) => {
        const { box } = this.range(r);
        return box.column + box.numColumns - 1;
      },
      'Range.getA1Notation': (_ctx, r: RangeRef) => {
        const { sheet, box } = this.range(r);
        return sheet.a1(box);
      },
      'Range.getSheet': (_ctx, r: RangeRef) => sheetRef(this.sheet(r)),
      'Range.clearContent': (_ctx, r: RangeRef) => {
        const { sheet, box } = this.range(r);
        sheet.clear(box, { contents: true, formats: false });
      },
      'Range.clear': (
        _ctx,
        r: RangeRef,
        options?: { contentsOnly?: boolean; formatOnly?: boolean },
      ) => {
        const { sheet, box } = this.range(r);
        const contents = !options?.formatOnly || !!options?.contentsOnly;
        const formats = !options?.contentsOnly || !!options?.formatOnly;
        sheet.clear(box, { contents, formats });
      },
      'Range.clearFormat': (_ctx, r: RangeRef) => {
        const { sheet, box } = this.range(r);
        sheet.clear(box, { contents: false, formats: true });
      },
      'Range.offset': (_ctx, r: RangeRef, ...args: unknown[]) => {
        const { sheet, box } = this.range(r);
        if (args.length !== 2 && args.length !== 4)
          throw new Error(E.signatureMismatch('Range.offset', args));
        const [dr, dc, numRows = box.numRows, numColumns = box.numColumns] = ints(
          'Range.offset',
          args,
        );
        const moved = { row: box.row + dr, column: box.column + dc, numRows, numColumns };
        sheet.checkBox(moved);
        return rangeRef(sheet, moved);
      },
      'Range.getCell': (_ctx, r: RangeRef, row: number, column: number) => {
        const { sheet, box } = this.range(r);
        const [dr, dc] = ints('Range.getCell', [row, column]);
        if (dr < 1 || dc < 1 || dr > box.numRows || dc > box.numColumns)
          throw new Error(E.OUTSIDE_SHEET);
        return rangeRef(sheet, {
          row: box.row + dr - 1,
          column: box.column + dc - 1,
          numRows: 1,
          numColumns: 1,
        });
      },

      // Ui and Menu
      'Ui.createAddonMenu': (ctx) => {
        this.where(ctx);
        return this.ui.createMenu(this.addOnName, true);
      },
      'Ui.createMenu': (ctx, caption: unknown) => {
        this.where(ctx);
        if (typeof caption !== 'string')
          throw new Error(E.signatureMismatch('Ui.createMenu', [caption]));
        return this.ui.createMenu(caption, false);
      },
      'Ui.alert': (ctx, request: unknown) =>
        this.ui.ask(this.where(ctx), 'alert', dialog(request)).button,
      'Ui.prompt': (ctx, request: unknown) =>
        this.ui.ask(this.where(ctx), 'prompt', dialog(request)),
      'Ui.showSidebar': (ctx, data: unknown) =>
        this.ui.showSidebar(this.where(ctx), html('Ui.showSidebar', data)),
      'Ui.showModalDialog': (ctx, data: unknown, title: unknown) =>
        this.ui.showDialog(
          this.where(ctx),
          'modal',
          html('Ui.showModalDialog', data),
          String(title ?? ''),
        ),
      'Ui.showModelessDialog': (ctx, data: unknown, title: unknown) =>
        this.ui.showDialog(
          this.where(ctx),
          'modeless',
          html('Ui.showModelessDialog', data),
          String(title ?? ''),
        ),
      'Menu.addItem': (_ctx, menuId: string, caption: unknown, functionName: unknown) => {
        if (typeof caption !== 'string' || typeof functionName !== 'string')
          throw new Error(E.signatureMismatch('Menu.addItem', [caption, functionName]));
        this.ui.addItem(menuId, caption, functionName);
      },
      'Menu.addSeparator': (_ctx, menuId: string) => this.ui.addSeparator(menuId),
      'Menu.addSubMenu': (_ctx, menuId: string, subMenuId: string) =>
        this.ui.addSubMenu(menuId, subMenuId),
      'Menu.addToUi': (ctx, menuId: string) => this.ui.addToUi(this.where(ctx), menuId),
    };
  }
}

function refOf(ss: SpreadsheetModel | null): SpreadsheetRef | null {
  return ss ? { ss: ss.id } : null;
}

/** The range's top-left cell: what Apps Script's singular getters read. */
function topLeft(box: GridBox): GridBox {
  return { ...box, numRows: 1, numColumns: 1 };
}

function fillBlock(box: GridBox, value: unknown): unknown[][] {
  return Array.from({ length: box.numRows }, () => new Array<unknown>(box.numColumns).fill(value));
}

/** Which spreadsheet a mutating call changed: from its first argument's ref, or what it created. */
function changedId(method: string, args: readonly unknown[], result: unknown): string | null {
  if (method === 'SpreadsheetApp.create') return (result as SpreadsheetRef).ss;
  const ref = args[0] as Partial<SpreadsheetRef> | undefined;
  return typeof ref?.ss === 'string' ? ref.ss : null;
}
