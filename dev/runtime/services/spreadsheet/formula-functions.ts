// Spreadsheet functions with Google Sheets' semantics. Functions whose Sheets behaviour differs from
// @formulajs/formulajs (how ranges treat text, booleans and blanks; the *IFS criteria; dates as
// serial numbers independent of the machine's zone; TEXT patterns) are written here; any other
// function name is handed to formulajs with ranges as 2-D arrays (blanks as null).
import * as formulajs from '@formulajs/formulajs';
import { criterion } from './formula-criteria';
import { displayValue } from './format';
import {
  DIV0,
  FormulaError,
  NA,
  NAME,
  NUM,
  REF,
  type RangeValue,
  type Scalar,
  VALUE,
  type Value,
  civilOfSerial,
  compareValues,
  finite,
  isError,
  isRange,
  serialOfCivil,
  toBoolean,
  toNumber,
  toScalar,
  toText,
} from './formula-values';

export interface FunctionContext {
  timeZone: string;
}

type Fn = (args: Value[], ctx: FunctionContext) => Value;

const argError = (name: string, detail: string) =>
  new FormulaError(NA, `Wrong number of arguments to ${name}. ${detail}`);

function arity(name: string, args: Value[], min: number, max: number): FormulaError | null {
  if (args.length < min || args.length > max)
    return argError(
      name,
      `Expected ${min === max ? min : `between ${min} and ${max}`} arguments, but got ${args.length} arguments.`,
    );
  return null;
}

/** One number from an argument (a one-cell range is its cell), or the error that prevents it. */
function num(v: Value): number | FormulaError {
  return toNumber(toScalar(v));
}

function* cells(range: RangeValue): Generator<Scalar> {
  for (let r = 0; r < range.height; r++)
    for (let c = 0; c < range.width; c++) yield range.get(r, c);
}

/**
 * The numbers SUM, AVERAGE, MIN, MAX and COUNT see: in ranges only numbers count (text, booleans
 * and blanks are skipped); given directly, booleans and numeric text count too.
 */
function numbers(args: Value[]): number[] | FormulaError {
  const out: number[] = [];
  for (const arg of args) {
    if (isRange(arg)) {
      for (const cell of cells(arg)) {
        if (typeof cell === 'number') out.push(cell);
        else if (isError(cell)) return cell;
      }
    } else if (arg !== null) {
      // Text given directly that is not a number is an error (=SUM("a") is #VALUE!).
      const n = toNumber(arg);
      if (isError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

function aggregate(reduce: (values: number[]) => Value): Fn {
  return (args) => {
    const values = numbers(args);
    return isError(values) ? values : reduce(values);
  };
}

/**
 * Which cells of a range meet a criterion, remembered per range object and criterion: the engine
 * hands every formula of one recalculation the same object for the same range, so the weekly rows
 * of a summary, each asking for its own dates over the same columns, test each cell once per
 * distinct criterion instead of once per formula.
 */
const maskCache = new WeakMap<RangeValue, Map<string, Uint8Array>>();

function criterionMask(range: RangeValue, crit: Exclude<Scalar, FormulaError>): Uint8Array {
  let byCriterion = maskCache.get(range);
  if (!byCriterion) {
    byCriterion = new Map();
    maskCache.set(range, byCriterion);
  }
  const key = `${typeof crit}:${String(crit)}`;
  let mask = byCriterion.get(key);
  if (!mask) {
    const test = criterion(crit);
    mask = new Uint8Array(range.height * range.width);
    for (let r = 0, i = 0; r < range.height; r++)
      for (let c = 0; c < range.width; c++, i++) mask[i] = test(range.get(r, c)) ? 1 : 0;
    byCriterion.set(key, mask);
  }
  return mask;
}

/** SUMIFS-style arguments: a value range then (criteria range, criterion) pairs. */
function ifsMatches(
  name: string,
  valueRange: Value | null,
  pairs: Value[],
): { rows: number; columns: number; mask: Uint8Array } | FormulaError {
  if (pairs.length === 0 || pairs.length % 2 !== 0)
    return argError(name, 'Criteria come in pairs of a range and a criterion.');
  const first = valueRange && isRange(valueRange) ? valueRange : pairs[0];
  const masks: Uint8Array[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const range = pairs[i];
    if (!isRange(range) || !isRange(first))
      return new FormulaError(VALUE, `Argument ${i + 2} of ${name} must be a range.`);
    const crit = toScalar(pairs[i + 1]);
    if (isError(crit)) return crit;
    if (range.height !== first.height || range.width !== first.width)
      return new FormulaError(VALUE, `Array arguments to ${name} are of different size.`);
    masks.push(criterionMask(range, crit));
  }
  const mask = masks.reduce(both);
  return { rows: (first as RangeValue).height, columns: (first as RangeValue).width, mask };
}

const bothCache = new WeakMap<Uint8Array, WeakMap<Uint8Array, Uint8Array>>();

/** The cells meeting two criteria (remembered: a week's two date criteria serve every metric). */
function both(a: Uint8Array, b: Uint8Array): Uint8Array {
  let withA = bothCache.get(a);
  if (!withA) {
    withA = new WeakMap();
    bothCache.set(a, withA);
  }
  let mask = withA.get(b);
  if (!mask) {
    mask = new Uint8Array(a.length);
    for (let i = 0; i < a.length; i++) mask[i] = a[i] & b[i];
    withA.set(b, mask);
  }
  return mask;
}

const indexCache = new WeakMap<Uint8Array, Int32Array>();

/** The positions (row-major) a mask selects, so a week's figure reads only its own rows. */
function selected(mask: Uint8Array): Int32Array {
  let positions = indexCache.get(mask);
  if (!positions) {
    let n = 0;
    for (let i = 0; i < mask.length; i++) n += mask[i];
    positions = new Int32Array(n);
    for (let i = 0, k = 0; i < mask.length; i++) if (mask[i] === 1) positions[k++] = i;
    indexCache.set(mask, positions);
  }
  return positions;
}

/** SUMIFS/AVERAGEIFS/MINIFS/MAXIFS: the numbers of the first range whose row matches all criteria. */
function ifsNumbers(name: string, args: Value[]): number[] | FormulaError {
  const values = args[0];
  if (!isRange(values)) return new FormulaError(VALUE, `Argument 1 of ${name} must be a range.`);
  const m = ifsMatches(name, values, args.slice(1));
  if (isError(m)) return m;
  const out: number[] = [];
  for (const i of selected(m.mask)) {
    const v = values.get(Math.floor(i / m.columns), i % m.columns);
    if (isError(v)) return v;
    if (typeof v === 'number') out.push(v);
  }
  return out;
}

function ifs(name: string, reduce: (values: number[]) => Value): Fn {
  return (args) => {
    const values = ifsNumbers(name, args);
    return isError(values) ? values : reduce(values);
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const average = (values: number[]) =>
  values.length === 0
    ? new FormulaError(DIV0, 'Evaluation of function AVERAGE caused a divide by zero error.')
    : sum(values) / values.length;
const min = (values: number[]) => (values.length === 0 ? 0 : Math.min(...values));
const max = (values: number[]) => (values.length === 0 ? 0 : Math.max(...values));

function logical(name: string, combine: (values: boolean[]) => boolean): Fn {
  return (args) => {
    if (args.length === 0) return argError(name, 'Expected at least 1 argument.');
    const values: boolean[] = [];
    for (const arg of args) {
      if (isRange(arg)) {
        for (const cell of cells(arg)) {
          if (isError(cell)) return cell;
          if (typeof cell === 'number' || typeof cell === 'boolean') values.push(Boolean(cell));
        }
      } else {
        const b = toBoolean(arg);
        if (isError(b)) return b;
        values.push(b);
      }
    }
    if (values.length === 0) return new FormulaError(VALUE, `${name} has no logical values.`);
    return combine(values);
  };
}

/** Half away from zero, as Sheets rounds; scaled through decimal text to avoid binary noise. */
function round(value: number, digits: number): number {
  const d = Math.trunc(digits);
  const shifted = Number(`${Math.abs(value)}e${d}`);
  const rounded = Math.round(shifted);
  return Math.sign(value) * Number(`${rounded}e${-d}`);
}

function weekday(serial: number, type: number): number | FormulaError {
  const sunday0 = (((Math.floor(serial) - 1) % 7) + 7) % 7; // serial 1 (1899-12-31) was a Sunday
  if (type === 1 || type === 17) return sunday0 + 1;
  if (type === 2 || type === 11) return ((sunday0 + 6) % 7) + 1;
  if (type === 3) return (sunday0 + 6) % 7;
  if (type >= 12 && type <= 16) return ((sunday0 - (type - 10) + 7) % 7) + 1;
  return new FormulaError(NUM, `WEEKDAY type ${type} is not one of 1, 2, 3 or 11-17.`);
}

function dateParts(v: Value): { year: number; month: number; day: number } | FormulaError {
  const n = num(v);
  if (isError(n)) return n;
  if (n < 0) return new FormulaError(NUM, 'Dates before 1899-12-30 have no serial number.');
  return civilOfSerial(n);
}

function index(args: Value[]): Value {
  const bad = arity('INDEX', args, 1, 3);
  if (bad) return bad;
  const range = args[0];
  if (!isRange(range)) return args[1] === undefined ? range : new FormulaError(REF);
  let row = args.length > 1 ? num(args[1]) : 0;
  let column = args.length > 2 ? num(args[2]) : 0;
  if (isError(row)) return row;
  if (isError(column)) return column;
  row = Math.trunc(row);
  column = Math.trunc(column);
  // With one index into a single row, the index picks the column.
  if (args.length === 2 && range.height === 1 && range.width > 1) [row, column] = [1, row];
  if (row < 0 || column < 0 || row > range.height || column > range.width)
    return new FormulaError(REF, 'Index out of range.');
  if (row === 0 && column === 0) return range;
  if (row === 0) {
    if (range.height !== 1) return new FormulaError(VALUE, 'INDEX of a whole column.');
    row = 1;
  }
  if (column === 0) {
    if (range.width !== 1) return new FormulaError(VALUE, 'INDEX of a whole row.');
    column = 1;
  }
  return range.get(row - 1, column - 1);
}

function match(args: Value[]): Value {
  const bad = arity('MATCH', args, 2, 3);
  if (bad) return bad;
  const wanted = toScalar(args[0]);
  if (isError(wanted)) return wanted;
  const range = args[1];
  if (!isRange(range) || (range.height > 1 && range.width > 1))
    return new FormulaError(NA, 'MATCH needs a single row or column.');
  const type = args.length > 2 ? num(args[2]) : 1;
  if (isError(type)) return type;
  const length = Math.max(range.height, range.width);
  const at = (i: number) => (range.height > 1 ? range.get(i, 0) : range.get(0, i));
  if (type === 0) {
    const test =
      typeof wanted === 'string'
        ? criterion(wanted.replace(/^(<=|>=|<>|<|>|=)/, '~$1'))
        : (cell: Scalar) => !isError(cell) && cell !== null && compareValues(cell, wanted) === 0;
    for (let i = 0; i < length; i++) if (test(at(i))) return i + 1;
    return new FormulaError(NA, `Did not find value '${toText(wanted)}' in MATCH evaluation.`);
  }
  // Sorted lookups: the last position whose value is <= (type 1) or >= (type -1) the wanted one.
  let found = -1;
  for (let i = 0; i < length; i++) {
    const cell = at(i);
    if (cell === null || isError(cell) || typeof cell !== typeof wanted) continue;
    const diff = compareValues(cell, wanted);
    if (type > 0 ? diff <= 0 : diff >= 0) found = i;
    else break;
  }
  return found < 0
    ? new FormulaError(NA, `Did not find value '${toText(wanted)}' in MATCH evaluation.`)
    : found + 1;
}

function text(args: Value[], ctx: FunctionContext): Value {
  const bad = arity('TEXT', args, 2, 2);
  if (bad) return bad;
  const value = toScalar(args[0]);
  const pattern = toText(toScalar(args[1]));
  if (isError(value)) return value;
  if (isError(pattern)) return pattern;
  const n = typeof value === 'string' ? toNumber(value) : value;
  if (typeof n !== 'number') return typeof value === 'string' ? value : toText(value);
  return displayValue(n, pattern, ctx.timeZone);
}

const FUNCTIONS: Record<string, Fn> = {
  SUM: aggregate(sum),
  AVERAGE: aggregate(average),
  MIN: aggregate(min),
  MAX: aggregate(max),
  COUNT: (args) => {
    let n = 0;
    for (const arg of args) {
      if (isRange(arg)) {
        for (const cell of cells(arg)) if (typeof cell === 'number') n++;
      } else if (typeof arg === 'number' || typeof arg === 'boolean') n++;
      else if (typeof arg === 'string' && !isError(toNumber(arg)) && arg !== '') n++;
    }
    return n;
  },
  COUNTA: (args) => {
    let n = 0;
    for (const arg of args) {
      if (isRange(arg)) {
        for (const cell of cells(arg)) if (cell !== null) n++;
      } else n++;
    }
    return n;
  },
  SUMIFS: ifs('SUMIFS', sum),
  AVERAGEIFS: ifs('AVERAGEIFS', (values) =>
    values.length === 0
      ? new FormulaError(DIV0, 'Evaluation of function AVERAGEIFS caused a divide by zero error.')
      : sum(values) / values.length,
  ),
  MINIFS: ifs('MINIFS', min),
  MAXIFS: ifs('MAXIFS', max),
  COUNTIFS: (args) => {
    const m = ifsMatches('COUNTIFS', null, args);
    if (isError(m)) return m;
    return selected(m.mask).length;
  },
  SUMIF: (args, ctx) => ifs('SUMIF', sum)([args[2] ?? args[0], args[0], args[1]], ctx),
  COUNTIF: (args, ctx) => FUNCTIONS.COUNTIFS(args, ctx),
  IF: (args) => {
    const bad = arity('IF', args, 2, 3);
    if (bad) return bad;
    const cond = toBoolean(toScalar(args[0]));
    if (isError(cond)) return cond;
    return cond ? args[1] : args.length > 2 ? args[2] : false;
  },
  IFERROR: (args) => {
    const bad = arity('IFERROR', args, 1, 2);
    if (bad) return bad;
    const v = isRange(args[0]) ? toScalar(args[0]) : args[0];
    return isError(v) ? (args[1] ?? null) : args[0];
  },
  IFNA: (args) => {
    const v = toScalar(args[0]);
    return isError(v) && v.code === NA ? (args[1] ?? null) : args[0];
  },
  AND: logical('AND', (v) => v.every(Boolean)),
  OR: logical('OR', (v) => v.some(Boolean)),
  NOT: (args) => {
    const b = toBoolean(toScalar(args[0] ?? null));
    return isError(b) ? b : !b;
  },
  ROUND: (args) => {
    const bad = arity('ROUND', args, 1, 2);
    if (bad) return bad;
    const value = num(args[0]);
    const digits = args.length > 1 ? num(args[1]) : 0;
    if (isError(value)) return value;
    if (isError(digits)) return digits;
    return finite(round(value, digits));
  },
  ABS: (args) => {
    const bad = arity('ABS', args, 1, 1);
    if (bad) return bad;
    const n = num(args[0]);
    return isError(n) ? n : Math.abs(n);
  },
  DATE: (args) => {
    const bad = arity('DATE', args, 3, 3);
    if (bad) return bad;
    const parts = args.map(num);
    const error = parts.find(isError);
    if (error) return error;
    const [y, month, day] = (parts as number[]).map(Math.trunc);
    // Sheets reads years 0-1899 as offsets from 1900.
    const year = y >= 0 && y < 1900 ? y + 1900 : y;
    const serial = serialOfCivil(year, month, day);
    return serial < 0 ? new FormulaError(NUM, 'DATE evaluates to an out of range value.') : serial;
  },
  YEAR: (args) => {
    const p = dateParts(args[0] ?? null);
    return isError(p) ? p : p.year;
  },
  MONTH: (args) => {
    const p = dateParts(args[0] ?? null);
    return isError(p) ? p : p.month;
  },
  DAY: (args) => {
    const p = dateParts(args[0] ?? null);
    return isError(p) ? p : p.day;
  },
  WEEKDAY: (args) => {
    const bad = arity('WEEKDAY', args, 1, 2);
    if (bad) return bad;
    const serial = num(args[0]);
    const type = args.length > 1 ? num(args[1]) : 1;
    if (isError(serial)) return serial;
    if (isError(type)) return type;
    return weekday(serial, Math.trunc(type));
  },
  EOMONTH: (args) => {
    const bad = arity('EOMONTH', args, 2, 2);
    if (bad) return bad;
    const p = dateParts(args[0]);
    const months = num(args[1]);
    if (isError(p)) return p;
    if (isError(months)) return months;
    return serialOfCivil(p.year, p.month + Math.trunc(months) + 1, 0);
  },
  INDEX: index,
  MATCH: match,
  ISNUMBER: (args) => typeof toScalar(args[0] ?? null) === 'number',
  ISBLANK: (args) => toScalar(args[0] ?? null) === null,
  ISERROR: (args) => isError(toScalar(args[0] ?? null)),
  ISTEXT: (args) => typeof toScalar(args[0] ?? null) === 'string',
  TEXT: text,
};

/** formulajs's view of an argument: ranges as 2-D arrays, errors as its own error objects. */
function toFormulajs(v: Value): unknown {
  if (isRange(v)) {
    const rows: unknown[][] = [];
    for (let r = 0; r < v.height; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < v.width; c++) row.push(toFormulajs(v.get(r, c)));
      rows.push(row);
    }
    return rows;
  }
  // formulajs's own errors are Error objects whose message is the code.
  if (isError(v)) return new Error(v.code);
  return v;
}

function fromFormulajs(result: unknown, ctx: FunctionContext): Value {
  if (result instanceof Error)
    return new FormulaError(/^#/.test(result.message) ? result.message : VALUE, result.message);
  if (result instanceof Date) {
    // formulajs builds Dates in the machine's zone: read back the calendar date it meant.
    return (
      serialOfCivil(result.getFullYear(), result.getMonth() + 1, result.getDate()) +
      (result.getHours() * 3600 + result.getMinutes() * 60 + result.getSeconds()) / 86400
    );
  }
  if (Array.isArray(result)) return fromFormulajs((result as unknown[][])[0]?.[0] ?? null, ctx);
  if (typeof result === 'number') return finite(result);
  if (typeof result === 'string' || typeof result === 'boolean' || result === null) return result;
  if (result === undefined) return null;
  return new FormulaError(VALUE, 'Unexpected result.');
}

/** Calls a spreadsheet function by (upper-case) name, #NAME? when neither table knows it. */
export function callFunction(name: string, args: Value[], ctx: FunctionContext): Value {
  const own = FUNCTIONS[name];
  if (own) return own(args, ctx);
  const library = (formulajs as unknown as Record<string, unknown>)[name];
  if (typeof library !== 'function')
    return new FormulaError(NAME, `Unknown function: '${name.toLowerCase()}'.`);
  try {
    return fromFormulajs((library as (...a: unknown[]) => unknown)(...args.map(toFormulajs)), ctx);
  } catch (e) {
    return new FormulaError(VALUE, e instanceof Error ? e.message : String(e));
  }
}

/** Functions whose result is a date when their value arguments are dates (for display). */
export const DATE_RESULT_FUNCTIONS = new Set(['DATE', 'EOMONTH', 'EDATE', 'DATEVALUE', 'WORKDAY']);
export const DATE_PASSING_FUNCTIONS = new Set([
  'MIN',
  'MAX',
  'MINIFS',
  'MAXIFS',
  'INDEX',
  'IF',
  'IFERROR',
  'IFNA',
]);
