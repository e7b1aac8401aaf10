// In-memory spreadsheets for the local runtime: sheets with stable ids, a grid of values with number
// formats and styles, frozen rows/columns and sheet sizes, enforcing Sheets' limits with Apps
// Script's error messages. Pure data, no RPC; see README.md for what is and is not emulated.
import { boxToA1, type GridBox, parseA1 } from './a1';
import { ChartStore } from './charts-model';
import type { Dimension, DimensionChange } from './dimension-change';
import * as E from './errors';
import { type Computed, FormulaEngine, serialToDate } from './formulas';
import { fromR1C1, toR1C1 } from './formula-r1c1';
import { tokenize, untokenize } from './formula-tokens';
import {
  type CellValue,
  DEFAULT_DATE_TIME_FORMAT,
  DEFAULT_NUMBER_FORMAT,
  displayValue,
  isDate,
  isDatePattern,
  isValidTimeZone,
} from './format';

export type { CellValue } from './format';
export type { GridBox } from './a1';

/** Google Sheets' cap on cells (rows x columns, all sheets) in one spreadsheet. */
export const MAX_CELLS = 10_000_000;
/** Google Sheets' cap on characters in one cell. */
export const MAX_CELL_CHARS = 50_000;
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

/** One stored cell; exported read-only for the formula engine. */
export interface Cell {
  value: CellValue;
  /** The formula ('=...') when the cell holds one; `value` is then '' and the result computed. */
  formula?: string;
  format?: string;
  fontWeight?: string;
  background?: string;
}

/** One tab of a spreadsheet. Coordinates are 1-based, as in Apps Script. */
export class SheetModel {
  frozenRows = 0;
  frozenColumns = 0;
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;
  /** autoResizeColumns calls, recorded since nothing is rendered. */
  readonly autoResized: Array<{ startColumn: number; numColumns: number }> = [];
  private grid: Array<Array<Cell | undefined> | undefined> = [];
  /** False once a scan found no formula here, until one is written. */
  private mayHoldFormulas = false;

  constructor(
    readonly parent: SpreadsheetModel,
    readonly sheetId: number,
    public name: string,
  ) {}

  /** Throws Apps Script's errors for a box that does not fit in this sheet. */
  checkBox(box: GridBox): void {
    if (box.row < 1) throw new Error(E.START_ROW_TOO_SMALL);
    if (box.column < 1) throw new Error(E.START_COLUMN_TOO_SMALL);
    if (box.numRows < 1) throw new Error(E.ROWS_AT_LEAST_ONE);
    if (box.numColumns < 1) throw new Error(E.COLUMNS_AT_LEAST_ONE);
    if (
      box.row + box.numRows - 1 > this.maxRows ||
      box.column + box.numColumns - 1 > this.maxColumns
    )
      throw new Error(E.OUTSIDE_SHEET);
  }

  /** Resolves A1 notation on this sheet (a sheet name in it must be this sheet's). */
  boxFromA1(notation: string): GridBox {
    const { sheetName, box } = parseA1(notation, this.maxRows, this.maxColumns);
    if (sheetName !== null && sheetName !== this.name) throw new Error(E.RANGE_NOT_FOUND);
    this.checkBox(box);
    return box;
  }

  private cell(row: number, column: number): Cell | undefined {
    return this.grid[row - 1]?.[column - 1];
  }

  /** A stored cell, read-only (for the formula engine); undefined where nothing was ever written. */
  cellAt(row: number, column: number): Readonly<Cell> | undefined {
    return this.cell(row, column);
  }

  /** Replaces each formula of this sheet by what `rewrite` makes of it (references following). */
  rewriteFormulas(rewrite: (formula: string) => string): void {
    // Most sheets hold no formula: skip their cells (a daily sheet is rewritten on every insert).
    if (!this.mayHoldFormulas) return;
    let found = false;
    for (const row of this.grid)
      for (const cell of row ?? [])
        if (cell?.formula !== undefined) {
          cell.formula = rewrite(cell.formula);
          found = true;
        }
    this.mayHoldFormulas = found;
  }

  /** How many rows the grid stores: every row after these is blank. */
  storedRows(): number {
    return this.grid.length;
  }

  /** A formula cell's computed value and the date format its number result shows with. */
  private computed(cell: Cell, row: number, column: number): Computed {
    return this.parent.formulas.compute(this, row, column, cell.formula as string);
  }

  private ensureCell(row: number, column: number): Cell {
    const r = (this.grid[row - 1] ??= []);
    return (r[column - 1] ??= { value: '' });
  }

  private map<T>(box: GridBox, f: (cell: Cell | undefined) => T): T[][] {
    this.checkBox(box);
    const out: T[][] = [];
    for (let r = 0; r < box.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < box.numColumns; c++) row.push(f(this.cell(box.row + r, box.column + c)));
      out.push(row);
    }
    return out;
  }

  getValues(box: GridBox): CellValue[][] {
    let r = 0;
    let c = -1;
    return this.map(box, (cell) => {
      // Track the position: map visits the box row by row.
      if (++c === box.numColumns) {
        c = 0;
        r++;
      }
      if (cell?.formula === undefined) return copyValue(cell?.value ?? '');
      return this.formulaValue(cell, box.row + r, box.column + c);
    });
  }

  /**
   * What getValues returns for a formula cell: errors as their code ('#DIV/0!'), blanks as '', and
   * a number as a Date when the cell shows it as a date (its own date format, or none and a date
   * result such as =DATE(...) or a reference to a date), as Sheets does.
   */
  private formulaValue(cell: Cell, row: number, column: number): CellValue {
    const { value, dateFormat } = this.computed(cell, row, column);
    if (value === null) return '';
    if (typeof value === 'object') return value.code;
    if (typeof value === 'number') {
      const shownAsDate =
        cell.format !== undefined ? isDatePattern(cell.format) : dateFormat !== null;
      if (shownAsDate) return serialToDate(value, this.parent.timeZone);
    }
    return value;
  }

  getNumberFormats(box: GridBox): string[][] {
    return this.map(box, (cell) => cell?.format ?? DEFAULT_NUMBER_FORMAT);
  }

  getDisplayValues(box: GridBox): string[][] {
    const tz = this.parent.timeZone;
    let r = 0;
    let c = -1;
    return this.map(box, (cell) => {
      if (++c === box.numColumns) {
        c = 0;
        r++;
      }
      if (!cell) return '';
      if (cell.formula === undefined) return displayValue(cell.value, cell.format, tz);
      const { value, dateFormat } = this.computed(cell, box.row + r, box.column + c);
      if (value === null) return '';
      if (typeof value === 'object') return value.code;
      return displayValue(value, cell.format ?? dateFormat ?? undefined, tz);
    });
  }

  /** Range.getFormulas: the formula text of each cell, '' where a cell holds none. */
  getFormulas(box: GridBox): string[][] {
    return this.map(box, (cell) => cell?.formula ?? '');
  }

  /** Range.setFormula: the top-left cell's formula, filled over the box with references moving. */
  fillFormula(box: GridBox, formula: string): void {
    this.checkBox(box);
    let parses = true;
    try {
      tokenize(formula.slice(1));
    } catch {
      parses = false;
    }
    if (!formula.startsWith('=') || !parses || (box.numRows === 1 && box.numColumns === 1)) {
      this.fill(box, formula);
      return;
    }
    const relative = toR1C1(normalizeFormula(formula, this.parent), box.row, box.column);
    this.setFormulasR1C1(box, block(box, relative));
  }

  /** Range.getFormulasR1C1: each formula relative to its own cell ('=R[-1]C[0]'), '' for none. */
  getFormulasR1C1(box: GridBox): string[][] {
    return this.getFormulas(box).map((row, r) =>
      row.map((f, c) => (f === '' ? '' : toR1C1(f, box.row + r, box.column + c))),
    );
  }

  /** Range.setFormulasR1C1: R1C1 formulas, each read relative to the cell it is written into. */
  setFormulasR1C1(box: GridBox, formulas: readonly (readonly unknown[])[]): void {
    this.checkBlock(box, formulas, 'Range.setFormulasR1C1');
    const a1 = formulas.map((row, r) =>
      row.map((f, c) => {
        if (typeof f !== 'string')
          throw new Error(E.signatureMismatch('Range.setFormulasR1C1', [formulas]));
        return f.startsWith('=') ? fromR1C1(f, box.row + r, box.column + c) : f;
      }),
    );
    this.setValues(box, a1);
  }

  /**
   * Range.setFormulas: each text starting with '=' becomes a formula; '' clears the cell; other
   * text is stored as a value, as Sheets does with a formula that is not one.
   */
  setFormulas(box: GridBox, formulas: readonly (readonly unknown[])[]): void {
    this.checkBlock(box, formulas, 'Range.setFormulas');
    for (const row of formulas)
      for (const f of row)
        if (typeof f !== 'string')
          throw new Error(E.signatureMismatch('Range.setFormulas', [formulas]));
    this.setValues(box, formulas);
  }

  getFontWeights(box: GridBox): string[][] {
    return this.map(box, (cell) => cell?.fontWeight ?? 'normal');
  }

  getBackgrounds(box: GridBox): string[][] {
    return this.map(box, (cell) => cell?.background ?? '#ffffff');
  }

  /**
   * Writes a block. Values are stored as given: real Sheets parses a string like typed input
   * ("42" becomes a number, "2026-01-02" a date, "=A1" a formula); here strings stay strings.
   * A Date written into an unformatted cell gets Sheets' default date-time format, as in Sheets.
   */
  setValues(box: GridBox, values: readonly (readonly unknown[])[]): void {
    this.checkBlock(box, values, 'Range.setValues');
    const normalized = values.map((row) => row.map(normalizeValue));
    for (let r = 0; r < box.numRows; r++) {
      for (let c = 0; c < box.numColumns; c++) {
        const value = normalized[r][c];
        const cell = this.cell(box.row + r, box.column + c);
        if (!cell && value === '') continue;
        const target = cell ?? this.ensureCell(box.row + r, box.column + c);
        if (target.formula !== undefined) delete target.formula;
        // A leading apostrophe marks text, as when typed into Sheets: it is not part of the value.
        if (typeof value === 'string' && value.startsWith("'")) {
          target.value = value.slice(1);
          continue;
        }
        // A string starting with '=' is a formula, as when typed into Sheets, except in a cell
        // formatted as plain text, where it stays the text it is.
        if (
          typeof value === 'string' &&
          value.length > 1 &&
          value.startsWith('=') &&
          target.format !== '@'
        ) {
          target.value = '';
          target.formula = normalizeFormula(value, this.parent);
          this.mayHoldFormulas = true;
          continue;
        }
        target.value = value;
        if (isDate(value) && target.format === undefined) target.format = DEFAULT_DATE_TIME_FORMAT;
      }
    }
    this.parent.touch();
  }

  /** Sets every cell of the box to one value, as Range.setValue does on a multi-cell range. */
  fill(box: GridBox, value: unknown): void {
    this.checkBox(box);
    this.setValues(box, block(box, value));
  }

  setNumberFormats(box: GridBox, formats: readonly (readonly unknown[])[]): void {
    this.checkBlock(box, formats, 'Range.setNumberFormats');
    this.eachCell(box, (cell, r, c) => (cell.format = String(formats[r][c])));
    // A formula's result shows as a date or not by the format: cached results know which.
    this.parent.touch();
  }

  setFontWeights(box: GridBox, weights: readonly (readonly unknown[])[]): void {
    this.checkBlock(box, weights, 'Range.setFontWeights');
    this.eachCell(box, (cell, r, c) => {
      const w = weights[r][c];
      cell.fontWeight = w === null || w === undefined ? 'normal' : String(w);
    });
  }

  setBackgrounds(box: GridBox, colors: readonly (readonly unknown[])[]): void {
    this.checkBlock(box, colors, 'Range.setBackgrounds');
    this.eachCell(box, (cell, r, c) => {
      const color = colors[r][c];
      cell.background = color === null || color === undefined ? '#ffffff' : String(color);
    });
  }

  private eachCell(box: GridBox, f: (cell: Cell, r: number, c: number) => void): void {
    for (let r = 0; r < box.numRows; r++)
      for (let c = 0; c < box.numColumns; c++)
        f(this.ensureCell(box.row + r, box.column + c), r, c);
  }

  private checkBlock(box: GridBox, data: unknown, method: string): void {
    this.checkBox(box);
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row)))
      throw new Error(E.signatureMismatch(method, [data]));
    const rows = data as unknown[][];
    if (rows.length !== box.numRows) throw new Error(E.rowMismatch(rows.length, box.numRows));
    for (const row of rows)
      if (row.length !== box.numColumns)
        throw new Error(E.columnMismatch(row.length, box.numColumns));
  }

  /** Clears contents and/or formats (number formats and styles) in a box. */
  clear(box: GridBox, what: { contents: boolean; formats: boolean }): void {
    this.checkBox(box);
    for (let r = box.row; r < box.row + box.numRows; r++) {
      for (let c = box.column; c < box.column + box.numColumns; c++) {
        const cell = this.cell(r, c);
        if (!cell) continue;
        if (what.contents) {
          cell.value = '';
          delete cell.formula;
        }
        if (what.formats) {
          delete cell.format;
          delete cell.fontWeight;
          delete cell.background;
        }
      }
    }
    this.parent.touch();
  }

  /** The last row holding a value (formats alone do not count), 0 for an empty sheet. */
  lastRow(): number {
    for (let r = this.grid.length; r >= 1; r--) {
      if (this.grid[r - 1]?.some(hasContent)) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.grid) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        if (hasContent(row[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Sheet.getDataRange: A1 to the last row and column with content (at least A1). */
  dataBox(): GridBox {
    return {
      row: 1,
      column: 1,
      numRows: Math.max(1, this.lastRow()),
      numColumns: Math.max(1, this.lastColumn()),
    };
  }

  insertRows(before: number, count: number): void {
    if (!(before >= 1 && before <= this.maxRows + 1) || !(count >= 1))
      throw new Error(E.ROWS_OUT_OF_BOUNDS);
    this.parent.ensureRoom(count * this.maxColumns);
    if (before - 1 < this.grid.length)
      this.grid.splice(before - 1, 0, ...new Array<undefined>(count));
    this.maxRows += count;
    // Rows inserted inside the frozen band widen it, as in Sheets.
    if (before <= this.frozenRows) this.frozenRows += count;
    this.changed({ dimension: 'ROWS', kind: 'insert', at: before, count });
  }

  deleteRows(start: number, count: number): void {
    if (!(start >= 1 && count >= 1 && start + count - 1 <= this.maxRows))
      throw new Error(E.ROWS_OUT_OF_BOUNDS);
    const frozenDeleted = Math.max(0, Math.min(this.frozenRows, start + count - 1) - start + 1);
    if (count - frozenDeleted >= this.maxRows - this.frozenRows) throw new Error(E.DELETE_ALL_ROWS);
    this.grid.splice(start - 1, count);
    this.maxRows -= count;
    this.frozenRows -= frozenDeleted;
    this.changed({ dimension: 'ROWS', kind: 'delete', start, count });
  }

  insertColumns(before: number, count: number): void {
    if (!(before >= 1 && before <= this.maxColumns + 1) || !(count >= 1))
      throw new Error(E.COLUMNS_OUT_OF_BOUNDS);
    this.parent.ensureRoom(count * this.maxRows);
    for (const row of this.grid)
      if (row && before - 1 < row.length) row.splice(before - 1, 0, ...new Array<undefined>(count));
    this.maxColumns += count;
    if (before <= this.frozenColumns) this.frozenColumns += count;
    this.changed({ dimension: 'COLUMNS', kind: 'insert', at: before, count });
  }

  deleteColumns(start: number, count: number): void {
    if (!(start >= 1 && count >= 1 && start + count - 1 <= this.maxColumns))
      throw new Error(E.COLUMNS_OUT_OF_BOUNDS);
    const frozenDeleted = Math.max(0, Math.min(this.frozenColumns, start + count - 1) - start + 1);
    if (count - frozenDeleted >= this.maxColumns - this.frozenColumns)
      throw new Error(E.DELETE_ALL_COLUMNS);
    for (const row of this.grid) row?.splice(start - 1, count);
    this.maxColumns -= count;
    this.frozenColumns -= frozenDeleted;
    this.changed({ dimension: 'COLUMNS', kind: 'delete', start, count });
  }

  /**
   * Sheet.moveColumns / moveRows: lines start..start+count-1 (values, formats and styles) go before
   * the line that is at `destination` before the move, so they may end up at a smaller index.
   */
  moveLines(dimension: Dimension, start: number, count: number, destination: number): void {
    const rows = dimension === 'ROWS';
    const max = rows ? this.maxRows : this.maxColumns;
    const error = rows ? E.ROWS_OUT_OF_BOUNDS : E.COLUMNS_OUT_OF_BOUNDS;
    if (!(start >= 1 && count >= 1 && start + count - 1 <= max)) throw new Error(error);
    if (!(destination >= 1 && destination <= max + 1)) throw new Error(error);
    if (destination >= start && destination <= start + count) return;
    if (rows) moveBlock(this.grid, start - 1, count, destination - 1);
    else for (const row of this.grid) if (row) moveBlock(row, start - 1, count, destination - 1);
    this.changed({ dimension, kind: 'move', start, count, destination });
  }

  private changed(change: DistributiveOmit<DimensionChange, 'sheetId'>): void {
    this.parent.dimensionChanged({ ...change, sheetId: this.sheetId } as DimensionChange);
  }

  setFrozenRows(rows: number): void {
    if (!Number.isInteger(rows) || rows < 0)
      throw new Error(E.signatureMismatch('Sheet.setFrozenRows', [rows]));
    if (rows >= this.maxRows) throw new Error(E.FREEZE_ALL_ROWS);
    this.frozenRows = rows;
  }

  setFrozenColumns(columns: number): void {
    if (!Number.isInteger(columns) || columns < 0)
      throw new Error(E.signatureMismatch('Sheet.setFrozenColumns', [columns]));
    if (columns >= this.maxColumns) throw new Error(E.FREEZE_ALL_COLUMNS);
    this.frozenColumns = columns;
  }

  /** Sheet.appendRow: writes after the last row with content, growing the sheet when it is full. */
  appendRow(values: readonly unknown[]): GridBox {
    if (!Array.isArray(values)) throw new Error(E.signatureMismatch('Sheet.appendRow', [values]));
    const row = this.lastRow() + 1;
    const width = Math.max(1, values.length);
    if (row > this.maxRows) this.insertRows(this.maxRows + 1, 1);
    if (width > this.maxColumns) this.insertColumns(this.maxColumns + 1, width - this.maxColumns);
    const box = { row, column: 1, numRows: 1, numColumns: width };
    if (values.length > 0) this.setValues(box, [values]);
    return box;
  }

  clearSheet(what: { contents: boolean; formats: boolean }): void {
    this.clear({ row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns }, what);
  }

  // Helpers for tests and the playground.

  /** Values of the data range (A1 to last row/column with content), [] for an empty sheet. */
  values(): CellValue[][] {
    return this.lastRow() === 0 ? [] : this.getValues(this.dataBox());
  }

  displayValues(): string[][] {
    return this.lastRow() === 0 ? [] : this.getDisplayValues(this.dataBox());
  }

  numberFormats(): string[][] {
    return this.lastRow() === 0 ? [] : this.getNumberFormats(this.dataBox());
  }

  a1(box: GridBox): string {
    return boxToA1(box);
  }
}

/** A spreadsheet file: ordered sheets, a time zone that decides what day a Date shows, a URL. */
export class SpreadsheetModel {
  readonly sheets: SheetModel[] = [];
  /** Embedded charts of every sheet (ranges may read any sheet of this spreadsheet). */
  readonly charts = new ChartStore(this);
  /** Computes formula cells; its cache is dropped by touch() on every change. */
  readonly formulas = new FormulaEngine(this);
  /**
   * Formula texts as written -> as kept (they depend on the sheets' names, so any change to the
   * list of sheets forgets them): a dashboard refresh writes the same formulas again.
   */
  readonly normalizedFormulas = new Map<string, string>();
  activeSheetId: number;
  private namesSeen = '';
  private readonly dimensionListeners = new Set<(change: DimensionChange) => void>();
  private idState: number;
  private readonly usedIds = new Set<number>();

  constructor(
    readonly id: string,
    public name: string,
    public timeZone = 'Etc/UTC',
  ) {
    if (!isValidTimeZone(timeZone)) throw new Error(`Invalid argument: ${timeZone}`);
    // Like Google's, the first sheet is "Sheet1" with id 0; later ids look random.
    this.idState = hashSeed(id);
    this.sheets.push(new SheetModel(this, this.claimId(0), 'Sheet1'));
    this.onDimensionChange((change) => this.formulas.followDimension(change));
    this.activeSheetId = 0;
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  cellCount(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }

  /**
   * Something that holds references into sheets (a formula engine, say) hears every row/column
   * insert, delete and move here, after the grid changed; charts follow them first.
   */
  onDimensionChange(cb: (change: DimensionChange) => void): () => void {
    this.dimensionListeners.add(cb);
    return () => this.dimensionListeners.delete(cb);
  }

  dimensionChanged(change: DimensionChange): void {
    this.touch();
    this.charts.follow(change);
    this.dimensionListeners.forEach((cb) => cb(change));
  }

  /** Something that formulas may read changed: computed values are recomputed when next read. */
  touch(): void {
    this.formulas.invalidate();
    if (this.namesSeen !== this.sheets.map((s) => s.name).join('\n')) {
      this.namesSeen = this.sheets.map((s) => s.name).join('\n');
      this.normalizedFormulas.clear();
    }
  }

  /** Throws Sheets' limit error if adding `extra` cells would pass 10 million. */
  ensureRoom(extra: number): void {
    if (this.cellCount() + extra > MAX_CELLS) throw new Error(E.CELL_LIMIT);
  }

  setTimeZone(timeZone: string): void {
    if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone))
      throw new Error(`Invalid argument: ${timeZone}`);
    this.timeZone = timeZone;
    this.touch();
  }

  byName(name: string): SheetModel | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  byId(sheetId: number): SheetModel | null {
    return this.sheets.find((s) => s.sheetId === sheetId) ?? null;
  }

  /** For tests: a sheet by name or id, throwing when there is none. */
  sheet(nameOrId: string | number): SheetModel {
    const s = typeof nameOrId === 'number' ? this.byId(nameOrId) : this.byName(nameOrId);
    if (!s) throw new Error(`No sheet ${JSON.stringify(nameOrId)} in spreadsheet ${this.name}`);
    return s;
  }

  /** A live sheet by id, or Apps Script's error when the script holds a deleted one. */
  live(sheetId: number): SheetModel {
    const s = this.byId(sheetId);
    if (!s) throw new Error(E.SHEET_DELETED);
    return s;
  }

  activeSheet(): SheetModel {
    return this.byId(this.activeSheetId) ?? this.sheets[0];
  }

  /** 1-based position among the tabs (Sheet.getIndex). */
  indexOf(sheet: SheetModel): number {
    return this.sheets.indexOf(sheet) + 1;
  }

  /**
   * Spreadsheet.insertSheet: a default name "SheetN" when none is given; without an index the new
   * sheet goes right after the active one; the new sheet becomes active (documented).
   */
  insertSheet(name?: string, index?: number): SheetModel {
    const sheetName = name ?? this.defaultSheetName();
    this.checkNameFree(sheetName, null);
    this.ensureRoom(NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    const position =
      index === undefined
        ? this.sheets.indexOf(this.activeSheet()) + 1
        : Math.max(0, Math.min(index, this.sheets.length));
    const sheet = new SheetModel(this, this.claimId(), sheetName);
    this.sheets.splice(position, 0, sheet);
    this.activeSheetId = sheet.sheetId;
    this.touch();
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw new Error(E.REMOVE_ALL_SHEETS);
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new Error(E.SHEET_DELETED);
    this.sheets.splice(i, 1);
    this.formulas.follow({ kind: 'deleteSheet', sheetName: sheet.name });
    this.charts.sheetDeleted(sheet.sheetId);
    this.touch();
    if (this.activeSheetId === sheet.sheetId)
      this.activeSheetId = this.sheets[Math.max(0, i - 1)].sheetId;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (typeof name !== 'string' || name.trim() === '')
      throw new Error(E.signatureMismatch('Sheet.setName', [name]));
    this.checkNameFree(name, sheet);
    this.formulas.follow({ kind: 'rename', from: sheet.name, to: name });
    sheet.name = name;
    this.touch();
  }

  /** Sheet names are unique regardless of case in Google Sheets. */
  private checkNameFree(name: string, self: SheetModel | null): void {
    const taken = this.sheets.find(
      (s) => s !== self && s.name.toLowerCase() === name.toLowerCase(),
    );
    if (taken) throw new Error(E.duplicateSheetName(name));
  }

  private defaultSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      const candidate = `Sheet${n}`;
      if (!this.sheets.some((s) => s.name.toLowerCase() === candidate.toLowerCase()))
        return candidate;
    }
  }

  /** A new id for a chart: sheets and charts share one id space, as in Sheets. */
  claimObjectId(): number {
    return this.claimId();
  }

  /** Ids are never reused within a spreadsheet, even after the sheet holding one is deleted. */
  private claimId(wanted?: number): number {
    let id = wanted;
    while (id === undefined || this.usedIds.has(id)) {
      this.idState = (Math.imul(this.idState, 1103515245) + 12345) >>> 0;
      id = this.idState % 2_000_000_000;
    }
    this.usedIds.add(id);
    return id;
  }
}

function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== '' || cell.formula !== undefined);
}

/**
 * A formula as Sheets keeps it: function names and references upper-case, sheet names as the
 * sheets spell them (quoted only where needed), the rest as typed.
 */
function normalizeFormula(text: string, book: SpreadsheetModel): string {
  const known = book.normalizedFormulas.get(text);
  if (known !== undefined) return known;
  const normalized = normalizeUncached(text, book);
  if (book.normalizedFormulas.size >= 50_000) book.normalizedFormulas.clear();
  book.normalizedFormulas.set(text, normalized);
  return normalized;
}

function normalizeUncached(text: string, book: SpreadsheetModel): string {
  try {
    const tokens = tokenize(text.slice(1)).map((t) => {
      if (t.kind !== 'ref' || t.ref.sheet === null) return t;
      const lower = t.ref.sheet.toLowerCase();
      const sheet = book.sheets.find((s) => s.name.toLowerCase() === lower);
      return sheet ? { ...t, ref: { ...t.ref, sheet: sheet.name } } : t;
    });
    return '=' + untokenize(tokens);
  } catch {
    return text; // unparsable: kept as typed, it computes to #ERROR!
  }
}

function copyValue(value: CellValue): CellValue {
  return isDate(value) ? new Date(value.getTime()) : value;
}

/** What a cell keeps of a value a script writes: null/undefined clear it, objects become text. */
function normalizeValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return new Date(value.getTime());
  if (typeof value === 'string') {
    if (value.length > MAX_CELL_CHARS) throw new Error(E.cellTooLong(MAX_CELL_CHARS));
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Moves arr[start..start+count-1] before arr[destination] (0-based, index before the move). */
function moveBlock<T>(arr: (T | undefined)[], start: number, count: number, destination: number) {
  const moved = arr.splice(start, count);
  while (moved.length < count) moved.push(undefined);
  const at = destination > start ? destination - count : destination;
  while (arr.length < at) arr.push(undefined);
  arr.splice(at, 0, ...moved);
}

function block(box: GridBox, value: unknown): unknown[][] {
  return Array.from({ length: box.numRows }, () => new Array<unknown>(box.numColumns).fill(value));
}
