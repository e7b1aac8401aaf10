// The formula engine of one spreadsheet: computes formula cells on demand from the cells they
// reference (any sheet of the spreadsheet), caching every computed cell and every range read until
// the next change to the spreadsheet (SpreadsheetModel.touch), so reading a summary sheet of many
// formulas over the same whole columns costs one pass over those columns. Evaluation is never a
// counted Sheets call: it happens inside the calls that read values.
import type { GridBox } from './a1';
import {
  AUTO_DATE_FORMAT,
  type EvalContext,
  cellResult,
  evaluate,
  resultDateFormat,
} from './formula-eval';
import { type Node, parseFormula } from './formula-parse';
import type { DimensionChange } from './dimension-change';
import { type SheetChange, shiftFormula } from './formula-shift';
import type { Reference } from './formula-tokens';
import { FormulaError, PARSE, REF, type RangeValue, type Scalar, isError } from './formula-values';
import { type CellValue, dateToSerial, isDate, isDatePattern } from './format';
import type { SheetModel, SpreadsheetModel } from './model';

/** What a formula cell holds after evaluation: its value and, for a date, the format it shows. */
export interface Computed {
  value: Scalar;
  /** The date format a number result displays with in an unformatted cell, null otherwise. */
  dateFormat: string | null;
}

/** How deep formulas may call formulas before the rest of the chain is computed first. */
const MAX_DEPTH = 150;

interface Job {
  key: string;
  sheet: SheetModel;
  row: number;
  column: number;
  formula: string;
}

/** Thrown past the recursion limit: the cell to compute before retrying the one that needs it. */
class ComputeFirst {
  constructor(readonly job: Job) {}
}

function circular(): Computed {
  return {
    value: new FormulaError(
      REF,
      'Circular dependency detected. To resolve with iterative calculation, see File > Settings.',
    ),
    dateFormat: null,
  };
}

const parsed = new Map<string, Node | FormulaError>();

/** The expression tree of a formula text ('=...'), or #ERROR! when it does not parse. */
function parseCached(formula: string): Node | FormulaError {
  let node = parsed.get(formula);
  if (node === undefined) {
    try {
      node = parseFormula(formula.slice(1));
    } catch (e) {
      node = new FormulaError(PARSE, `Formula parse error: ${(e as Error).message}`);
    }
    // Bounded: a long playground session writes many distinct formulas over time.
    if (parsed.size >= 50_000) parsed.clear();
    parsed.set(formula, node);
  }
  return node;
}

export class FormulaEngine {
  private readonly computed = new Map<string, Computed>();
  private readonly ranges = new Map<string, RangeValue>();
  private readonly inProgress = new Set<string>();
  private depth = 0;

  constructor(private readonly book: SpreadsheetModel) {}

  /** Forgets every computed value: called on any change to the spreadsheet's cells or shape. */
  invalidate(): void {
    this.computed.clear();
    this.ranges.clear();
  }

  /** Rows or columns of a sheet were inserted, deleted or moved: every formula follows. */
  followDimension(change: DimensionChange): void {
    const changed = this.book.byId(change.sheetId);
    if (changed) this.follow({ kind: 'dimension', sheetName: changed.name, change });
  }

  /**
   * Rewrites the references of every formula of the spreadsheet that points into the changed
   * sheet (a formula elsewhere names it, so those without its name are skipped unread).
   */
  follow(change: SheetChange): void {
    const name = (change.kind === 'rename' ? change.from : change.sheetName).toLowerCase();
    for (const sheet of this.book.sheets) {
      // A quote in the name is doubled inside a reference: such names are not prefiltered.
      const own = sheet.name.toLowerCase() === name || name.includes("'");
      sheet.rewriteFormulas((formula) =>
        own || formula.toLowerCase().includes(name)
          ? shiftFormula(formula, sheet.name, change)
          : formula,
      );
    }
    this.invalidate();
  }

  /** A formula cell's value (computing it and what it references if needed). */
  compute(sheet: SheetModel, row: number, column: number, formula: string): Computed {
    const key = `${sheet.sheetId}:${row}:${column}`;
    const cached = this.computed.get(key);
    if (cached) return cached;
    if (this.inProgress.has(key)) return circular();
    const job: Job = { key, sheet, row, column, formula };
    if (this.depth === 0) return this.computeChain(job);
    // A long chain of formulas (a running total down 1000 rows) would overflow the stack:
    // hand the deep cell to computeChain, which computes it first and retries.
    if (this.depth >= MAX_DEPTH) throw new ComputeFirst(job);
    return this.computeOne(job);
  }

  /** Computes a cell, first computing (deepest first) any cell too deep to reach by recursion. */
  private computeChain(top: Job): Computed {
    const pending: Job[] = [top];
    while (pending.length > 0) {
      const job = pending[pending.length - 1];
      try {
        if (!this.computed.has(job.key)) this.computeOne(job);
        pending.pop();
      } catch (e) {
        if (!(e instanceof ComputeFirst)) throw e;
        // Asked for again while waiting: a cycle longer than the recursion allowed.
        if (pending.some((p) => p.key === e.job.key)) this.computed.set(e.job.key, circular());
        else pending.push(e.job);
      }
    }
    return this.computed.get(top.key) as Computed;
  }

  private computeOne({ key, sheet, formula }: Job): Computed {
    this.inProgress.add(key);
    this.depth++;
    let result: Computed;
    try {
      const node = parseCached(formula);
      if (isError(node)) result = { value: node, dateFormat: null };
      else {
        const ctx = this.context(sheet);
        const value = cellResult(evaluate(node, ctx));
        result = {
          value,
          dateFormat: typeof value === 'number' ? resultDateFormat(node, ctx) : null,
        };
      }
    } finally {
      this.inProgress.delete(key);
      this.depth--;
    }
    this.computed.set(key, result);
    return result;
  }

  /** One cell as formulas see it: dates as serial numbers, blanks as null, formulas computed. */
  private cellScalar(sheet: SheetModel, row: number, column: number): Scalar {
    const cell = sheet.cellAt(row, column);
    if (!cell) return null;
    if (cell.formula !== undefined) return this.compute(sheet, row, column, cell.formula).value;
    return scalarOf(cell.value, this.book.timeZone);
  }

  private sheetFor(ref: Reference, own: SheetModel): SheetModel | null {
    if (ref.sheet === null) return own;
    const lower = ref.sheet.toLowerCase();
    return this.book.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  /** The box a reference names on its sheet, open ends reaching the sheet's last row/column. */
  private box(ref: Reference, sheet: SheetModel): GridBox {
    const { start, end } = ref;
    const r1 = start.row ?? 1;
    const c1 = start.column ?? 1;
    const r2 = end ? (end.row ?? sheet.maxRows) : r1;
    const c2 = end ? (end.column ?? sheet.maxColumns) : c1;
    const row = Math.min(r1, r2);
    const column = Math.min(c1, c2);
    return {
      row,
      column,
      numRows: Math.max(r1, r2) - row + 1,
      numColumns: Math.max(c1, c2) - column + 1,
    };
  }

  private resolve(ref: Reference, own: SheetModel): RangeValue | FormulaError {
    const sheet = this.sheetFor(ref, own);
    if (!sheet) return new FormulaError(REF, `Unresolved sheet name '${ref.sheet}'.`);
    const box = this.box(ref, sheet);
    if (
      box.row + box.numRows - 1 > sheet.maxRows ||
      box.column + box.numColumns - 1 > sheet.maxColumns
    )
      return new FormulaError(REF, 'Range extends beyond the sheet.');
    const key = `${sheet.sheetId}:${box.row}:${box.column}:${box.numRows}:${box.numColumns}`;
    const cached = this.ranges.get(key);
    if (cached) return cached;
    // Only the stored part of the sheet is read; rows and columns past it are blank.
    const storedRows = Math.max(0, Math.min(box.numRows, sheet.storedRows() - box.row + 1));
    const rows: Scalar[][] = [];
    for (let r = 0; r < storedRows; r++) {
      const line: Scalar[] = [];
      for (let c = 0; c < box.numColumns; c++)
        line.push(this.cellScalar(sheet, box.row + r, box.column + c));
      rows.push(line);
    }
    const range: RangeValue = {
      kind: 'range',
      height: box.numRows,
      width: box.numColumns,
      get: (r, c) => rows[r]?.[c] ?? null,
    };
    this.ranges.set(key, range);
    return range;
  }

  private dateFormatOf(ref: Reference, own: SheetModel): string | null {
    const sheet = this.sheetFor(ref, own);
    if (!sheet) return null;
    const box = this.box(ref, sheet);
    const lastRow = Math.min(box.row + box.numRows - 1, sheet.storedRows());
    for (let r = box.row; r <= lastRow; r++) {
      for (let c = box.column; c < box.column + box.numColumns; c++) {
        const cell = sheet.cellAt(r, c);
        if (!cell) continue;
        // The first number decides (a header's text or a blank above the dates does not).
        if (cell.formula !== undefined) {
          const computed = this.compute(sheet, r, c, cell.formula);
          if (typeof computed.value !== 'number') continue;
          if (cell.format !== undefined && isDatePattern(cell.format)) return cell.format;
          return computed.dateFormat;
        }
        if (typeof cell.value !== 'number' && !isDate(cell.value)) continue;
        if (cell.format !== undefined && isDatePattern(cell.format)) return cell.format;
        return isDate(cell.value) ? AUTO_DATE_FORMAT : null;
      }
    }
    return null;
  }

  private context(own: SheetModel): EvalContext {
    return {
      timeZone: this.book.timeZone,
      resolve: (ref) => this.resolve(ref, own),
      dateFormatOf: (ref) => this.dateFormatOf(ref, own),
    };
  }
}

/** Serial numbers of instants per zone: a daily sheet's dates are read again at every recalculation. */
const serials = new Map<string, Map<number, number>>();

/** A stored cell value as formulas see it: Dates become serial numbers in the sheet's zone. */
export function scalarOf(value: CellValue, timeZone: string): Scalar {
  if (value === '') return null;
  if (!isDate(value)) return value;
  let zone = serials.get(timeZone);
  if (!zone) serials.set(timeZone, (zone = new Map()));
  const ms = value.getTime();
  let serial = zone.get(ms);
  if (serial === undefined) {
    serial = dateToSerial(value, timeZone);
    if (zone.size > 100_000) zone.clear();
    zone.set(ms, serial);
  }
  return serial;
}

const DAY_MS = 86_400_000;
const EPOCH_OFFSET = 25_569;

/** The instant a serial number names in a time zone (the inverse of dateToSerial). */
export function serialToDate(serial: number, timeZone: string): Date {
  const wall = Math.round((serial - EPOCH_OFFSET) * DAY_MS);
  let t = wall;
  // Two corrections settle the zone's offset, even next to a daylight-saving change.
  for (let i = 0; i < 3; i++) {
    const seen = Math.round((dateToSerial(new Date(t), timeZone) - EPOCH_OFFSET) * DAY_MS);
    if (seen === wall) break;
    t += wall - seen;
  }
  return new Date(t);
}
