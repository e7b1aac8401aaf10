// Rewrites a formula's references as Sheets does when the sheets they point into change shape: rows
// or columns inserted, deleted or moved (a reference follows its cells; a range grows, shrinks or
// follows its end lines; a reference whose every cell is deleted becomes #REF!), a sheet renamed
// (the new name is written in) or deleted (its references become #REF!).
import { type DimensionChange, mapLine, mapSpan } from './dimension-change';
import { type RefCorner, type Reference, type Token, tokenize, untokenize } from './formula-tokens';

export type SheetChange =
  | { kind: 'dimension'; sheetName: string; change: DimensionChange }
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'deleteSheet'; sheetName: string };

type Axis = 'row' | 'column';

function withIndex(corner: RefCorner, axis: Axis, index: number | null): RefCorner {
  return axis === 'row' ? { ...corner, row: index } : { ...corner, column: index };
}

/** A reference after a row/column change of its sheet; null when all its cells were deleted. */
function shiftReference(ref: Reference, change: DimensionChange): Reference | null {
  const axis: Axis = change.dimension === 'ROWS' ? 'row' : 'column';
  const first = ref.start[axis];
  if (ref.end === null) {
    if (first === null) return ref;
    const mapped = mapLine(change, first);
    return mapped === null ? null : { ...ref, start: withIndex(ref.start, axis, mapped) };
  }
  const last = ref.end[axis];
  if (first === null && last === null) return ref; // whole columns for a row change, and so on
  if (first === null || last === null) {
    // An open-ended range (B2:B): the bounded end follows its line, or the deleted block's place.
    const bounded = (first ?? last) as number;
    const mapped = mapLine(change, bounded) ?? (change.kind === 'delete' ? change.start : bounded);
    return first !== null
      ? { ...ref, start: withIndex(ref.start, axis, mapped) }
      : { ...ref, end: withIndex(ref.end, axis, mapped) };
  }
  const low = Math.min(first, last);
  const high = Math.max(first, last);
  const span = mapSpan(change, low, high);
  if (span === null) return null;
  // Keep each corner's $ marks with the end it was written on.
  const startIsLow = first <= last;
  return {
    ...ref,
    start: withIndex(ref.start, axis, startIsLow ? span.first : span.last),
    end: withIndex(ref.end, axis, startIsLow ? span.last : span.first),
  };
}

const REF_ERROR: Token = { kind: 'error', text: '#REF!' };

/**
 * The formula (text with '=') after a change, written by a cell of sheet `ownSheet`; the same
 * string when no reference of it is touched (so unparsable formulas are left as typed).
 */
export function shiftFormula(formula: string, ownSheet: string, change: SheetChange): string {
  let tokens: readonly Token[];
  try {
    tokens = tokenize(formula.slice(1));
  } catch {
    return formula;
  }
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  let touched = false;
  const out = tokens.map((t): Token => {
    if (t.kind !== 'ref') return t;
    const target = t.ref.sheet ?? ownSheet;
    switch (change.kind) {
      case 'rename':
        if (t.ref.sheet === null || !same(t.ref.sheet, change.from)) return t;
        touched = true;
        return { ...t, ref: { ...t.ref, sheet: change.to } };
      case 'deleteSheet':
        if (!same(target, change.sheetName)) return t;
        touched = true;
        return REF_ERROR;
      case 'dimension': {
        if (!same(target, change.sheetName)) return t;
        const shifted = shiftReference(t.ref, change.change);
        touched = true;
        return shifted === null ? REF_ERROR : { ...t, ref: shifted };
      }
    }
  });
  return touched ? '=' + untokenize(out) : formula;
}
