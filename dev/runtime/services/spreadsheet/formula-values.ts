// The values a formula computes with, and Sheets' coercions between them: blanks (null) are 0, ""
// or FALSE as the operation needs; text that reads as a number or date is that number; errors are
// values that flow through operations (never exceptions).

/** An error value as Sheets shows it in a cell (#DIV/0!, #REF!, #N/A, #VALUE!, #NAME?, ...). */
export class FormulaError {
  constructor(
    readonly code: string,
    /** Sheets' hover text for the error, e.g. "Function AVERAGEIFS parameter 1 ...". */
    readonly detail = '',
  ) {}
  toString(): string {
    return this.code;
  }
}

export const DIV0 = '#DIV/0!';
export const REF = '#REF!';
export const NA = '#N/A';
export const VALUE = '#VALUE!';
export const NAME = '#NAME?';
export const NUM = '#NUM!';
/** What Sheets shows for a formula it cannot parse. */
export const PARSE = '#ERROR!';

/** A single value; null is a blank cell (different from "", which a formula can return). */
export type Scalar = number | string | boolean | null | FormulaError;

/** A block of cells a reference names. Cells outside the stored grid are blank. */
export interface RangeValue {
  kind: 'range';
  height: number;
  width: number;
  get(row: number, column: number): Scalar;
}

export type Value = Scalar | RangeValue;

export function isError(v: unknown): v is FormulaError {
  return v instanceof FormulaError;
}

export function isRange(v: Value): v is RangeValue {
  return v !== null && typeof v === 'object' && !(v instanceof FormulaError);
}

export function rangeOf(rows: Scalar[][]): RangeValue {
  return {
    kind: 'range',
    height: rows.length,
    width: rows[0]?.length ?? 0,
    get: (r, c) => rows[r]?.[c] ?? null,
  };
}

/** A range used where one value is expected: its only cell, or #VALUE! for a larger block. */
export function toScalar(v: Value): Scalar {
  if (!isRange(v)) return v;
  if (v.height === 1 && v.width === 1) return v.get(0, 0);
  return new FormulaError(VALUE, 'An array value could not be found.');
}

const DAY_MS = 86_400_000;
const EPOCH_OFFSET = 25_569;

export function serialOfCivil(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS + EPOCH_OFFSET;
}

/** The calendar date a serial number falls on (its whole days from 1899-12-30). */
export function civilOfSerial(serial: number): { year: number; month: number; day: number } {
  const d = new Date((Math.floor(serial) - EPOCH_OFFSET) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Text Sheets reads as a number when typed or coerced: numbers, percentages, ISO and US dates. */
export function parseNumberText(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(t)) {
    const n = Number(t.replace('%', ''));
    return t.endsWith('%') ? n / 100 : n;
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return validSerial(+iso[1], +iso[2], +iso[3]);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (us) return validSerial(+us[3], +us[1], +us[2]);
  return null;
}

function validSerial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const serial = serialOfCivil(year, month, day);
  return civilOfSerial(serial).day === day ? serial : null;
}

export function toNumber(v: Scalar): number | FormulaError {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isError(v)) return v;
  if (v === '') return 0;
  const n = parseNumberText(v);
  if (n === null)
    return new FormulaError(VALUE, `Function expects number values. But '${v}' is a text.`);
  return n;
}

/** How Sheets writes a number as text: up to 15 significant digits, no trailing zeros. */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15))).toUpperCase();
}

export function toText(v: Scalar): string | FormulaError {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isError(v)) return v;
  return numberText(v);
}

export function toBoolean(v: Scalar): boolean | FormulaError {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (isError(v)) return v;
  const upper = v.trim().toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE' || upper === '') return false;
  return new FormulaError(VALUE, `Function expects boolean values. But '${v}' is a text.`);
}

/** A finite number or #NUM! (Sheets shows #NUM! where arithmetic overflows or is undefined). */
export function finite(n: number): number | FormulaError {
  return Number.isFinite(n) ? n : new FormulaError(NUM, 'Result is not a finite number.');
}

/** Sheets orders values of different types as numbers < text < booleans. */
function typeRank(v: number | string | boolean): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

/**
 * Compares two values as Sheets' comparison operators do: a blank takes the other side's type
 * (0, "" or FALSE), text compares case-insensitively. Returns <0, 0 or >0.
 */
export function compareValues(a: Exclude<Scalar, FormulaError>, b: Exclude<Scalar, FormulaError>) {
  const blankAs = (other: Scalar): number | string | boolean =>
    typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0;
  const x = a === null ? blankAs(b) : a;
  const y = b === null ? blankAs(a) : b;
  const rank = typeRank(x) - typeRank(y);
  if (rank !== 0) return rank;
  if (typeof x === 'string' && typeof y === 'string') {
    const p = x.toLowerCase();
    const q = y.toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return Number(x) - Number(y);
}
