// Sheet structure through the facade: inserting and deleting rows and columns, sheet ids that
// survive renames and are never reused, unique names, frozen rows, and the 10-million-cell cap.
import { harness } from './harness';

describe('Sheet structure', () => {
  it('shifts data down when rows are inserted above it', () => {
    const sheet = harness().app.getActiveSheet();
    sheet.getRange('A1:A3').setValues([['header'], ['day 1'], ['day 2']]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([
      ['header'],
      [''],
      [''],
      ['day 1'],
      ['day 2'],
    ]);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.insertRowBefore(1);
    expect(sheet.getRange('A2').getValue()).toBe('header');
  });

  it('shifts data up when rows are deleted and refuses to delete every row', () => {
    const sheet = harness().app.getActiveSheet();
    sheet.getRange('A1:A4').setValues([['a'], ['b'], ['c'], ['d']]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['a'], ['d']]);
    expect(sheet.getMaxRows()).toBe(998);
    expect(() => sheet.deleteRows(1, 998)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(() => sheet.deleteRows(998, 2)).toThrow('Those rows are out of bounds.');
  });

  it('shifts data right when columns are inserted and left when deleted', () => {
    const sheet = harness().app.getActiveSheet();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['a', '', '', 'b', 'c']]);
    expect(sheet.getMaxColumns()).toBe(28);
    sheet.deleteColumns(2, 2);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['a', 'b', 'c']]);
  });

  it('starts a new spreadsheet with Sheet1, id 0, 1000 x 26', () => {
    const ss = harness().app.getActiveSpreadsheet();
    const [first] = ss.getSheets();
    expect([
      first.getName(),
      first.getSheetId(),
      first.getMaxRows(),
      first.getMaxColumns(),
    ]).toEqual(['Sheet1', 0, 1000, 26]);
    expect(ss.getSpreadsheetTimeZone()).toBe('Etc/UTC');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
  });

  it('keeps a sheet id across renames and finds the sheet by id afterwards', () => {
    const ss = harness().app.getActiveSpreadsheet();
    const data = ss.insertSheet('Activity');
    const id = data.getSheetId();
    data.setName('Fitbit data');
    expect(data.getSheetId()).toBe(id);
    expect(ss.getSheetById(id).getName()).toBe('Fitbit data');
    expect(ss.getSheetByName('Activity')).toBeNull();
    expect(ss.getSheetByName('Fitbit data').getSheetId()).toBe(id);
  });

  it('never reuses a sheet id after delete and insert', () => {
    const ss = harness().app.getActiveSpreadsheet();
    const seen = new Set<number>([0]);
    for (let i = 0; i < 5; i++) {
      const sheet = ss.insertSheet('Data');
      expect(seen.has(sheet.getSheetId())).toBe(false);
      seen.add(sheet.getSheetId());
      ss.deleteSheet(sheet);
    }
    expect(ss.getNumSheets()).toBe(1);
  });

  it('rejects a duplicate sheet name regardless of case', () => {
    const ss = harness().app.getActiveSpreadsheet();
    ss.insertSheet('Data');
    expect(() => ss.insertSheet('data')).toThrow(
      'A sheet with the name "data" already exists. Please enter another name.',
    );
    expect(() => ss.getSheetByName('Sheet1').setName('DATA')).toThrow(
      'A sheet with the name "DATA" already exists. Please enter another name.',
    );
  });

  it('names, positions and activates inserted sheets', () => {
    const ss = harness().app.getActiveSpreadsheet();
    const second = ss.insertSheet();
    expect(second.getName()).toBe('Sheet2');
    expect(ss.getActiveSheet().getName()).toBe('Sheet2');
    const first = ss.insertSheet('Front', 0);
    expect(first.getIndex()).toBe(1);
    expect(ss.getSheets().map((s: { getName(): string }) => s.getName())).toEqual([
      'Front',
      'Sheet1',
      'Sheet2',
    ]);
    ss.setActiveSheet(ss.getSheetByName('Sheet1'));
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
  });

  it('refuses to delete the last sheet and fails calls on a deleted sheet', () => {
    const ss = harness().app.getActiveSpreadsheet();
    const only = ss.getSheets()[0];
    expect(() => ss.deleteSheet(only)).toThrow("You can't remove all the sheets in a document.");
    const extra = ss.insertSheet('Extra');
    ss.deleteSheet(extra);
    expect(() => extra.getName()).toThrow('The sheet has been deleted or is no longer available.');
  });

  it('freezes rows and columns and widens the frozen band on inserts inside it', () => {
    const sheet = harness().app.getActiveSheet();
    expect(sheet.getFrozenRows()).toBe(0);
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    sheet.insertRowBefore(1);
    expect(sheet.getFrozenRows()).toBe(2);
    sheet.insertRowsAfter(5, 3);
    expect(sheet.getFrozenRows()).toBe(2);
    expect(() => sheet.setFrozenRows(sheet.getMaxRows())).toThrow(
      "You can't freeze all visible rows on the sheet.",
    );
  });

  it('enforces 10 million cells per spreadsheet', () => {
    const { app, host, spreadsheetId } = harness();
    const sheet = app.getActiveSheet();
    sheet.insertColumnsAfter(26, 74); // 1000 x 100 = 100,000 cells
    sheet.insertRowsAfter(1000, 98_000); // 99,000 x 100 = 9,900,000 cells
    expect(host.get(spreadsheetId).cellCount()).toBe(9_900_000);
    expect(() => sheet.insertRowsAfter(1, 1001)).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    sheet.insertRowsAfter(1, 1000);
    expect(host.get(spreadsheetId).cellCount()).toBe(10_000_000);
    expect(() => app.getActiveSpreadsheet().insertSheet('More')).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });

  it('records autoResizeColumns without rendering anything', () => {
    const { app, host, spreadsheetId } = harness();
    app.getActiveSheet().autoResizeColumns(1, 3);
    expect(host.get(spreadsheetId).sheet(0).autoResized).toEqual([
      { startColumn: 1, numColumns: 3 },
    ]);
    expect(() => app.getActiveSheet().autoResizeColumns(25, 3)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });
});
