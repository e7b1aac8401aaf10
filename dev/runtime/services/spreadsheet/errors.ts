// The error messages Apps Script's Spreadsheet service throws, in one place so the emulation and its
// tests agree on the exact wording scripts (and people reading execution logs) will see.

export const OUTSIDE_SHEET =
  'The coordinates of the range are outside the dimensions of the sheet.';
export const START_ROW_TOO_SMALL = 'The starting row of the range is too small.';
export const START_COLUMN_TOO_SMALL = 'The starting column of the range is too small.';
export const ROWS_AT_LEAST_ONE = 'The number of rows in the range must be at least 1.';
export const COLUMNS_AT_LEAST_ONE = 'The number of columns in the range must be at least 1.';
export const RANGE_NOT_FOUND = 'Range not found';
export const ROWS_OUT_OF_BOUNDS = 'Those rows are out of bounds.';
export const COLUMNS_OUT_OF_BOUNDS = 'Those columns are out of bounds.';
export const DELETE_ALL_ROWS = 'Sorry, it is not possible to delete all non-frozen rows.';
export const DELETE_ALL_COLUMNS = 'Sorry, it is not possible to delete all non-frozen columns.';
export const FREEZE_ALL_ROWS = "You can't freeze all visible rows on the sheet.";
export const FREEZE_ALL_COLUMNS = "You can't freeze all visible columns on the sheet.";
export const REMOVE_ALL_SHEETS = "You can't remove all the sheets in a document.";
export const SHEET_DELETED = 'The sheet has been deleted or is no longer available.';
export const CELL_LIMIT =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
export const UI_CONTEXT = 'Cannot call SpreadsheetApp.getUi() from this context.';

export function duplicateSheetName(name: string): string {
  return `A sheet with the name "${name}" already exists. Please enter another name.`;
}

export function rowMismatch(dataRows: number, rangeRows: number): string {
  return `The number of rows in the data does not match the number of rows in the range. The data has ${dataRows} but the range has ${rangeRows}.`;
}

export function columnMismatch(dataColumns: number, rangeColumns: number): string {
  return `The number of columns in the data does not match the number of columns in the range. The data has ${dataColumns} but the range has ${rangeColumns}.`;
}

export function cellTooLong(limit: number): string {
  return `Your input contains more than the maximum of ${limit} characters in a single cell.`;
}

/** Apps Script's complaint when arguments have the wrong types, naming them the way it does. */
export function signatureMismatch(method: string, args: readonly unknown[]): string {
  return `The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.${method}.`;
}

export function noPermission(method: string, scope: string): string {
  return `You do not have permission to call SpreadsheetApp.${method}. Required permissions: ${scope}`;
}

export function openFailed(method: string): string {
  return `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) {
    const first: unknown = value.find((v) => v !== undefined && v !== null);
    return first === undefined ? 'Object[]' : `${typeName(first)}[]`;
  }
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]')
    return 'Date';
  switch (typeof value) {
    case 'number':
      return 'number';
    case 'string':
      return 'String';
    case 'boolean':
      return 'Boolean';
    default:
      return 'Object';
  }
}
