// Range values through the facade: round trips, Dates, clearing, A1 notation, and Apps Script's
// errors for ranges outside the sheet and blocks of the wrong shape.
import { createSpreadsheetApp } from '../../../dev/runtime/services/spreadsheet/facade';
import { harness } from './harness';

describe('Range values', () => {
  it('round-trips a block of numbers, strings, booleans and Dates', () => {
    const { app, host, spreadsheetId } = harness();
    const sheet = app.getActiveSheet();
    const day = new Date(Date.UTC(2026, 10, 1));
    const rows = [
      ['date', 'steps', 'worn'],
      [day, 8432, true],
    ];
    sheet.getRange(1, 1, 2, 3).setValues(rows);
    const back = sheet.getRange('A1:C2').getValues();
    expect(back).toEqual(rows);
    expect(back[1][0]).toBeInstanceOf(Date);
    expect(back[1][0].getTime()).toBe(day.getTime());
    expect(host.get(spreadsheetId).sheet('Sheet1').values()).toEqual(rows);
  });

  it('keeps strings as strings even when they look like numbers or dates', () => {
    const { app } = harness();
    const range = app.getActiveSheet().getRange(1, 1, 1, 2);
    range.setValues([['42', '2026-11-01']]);
    expect(range.getValues()).toEqual([['42', '2026-11-01']]);
  });

  it('rebuilds Dates with the Date constructor of the script realm', () => {
    const { host, spreadsheetId } = harness();
    class ScriptDate extends Date {}
    const handlers = host.handlers();
    const ctx = {
      executionId: 'x',
      user: 'ada@example.com',
      spreadsheetId,
      authMode: 'FULL' as const,
      timeZone: 'Etc/UTC',
    };
    const app = createSpreadsheetApp(
      (_s: string, m: string, a: unknown[]) =>
        (handlers[m] as (c: unknown, ...x: unknown[]) => unknown)(ctx, ...a),
      { Date: ScriptDate as DateConstructor },
    );
    app.getActiveSheet().getRange('A1').setValue(new Date(0));
    expect(app.getActiveSheet().getRange('A1').getValue()).toBeInstanceOf(ScriptDate);
  });

  it('setValue fills every cell of the range and null clears', () => {
    const { app } = harness();
    const range = app.getActiveSheet().getRange('B2:C3');
    range.setValue(7);
    expect(range.getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
    range.setValue(null);
    expect(range.getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(app.getActiveSheet().getLastRow()).toBe(0);
  });

  it('throws Apps Script errors for coordinates outside the sheet', () => {
    const sheet = harness().app.getActiveSheet();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('A1:AA1')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    expect(() => sheet.getRange('1', 1)).toThrow(
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  it('throws when the data does not match the range shape', () => {
    const range = harness().app.getActiveSheet().getRange(1, 1, 2, 2);
    expect(() => range.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(() => range.setValues([1, 2])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(range.getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('rejects a cell longer than 50,000 characters', () => {
    const range = harness().app.getActiveSheet().getRange('A1');
    expect(() => range.setValue('x'.repeat(50_001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  it('reports data range, last row/column and A1 notation of what was written', () => {
    const sheet = harness().app.getActiveSheet();
    sheet.getRange(3, 2, 2, 3).setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getLastColumn()).toBe(4);
    const data = sheet.getDataRange();
    expect(data.getA1Notation()).toBe('A1:D4');
    expect(data.getValues()[3]).toEqual(['', 4, 5, 6]);
    const cell = sheet.getRange('C3');
    expect([cell.getRow(), cell.getColumn(), cell.getA1Notation()]).toEqual([3, 3, 'C3']);
    const moved = cell.offset(1, 1, 1, 2);
    expect(moved.getA1Notation()).toBe('D4:E4');
    expect([moved.getLastRow(), moved.getLastColumn(), moved.getNumColumns()]).toEqual([4, 5, 2]);
    expect(moved.getSheet().getName()).toBe('Sheet1');
  });

  it('appends rows after the last row with content, growing a full sheet', () => {
    const { app } = harness();
    const sheet = app.getActiveSheet();
    sheet.appendRow(['date', 'steps']);
    sheet.appendRow(['2026-11-01', 100]);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['date', 'steps'],
      ['2026-11-01', 100],
    ]);
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['beyond']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('beyond');
  });

  it('clearContent keeps number formats and clear removes them', () => {
    const range = harness().app.getActiveSheet().getRange('A1');
    range.setValue(1.5).setNumberFormat('0.00').setFontWeight('bold').setBackground('#eeeeee');
    range.clearContent();
    expect([range.getValue(), range.getNumberFormat(), range.getFontWeight()]).toEqual([
      '',
      '0.00',
      'bold',
    ]);
    range.clear();
    expect([range.getNumberFormat(), range.getFontWeight(), range.getBackground()]).toEqual([
      '0.###############',
      'normal',
      '#ffffff',
    ]);
  });

  it('a singular attribute setter fills the range and its getter reads the top-left cell', () => {
    const sheet = harness().app.getActiveSheet();
    const block = sheet.getRange('A1:B2');
    block.setNumberFormat('0.0').setFontWeight('bold').setBackground('#ff0000');
    sheet.getRange('A1').setBackground('#00ff00');
    expect(block.getNumberFormats()).toEqual([
      ['0.0', '0.0'],
      ['0.0', '0.0'],
    ]);
    expect(block.getFontWeights()[1]).toEqual(['bold', 'bold']);
    expect(block.getBackground()).toBe('#00ff00');
    expect(block.getBackgrounds()[1][1]).toBe('#ff0000');
    block.setFontWeights([
      ['normal', 'bold'],
      ['bold', 'normal'],
    ]);
    expect(sheet.getRange('B1').getFontWeight()).toBe('bold');
    expect(() => block.setNumberFormat(4 as unknown as string)).toThrow(
      "The parameters (number) don't match the method signature for SpreadsheetApp.Range.setNumberFormat.",
    );
  });
});
