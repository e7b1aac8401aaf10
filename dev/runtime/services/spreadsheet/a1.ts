// A1 notation: column letters <-> numbers, and parsing "A1", "B2:D9", "A:C", "2:5", "A2:C" and
// "'My sheet'!A1:B2" into 1-based coordinates (open ends resolved against the sheet's size).
import { RANGE_NOT_FOUND } from './errors';

export interface GridBox {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ParsedA1 {
  /** The sheet named before '!', unquoted, or null when the notation names none. */
  sheetName: string | null;
  box: GridBox;
}

export function columnToLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function boxToA1(box: GridBox): string {
  const start = `${columnToLetters(box.column)}${box.row}`;
  if (box.numRows === 1 && box.numColumns === 1) return start;
  const endRow = box.row + box.numRows - 1;
  const endColumn = box.column + box.numColumns - 1;
  return `${start}:${columnToLetters(endColumn)}${endRow}`;
}

interface Corner {
  column: number | null;
  row: number | null;
}

const CORNER = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parseCorner(text: string): Corner | null {
  const m = CORNER.exec(text.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const row = m[2] === '' ? null : Number(m[2]);
  if (row !== null && row < 1) return null;
  return { column: m[1] === '' ? null : lettersToColumn(m[1]), row };
}

function splitSheet(notation: string): { sheetName: string | null; ref: string } {
  const bang = notation.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, ref: notation };
  let name = notation.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2)
    name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: notation.slice(bang + 1) };
}

/**
 * Parses A1 notation against a sheet of maxRows x maxColumns. Whole columns ("A:C") span every row
 * and whole rows ("2:5") every column, as in Sheets. Throws "Range not found" like Apps Script.
 */
export function parseA1(notation: string, maxRows: number, maxColumns: number): ParsedA1 {
  const { sheetName, ref } = splitSheet(notation.trim());
  const parts = ref.split(':');
  if (parts.length < 1 || parts.length > 2) throw new Error(RANGE_NOT_FOUND);
  const a = parseCorner(parts[0]);
  const b = parts.length === 2 ? parseCorner(parts[1]) : a;
  if (!a || !b) throw new Error(RANGE_NOT_FOUND);
  // A single corner must name a cell; "A" or "3" alone is not a range.
  if (parts.length === 1 && (a.row === null || a.column === null)) throw new Error(RANGE_NOT_FOUND);
  if ((a.column === null) !== (b.column === null) && a.row === null)
    throw new Error(RANGE_NOT_FOUND);
  const r1 = a.row ?? 1;
  const c1 = a.column ?? 1;
  const r2 = b.row ?? maxRows;
  const c2 = b.column ?? maxColumns;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return {
    sheetName,
    box: {
      row,
      column,
      numRows: Math.max(r1, r2) - row + 1,
      numColumns: Math.max(c1, c2) - column + 1,
    },
  };
}
