// Criteria of SUMIFS, AVERAGEIFS, COUNTIFS, MINIFS and MAXIFS as Sheets reads them: a number or
// boolean matches equal values; text may start with =, <>, <, >, <=, >= followed by a number (or
// a date text), which compares with numeric cells only, or by text, matched case-insensitively
// with * and ? wildcards (~ escapes). "" and "=" match blank cells; "<>" matches non-blank ones.
import { type FormulaError, type Scalar, isError, parseNumberText } from './formula-values';

export type Criterion = (cell: Scalar) => boolean;

function wildcardPattern(text: string): RegExp {
  let source = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '~' && i + 1 < text.length && '*?~'.includes(text[i + 1])) {
      source += '\\' + text[++i];
    } else if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

function isBlank(cell: Scalar): boolean {
  return cell === null || cell === '';
}

function compare(op: string, diff: number): boolean {
  switch (op) {
    case '<':
      return diff < 0;
    case '>':
      return diff > 0;
    case '<=':
      return diff <= 0;
    case '>=':
      return diff >= 0;
    case '<>':
      return diff !== 0;
    default:
      return diff === 0;
  }
}

/** Builds the matcher for one criterion (already a single value, never a range or an error). */
export function criterion(crit: Exclude<Scalar, FormulaError>): Criterion {
  if (crit === null) return isBlank;
  if (typeof crit === 'number') return (cell) => typeof cell === 'number' && cell === crit;
  if (typeof crit === 'boolean') return (cell) => cell === crit;
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(crit) as RegExpExecArray;
  const op = m[1] ?? '=';
  const operand = m[2];
  if (operand === '') {
    if (op === '=') return isBlank;
    if (op === '<>') return (cell) => !isBlank(cell);
    // "<" or ">" with nothing after: compares text cells with "", as Sheets does.
    return (cell) => typeof cell === 'string' && compare(op, cell === '' ? 0 : 1);
  }
  const upper = operand.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') {
    const b = upper === 'TRUE';
    if (op === '=') return (cell) => cell === b;
    if (op === '<>') return (cell) => cell !== b;
  }
  const number = parseNumberText(operand);
  if (number !== null) {
    // Numeric criteria never match text, blanks or booleans, except that "<>" matches them all.
    return (cell) =>
      typeof cell === 'number' ? compare(op, cell - number) : op === '<>' && !isError(cell);
  }
  if (op === '=' || op === '<>') {
    const pattern = wildcardPattern(operand);
    const matches = (cell: Scalar) => typeof cell === 'string' && pattern.test(cell);
    return op === '=' ? matches : (cell) => !matches(cell);
  }
  const lower = operand.toLowerCase();
  return (cell) => {
    if (typeof cell !== 'string') return false;
    const c = cell.toLowerCase();
    return compare(op, c < lower ? -1 : c > lower ? 1 : 0);
  };
}
