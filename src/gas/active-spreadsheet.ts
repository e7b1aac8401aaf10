// The spreadsheet this execution runs in, fetched once: the workbook and the trigger listing share
// it, so listing triggers costs no extra Sheets call. Each execution starts with a fresh global
// scope (in Apps Script as in the local runtime), so the memo never outlives one execution.
let active: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  if (!active) active = SpreadsheetApp.getActive();
  return active;
}
