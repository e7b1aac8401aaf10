// Display values: number formats applied to numbers and Dates, with the spreadsheet's time zone
// deciding which calendar day an instant shows.
import { displayValue } from '../../../dev/runtime/services/spreadsheet/format';
import { harness } from './harness';

// 2026-11-01T03:30:00Z: still 31 October in Los Angeles, already 1 November in UTC and Tokyo.
const INSTANT = new Date(Date.UTC(2026, 10, 1, 3, 30, 0));

describe('Display values', () => {
  it('shows the shortest decimal of 15 significant digits, never binary noise', () => {
    expect(displayValue(48.77, undefined, 'Etc/UTC')).toBe('48.77');
    expect(displayValue(0.1 + 0.2, undefined, 'Etc/UTC')).toBe('0.3');
    expect(displayValue(2.5, '0.00', 'Etc/UTC')).toBe('2.50');
    expect(displayValue(1234.5678, '#,##0.0', 'Etc/UTC')).toBe('1,234.6');
    expect(displayValue(7, undefined, 'Etc/UTC')).toBe('7');
  });

  it('shows the same instant on different calendar days in two time zones', () => {
    const utc = harness({}, 'Etc/UTC').app.getActiveSheet().getRange('A1');
    const la = harness({}, 'America/Los_Angeles').app.getActiveSheet().getRange('A1');
    for (const r of [utc, la]) r.setValue(INSTANT).setNumberFormat('yyyy-mm-dd');
    expect(utc.getDisplayValue()).toBe('2026-11-01');
    expect(la.getDisplayValue()).toBe('2026-10-31');
    expect(la.getValue().getTime()).toBe(INSTANT.getTime());
  });

  it('follows a change of the spreadsheet time zone', () => {
    const { app } = harness();
    const ss = app.getActiveSpreadsheet();
    const range = ss.getActiveSheet().getRange('A1');
    range.setValue(INSTANT).setNumberFormat('yyyy-MM-dd HH:mm');
    expect(range.getDisplayValue()).toBe('2026-11-01 03:30');
    ss.setSpreadsheetTimeZone('Asia/Tokyo');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
    expect(range.getDisplayValue()).toBe('2026-11-01 12:30');
  });

  it('gives an unformatted Date the default date-time format', () => {
    const range = harness().app.getActiveSheet().getRange('A1');
    range.setValue(INSTANT);
    expect(range.getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
    expect(range.getDisplayValue()).toBe('11/1/2026 3:30:00');
  });

  it('applies fixed-decimal and grouping formats to numbers', () => {
    const range = harness().app.getActiveSheet().getRange('A1:F1');
    range.setValues([[8432.456, 8432.456, 8432.456, 1234567.8, 0.256, -3.14159]]);
    range.setNumberFormats([['0', '0.0', '0.00', '#,##0', '0%', '0.00']]);
    expect(range.getDisplayValues()).toEqual([
      ['8432', '8432.5', '8432.46', '1,234,568', '26%', '-3.14'],
    ]);
    expect(range.getNumberFormats()).toEqual([['0', '0.0', '0.00', '#,##0', '0%', '0.00']]);
  });

  it('shows unformatted values the way Sheets does', () => {
    const range = harness().app.getActiveSheet().getRange('A1:D1');
    range.setValues([[0.1 + 0.2, true, 'text', 42]]);
    expect(range.getDisplayValues()).toEqual([['0.3', 'TRUE', 'text', '42']]);
    expect(range.getNumberFormat()).toBe('0.###############');
  });

  it('renders dates stored as serial numbers and Dates under number formats', () => {
    // Serial 46327 is 2026-11-01 in Sheets' 1899-12-30 epoch.
    expect(displayValue(46327.5, 'yyyy-mm-dd hh:mm', 'Etc/UTC')).toBe('2026-11-01 12:00');
    expect(displayValue(new Date(Date.UTC(2026, 10, 1, 12)), '0.0', 'Etc/UTC')).toBe('46327.5');
    expect(displayValue(INSTANT, 'dddd d mmmm yyyy h:mm AM/PM', 'Etc/UTC')).toBe(
      'Sunday 1 November 2026 3:30 AM',
    );
    expect(displayValue(INSTANT, 'mmm d, yy', 'America/Los_Angeles')).toBe('Oct 31, 26');
  });
});
