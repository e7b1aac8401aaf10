// A1 references as the dashboard's formulas and chart ranges write them: column letters, quoted
// sheet names, whole columns and single cells.

/** 1 -> A, 26 -> Z, 27 -> AA. */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`Bad column: ${column}`);
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Always quoted: a sheet named after an account carries spaces, brackets and ellipses. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A whole column of a sheet, absolute: 'Activity'!$C:$C (grows with the rows people add). */
export function wholeColumn(sheet: string, column: number): string {
  const c = columnLetter(column);
  return `${quoteSheet(sheet)}!$${c}:$${c}`;
}

/** A cell of another sheet, column absolute and row relative: 'Activity'!$A2. */
export function otherCell(sheet: string, column: number, row: number): string {
  return `${quoteSheet(sheet)}!$${columnLetter(column)}${row}`;
}

/** A cell of the same sheet, fully absolute: $AD$2. */
export function absCell(column: number, row: number): string {
  return `$${columnLetter(column)}$${row}`;
}

/** A cell of the same sheet, column absolute: $A2. */
export function rowCell(column: number, row: number): string {
  return `$${columnLetter(column)}${row}`;
}

/** Text as a formula string literal. */
export function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
