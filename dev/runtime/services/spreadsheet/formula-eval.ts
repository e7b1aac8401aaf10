// Evaluates a parsed formula against the cells a context resolves: operators with Sheets' coercions
// and error propagation, function calls through formula-functions. Also infers, as Sheets does for
// an unformatted cell, whether a formula's number is a date (=DATE(...), =A2+7 on a date cell).
import { DATE_PASSING_FUNCTIONS, DATE_RESULT_FUNCTIONS, callFunction } from './formula-functions';
import type { FunctionContext } from './formula-functions';
import type { Node } from './formula-parse';
import type { Reference } from './formula-tokens';
import {
  DIV0,
  FormulaError,
  NAME,
  type RangeValue,
  type Scalar,
  type Value,
  compareValues,
  finite,
  isError,
  isRange,
  toNumber,
  toScalar,
  toText,
} from './formula-values';

export interface EvalContext extends FunctionContext {
  /** The cells a reference names, or #REF! when its sheet does not exist. */
  resolve(ref: Reference): RangeValue | FormulaError;
  /** The date format shown by the first non-blank cell a reference names, null if not a date. */
  dateFormatOf(ref: Reference): string | null;
}

/** The format Sheets gives an unformatted cell whose formula computes a date. */
export const AUTO_DATE_FORMAT = 'M/d/yyyy';

function arithmetic(op: string, a: number, b: number): Scalar {
  switch (op) {
    case '+':
      return finite(a + b);
    case '-':
      return finite(a - b);
    case '*':
      return finite(a * b);
    case '/':
      return b === 0
        ? new FormulaError(DIV0, 'Function DIVIDE parameter 2 cannot be zero.')
        : finite(a / b);
    default:
      return finite(Math.pow(a, b));
  }
}

function binary(op: string, left: Value, right: Value): Scalar {
  const a = toScalar(left);
  const b = toScalar(right);
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (op === '&') {
    const x = toText(a);
    const y = toText(b);
    return isError(x) ? x : isError(y) ? y : x + y;
  }
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const diff = compareValues(a, b);
    switch (op) {
      case '=':
        return diff === 0;
      case '<>':
        return diff !== 0;
      case '<':
        return diff < 0;
      case '>':
        return diff > 0;
      case '<=':
        return diff <= 0;
      default:
        return diff >= 0;
    }
  }
  const x = toNumber(a);
  if (isError(x)) return x;
  const y = toNumber(b);
  if (isError(y)) return y;
  return arithmetic(op, x, y);
}

export function evaluate(node: Node, ctx: EvalContext): Value {
  switch (node.type) {
    case 'number':
    case 'string':
    case 'bool':
      return node.value;
    case 'blank':
      return null;
    case 'error':
      return new FormulaError(node.code);
    case 'name':
      return new FormulaError(NAME, `Unknown range name: '${node.name}'.`);
    case 'ref':
      return ctx.resolve(node.ref);
    case 'unary': {
      const v = toNumber(toScalar(evaluate(node.operand, ctx)));
      if (isError(v)) return v;
      return node.op === '-' ? -v : v;
    }
    case 'percent': {
      const v = toNumber(toScalar(evaluate(node.operand, ctx)));
      return isError(v) ? v : v / 100;
    }
    case 'binary':
      return binary(node.op, evaluate(node.left, ctx), evaluate(node.right, ctx));
    case 'call':
      return callFunction(
        node.name,
        node.args.map((a) => evaluate(a, ctx)),
        ctx,
      );
    case 'array': {
      const rows = node.rows.map((row) => row.map((n) => toScalar(evaluate(n, ctx))));
      return {
        kind: 'range',
        height: rows.length,
        width: rows[0]?.length ?? 0,
        get: (r: number, c: number) => rows[r]?.[c] ?? null,
      };
    }
  }
}

/** The value a cell shows for a formula's result: a range's top-left cell, a blank as is. */
export function cellResult(value: Value): Scalar {
  return isRange(value) ? (value.height > 0 && value.width > 0 ? value.get(0, 0) : null) : value;
}

/**
 * The date format a formula's number result takes in an unformatted cell, as Sheets infers it:
 * DATE and EOMONTH give dates, a reference to a date cell keeps its format, date +/- a number is a
 * date (date - date is a number), and MIN, MAX, *IFS, INDEX and IF pass their arguments' kind on.
 */
export function resultDateFormat(node: Node, ctx: EvalContext): string | null {
  switch (node.type) {
    case 'ref':
      return ctx.dateFormatOf(node.ref);
    case 'unary':
      return node.op === '+' ? resultDateFormat(node.operand, ctx) : null;
    case 'binary': {
      if (node.op !== '+' && node.op !== '-') return null;
      const left = resultDateFormat(node.left, ctx);
      const right = resultDateFormat(node.right, ctx);
      if (left && !right) return left;
      if (right && !left && node.op === '+') return right;
      return null;
    }
    case 'call': {
      if (DATE_RESULT_FUNCTIONS.has(node.name)) return AUTO_DATE_FORMAT;
      if (!DATE_PASSING_FUNCTIONS.has(node.name)) return null;
      // The value arguments: IF's branches, the value range of the *IFS, the range of INDEX.
      const candidates =
        node.name === 'IF'
          ? node.args.slice(1)
          : node.name === 'MIN' || node.name === 'MAX'
            ? node.args
            : node.args.slice(0, 1);
      for (const arg of candidates) {
        const format = resultDateFormat(arg, ctx);
        if (format) return format;
      }
      return null;
    }
    default:
      return null;
  }
}
