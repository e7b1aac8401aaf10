// Call counting and change events: every facade call is one counted RPC, and every mutation emits
// one 'change' event naming the spreadsheet.
import { type ChangeEvent } from '../../../dev/runtime/services/spreadsheet/host';
import { harness } from './harness';

describe('Call counting', () => {
  it('counts a block write as exactly one Range.setValues', () => {
    const { app, host } = harness();
    const sheet = app.getActiveSheet();
    host.resetCalls();
    const rows = Array.from({ length: 100 }, (_, i) => [i, i * 2, `day ${i}`]);
    sheet.getRange(2, 1, rows.length, 3).setValues(rows);
    expect(host.calls.byMethod).toEqual({ 'Sheet.getRange': 1, 'Range.setValues': 1 });
    expect(host.calls.total).toBe(2);
  });

  it('counts every call, cell by cell writes included, and failed calls too', () => {
    const { app, host } = harness();
    host.resetCalls();
    const sheet = app.getActiveSheet();
    for (let r = 1; r <= 10; r++) sheet.getRange(r, 1).setValue(r);
    expect(() => sheet.getRange(2000, 1)).toThrow();
    expect(host.calls.byMethod['SpreadsheetApp.getActiveSheet']).toBe(1);
    expect(host.calls.byMethod['Sheet.getRange']).toBe(11);
    expect(host.calls.byMethod['Range.setValue']).toBe(10);
    expect(host.calls.total).toBe(22);
  });

  it('sums calls across executions until reset', () => {
    const { app, appFor, host } = harness();
    host.resetCalls();
    app.getActiveSpreadsheet().getName();
    appFor({ executionId: 'exec-2', user: 'bob@example.com' }).getActiveSpreadsheet().getName();
    expect(host.calls.byMethod['Spreadsheet.getName']).toBe(2);
    host.resetCalls();
    expect(host.calls).toEqual({ total: 0, byMethod: {} });
  });
});

describe('Change events', () => {
  it('emits one change per mutation with the spreadsheet id, none for reads', () => {
    const { app, host, spreadsheetId } = harness();
    const events: ChangeEvent[] = [];
    const off = host.on('change', (e) => events.push(e));
    const sheet = app.getActiveSheet();
    sheet.getRange('A1:B1').setValues([[1, 2]]);
    sheet.getRange('A1:B1').getValues();
    sheet.setFrozenRows(1);
    app.getActiveSpreadsheet().insertSheet('Data');
    expect(events).toEqual([
      { spreadsheetId, method: 'Range.setValues' },
      { spreadsheetId, method: 'Sheet.setFrozenRows' },
      { spreadsheetId, method: 'Spreadsheet.insertSheet' },
    ]);
    off();
    sheet.getRange('A1').setValue(3);
    expect(events).toHaveLength(3);
  });

  it('emits no change when a mutation fails', () => {
    const { app, host } = harness();
    const events: ChangeEvent[] = [];
    host.on('change', (e) => events.push(e));
    expect(() =>
      app
        .getActiveSheet()
        .getRange('A1:B1')
        .setValues([[1]]),
    ).toThrow();
    expect(events).toEqual([]);
  });
});
