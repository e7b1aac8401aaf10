// R1C1 notation for Range.getFormulaR1C1/setFormulaR1C1: references relative to the formula's own
// cell (R[-1]C[0]) or absolute (R2C3), whole columns (C[1]) and rows (R[2]), converted to and from
// the A1 text the model keeps.
import { columnToLetters } from './a1';
import { type RefCorner, quoteSheetName, tokenize, untokenize } from './formula-tokens';

/** A corner in R1C1 as Apps Script writes it: relative offsets in brackets, [0] included. */
function cornerR1C1(c: RefCorner, row: number, column: number): string {
  const r = c.row === null ? '' : c.rowAbsolute ? `R${c.row}` : `R[${c.row - row}]`;
  const col =
    c.column === null ? '' : c.columnAbsolute ? `C${c.column}` : `C[${c.column - column}]`;
  return r + col;
}

/** The formula (A1, with '=') of the cell at (row, column) written in R1C1 notation. */
export function toR1C1(formula: string, row: number, column: number): string {
  let tokens;
  try {
    tokens = tokenize(formula.slice(1));
  } catch {
    return formula;
  }
  return (
    '=' +
    tokens
      .map((t) => {
        if (t.kind !== 'ref') return untokenize([t]);
        const { sheet, start, end } = t.ref;
        const prefix = sheet === null ? '' : `${quoteSheetName(sheet)}!`;
        return (
          prefix + cornerR1C1(start, row, column) + (end ? `:${cornerR1C1(end, row, column)}` : '')
        );
      })
      .join('')
  );
}

const R1C1_CORNER =
  /(^|[^\w.'!$])((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(?=[RC])(R(?:\[(-?\d+)\]|(\d+))?)?(C(?:\[(-?\d+)\]|(\d+))?)?(?![\w([])/g;

/** An R1C1 formula typed for the cell at (row, column), in the A1 text the model keeps. */
export function fromR1C1(formula: string, row: number, column: number): string {
  // Only outside string literals: split on quoted text and convert the other parts.
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            R1C1_CORNER,
            (whole, lead: string, sheet = '', rPart, rRel, rAbs, cPart, cRel, cAbs) => {
              if (!rPart && !cPart) return whole;
              const r =
                rPart === undefined
                  ? ''
                  : rAbs !== undefined
                    ? `$${rAbs}`
                    : String(row + Number(rRel ?? 0));
              const c =
                cPart === undefined
                  ? ''
                  : cAbs !== undefined
                    ? `$${columnToLetters(Number(cAbs))}`
                    : columnToLetters(column + Number(cRel ?? 0));
              return `${lead}${sheet}${c}${r}`;
            },
          ),
    )
    .join('');
}
