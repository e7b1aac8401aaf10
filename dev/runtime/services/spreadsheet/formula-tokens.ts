// Splits a Sheets formula (en_US syntax, the text after '=') into tokens, keeping each token's
// source text so a formula can be written back unchanged except for the references a structural
// change (rows/columns inserted, deleted or moved, a sheet renamed or deleted) rewrites.
import { columnToLetters, lettersToColumn } from './a1';

/** One end of a reference: a column and/or a row (null where the reference is open). */
export interface RefCorner {
  column: number | null;
  row: number | null;
  columnAbsolute: boolean;
  rowAbsolute: boolean;
}

/** A cell or range reference, e.g. `B2`, `$A$1:C9`, `B:B`, `B2:B`, `2:5`, `'Sheet (x)'!A1`. */
export interface Reference {
  /** The sheet named before '!', unquoted; null for the formula's own sheet. */
  sheet: string | null;
  start: RefCorner;
  /** The second corner of a range, null for a single cell. */
  end: RefCorner | null;
}

export type Token =
  | { kind: 'space'; text: string }
  | { kind: 'number'; text: string; value: number }
  | { kind: 'string'; text: string; value: string }
  | { kind: 'bool'; text: string; value: boolean }
  | { kind: 'error'; text: string }
  | { kind: 'ref'; text: string; ref: Reference }
  | { kind: 'func'; text: string; name: string }
  | { kind: 'name'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'paren'; text: '(' | ')' }
  | { kind: 'comma'; text: string }
  | { kind: 'brace'; text: '{' | '}' };

/** The error values Sheets shows, as they appear in formulas and cells. */
export const ERROR_LITERALS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A'];

/** Sheets' largest sheet: column ZZZ (18278) and 10 million rows bound what a reference may name. */
const MAX_COLUMN = 18278;
const MAX_ROW = 10_000_000;

// Sticky patterns, matched at a position of the formula without slicing it.
const CORNER = /(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?/y;
const SHEET_PREFIX = /(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*))!/y;
const IDENT = /[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*/y;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const SPACE = /\s+/y;
const OPERATOR = /<>|<=|>=|[-+*/^&=<>%]/y;
const CALL_AFTER = /\s*\(/y;
const NAME_GOES_ON = /[\w.(]/y;

function stickyAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

export class FormulaSyntaxError extends Error {}

function readCorner(text: string, pos: number): { corner: RefCorner; end: number } | null {
  const m = stickyAt(CORNER, text, pos);
  if (!m || m[0] === '' || (m[2] === undefined && m[4] === undefined)) return null;
  // A lone '$' before nothing, or '$' between a missing column and row, is not a corner.
  if (m[2] === undefined && m[1] === '$' && m[3] === '$') return null;
  const column = m[2] === undefined ? null : lettersToColumn(m[2]);
  const row = m[4] === undefined ? null : Number(m[4]);
  if (row !== null && (row < 1 || row > MAX_ROW)) return null;
  if (column !== null && column > MAX_COLUMN) return null;
  return {
    corner: {
      column,
      row,
      columnAbsolute: m[2] !== undefined && m[1] === '$',
      rowAbsolute: m[4] !== undefined && (m[2] === undefined ? m[1] === '$' : m[3] === '$'),
    },
    end: pos + m[0].length,
  };
}

/**
 * Reads a reference at `start` (after an optional sheet prefix): a cell, or two corners joined by
 * ':' forming a cell range, whole columns (B:B), open-ended ranges (B2:B) or whole rows (2:5).
 * Returns null when the text there is not a reference.
 */
function readReference(text: string, start: number): { ref: Reference; end: number } | null {
  let pos = start;
  let sheet: string | null = null;
  const prefix = stickyAt(SHEET_PREFIX, text, pos);
  if (prefix) {
    sheet = prefix[1] !== undefined ? prefix[1].replace(/''/g, "'") : prefix[2];
    pos += prefix[0].length;
  }
  const first = readCorner(text, pos);
  if (!first) return null;
  pos = first.end;
  let end: RefCorner | null = null;
  if (text[pos] === ':') {
    const second = readCorner(text, pos + 1);
    if (second) {
      end = second.corner;
      pos = second.end;
    }
  }
  const a = first.corner;
  if (end === null) {
    if (a.column === null || a.row === null) return null;
  } else {
    const wholeColumns = a.row === null && end.row === null;
    const wholeRows = a.column === null && end.column === null;
    const cellStart = a.column !== null && a.row !== null;
    // B2:B and B2:9 are open-ended; B:B2 is read by Sheets as B2:B as well.
    const mixed = cellStart || (a.column !== null && end.column !== null);
    if (!wholeColumns && !wholeRows && !mixed) return null;
    if (wholeColumns && (a.column === null || end.column === null)) return null;
  }
  // A name that merely starts like a reference (e.g. "A1B" or "LOG10(") is not one.
  if (stickyAt(NAME_GOES_ON, text, pos)) return null;
  return { ref: { sheet, start: a, end }, end: pos };
}

/** Tokens of formula texts seen before: a refresh writes the same summary formulas again. */
const tokenCache = new Map<string, readonly Token[] | FormulaSyntaxError>();

/**
 * The tokens of a formula's text after '=' (shared and cached: never mutate them), or a
 * FormulaSyntaxError thrown for text that is not a formula.
 */
export function tokenize(formula: string): readonly Token[] {
  let tokens = tokenCache.get(formula);
  if (tokens === undefined) {
    try {
      tokens = Object.freeze(tokenizeText(formula));
    } catch (e) {
      if (!(e instanceof FormulaSyntaxError)) throw e;
      tokens = e;
    }
    if (tokenCache.size >= 50_000) tokenCache.clear();
    tokenCache.set(formula, tokens);
  }
  if (tokens instanceof FormulaSyntaxError) throw tokens;
  return tokens;
}

function tokenizeText(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    const space = stickyAt(SPACE, formula, i);
    if (space) {
      tokens.push({ kind: 'space', text: space[0] });
      i += space[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= formula.length) throw new FormulaSyntaxError('Unterminated text in formula');
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += formula[j++];
      }
      tokens.push({ kind: 'string', text: formula.slice(i, j + 1), value });
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      const ahead = formula.slice(i, i + 8).toUpperCase();
      const literal = ERROR_LITERALS.find((e) => ahead.startsWith(e));
      if (!literal) throw new FormulaSyntaxError(`Unknown error literal at ${formula.slice(i)}`);
      tokens.push({ kind: 'error', text: literal });
      i += literal.length;
      continue;
    }
    const ref = readReference(formula, i);
    if (ref) {
      tokens.push({ kind: 'ref', text: formula.slice(i, ref.end), ref: ref.ref });
      i = ref.end;
      continue;
    }
    const number = stickyAt(NUMBER, formula, i);
    if (number) {
      tokens.push({ kind: 'number', text: number[0], value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const ident = stickyAt(IDENT, formula, i);
    if (ident) {
      const upper = ident[0].toUpperCase();
      if (stickyAt(CALL_AFTER, formula, i + ident[0].length))
        tokens.push({ kind: 'func', text: ident[0], name: upper });
      else if (upper === 'TRUE' || upper === 'FALSE')
        tokens.push({ kind: 'bool', text: ident[0], value: upper === 'TRUE' });
      else tokens.push({ kind: 'name', text: ident[0] });
      i += ident[0].length;
      continue;
    }
    const op = stickyAt(OPERATOR, formula, i);
    if (op) {
      tokens.push({ kind: 'op', text: op[0] });
      i += op[0].length;
      continue;
    }
    if (ch === '(' || ch === ')') tokens.push({ kind: 'paren', text: ch });
    else if (ch === ',' || ch === ';') tokens.push({ kind: 'comma', text: ch });
    else if (ch === '{' || ch === '}') tokens.push({ kind: 'brace', text: ch });
    else throw new FormulaSyntaxError(`Unexpected character "${ch}" in formula`);
    i++;
  }
  return tokens;
}

/** How Sheets writes a sheet name in a reference: quoted unless it is a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

function cornerText(c: RefCorner): string {
  const column =
    c.column === null ? '' : `${c.columnAbsolute ? '$' : ''}${columnToLetters(c.column)}`;
  const row = c.row === null ? '' : `${c.rowAbsolute ? '$' : ''}${c.row}`;
  return column + row;
}

/** Writes a reference back in A1 notation, e.g. `'Activity (x)'!$B$2:B`. */
export function referenceText(ref: Reference): string {
  const sheet = ref.sheet === null ? '' : `${quoteSheetName(ref.sheet)}!`;
  return sheet + cornerText(ref.start) + (ref.end ? `:${cornerText(ref.end)}` : '');
}

/** The formula text again, from its tokens (function names and references as Sheets writes them). */
export function untokenize(tokens: readonly Token[]): string {
  return tokens
    .map((t) => {
      if (t.kind === 'func') return t.name;
      if (t.kind === 'bool') return t.value ? 'TRUE' : 'FALSE';
      if (t.kind === 'ref') return referenceText(t.ref);
      return t.text;
    })
    .join('');
}
