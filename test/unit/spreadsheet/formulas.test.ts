// Formula cells through the facade: computed values, recalculation after edits, Sheets' errors,
// dates as serial numbers in the spreadsheet's zone, and the functions the dashboard writes.
import { harness } from './harness';

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A sheet "Data" with dates in A and steps in B (rows 2..n+1), and the facade for it. */
function withDaily(
  steps: (number | string | null)[],
  start = day(2026, 11, 2),
  timeZone = 'Etc/UTC',
) {
  const h = harness({}, timeZone);
  const ss = h.app.getActiveSpreadsheet();
  const data = ss.getActiveSheet();
  data.setName('Data');
  const rows = steps.map((s, i) => [new Date(start.getTime() + i * 86_400_000), s ?? '']);
  data.getRange(1, 1, 1, 2).setValues([['date', 'steps']]);
  data.getRange(2, 1, rows.length, 2).setValues(rows);
  return { ...h, ss, data };
}

describe('Formula cells', () => {
  it('compute arithmetic and keep the formula text', () => {
    const { app } = harness();
    const sheet = app.getActiveSheet();
    sheet.getRange('A1:B1').setValues([[2, 3]]);
    sheet.getRange('C1').setFormula('=a1*b1+1');
    expect(sheet.getRange('C1').getValue()).toBe(7);
    expect(sheet.getRange('C1').getFormula()).toBe('=A1*B1+1');
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '', '=A1*B1+1']]);
  });

  it('averages a week with AVERAGEIFS over whole columns of another sheet', () => {
    const { ss } = withDaily([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000]);
    const weekly = ss.insertSheet('Weekly');
    weekly.getRange('A2').setValue(day(2026, 11, 2));
    weekly
      .getRange('B2:D2')
      .setFormulas([
        [
          '=AVERAGEIFS(Data!B:B,Data!A:A,">="&A2,Data!A:A,"<"&A2+7)',
          '=SUMIFS(Data!B2:B,Data!A2:A,">="&A2,Data!A2:A,"<"&(A2+7))',
          '=COUNTIFS(Data!A:A,">="&A2,Data!A:A,"<"&A2+7)',
        ],
      ]);
    expect(weekly.getRange('B2:D2').getValues()).toEqual([[4000, 28000, 7]]);
  });

  it('recalculates when a referenced cell changes', () => {
    const { ss, data } = withDaily([1000, 2000]);
    const weekly = ss.insertSheet('Weekly');
    weekly.getRange('A1').setFormula("=SUM('Data'!B:B)");
    expect(weekly.getRange('A1').getValue()).toBe(3000);
    data.getRange('B3').setValue(5000);
    expect(weekly.getRange('A1').getValue()).toBe(6000);
  });

  it('shows Sheets error codes', () => {
    const { app } = harness();
    const sheet = app.getActiveSheet();
    sheet
      .getRange('A1:F1')
      .setFormulas([
        [
          '=1/0',
          '=NOSUCH(1)',
          '=MATCH(9,{1,2},0)',
          '="a"+1',
          '=Nope!A1',
          '=AVERAGEIFS(B2:B3,B2:B3,">1")',
        ],
      ]);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([
      ['#DIV/0!', '#NAME?', '#N/A', '#VALUE!', '#REF!', '#DIV/0!'],
    ]);
    expect(sheet.getRange('A1:F1').getDisplayValues()[0][0]).toBe('#DIV/0!');
  });

  it('returns dates for DATE and shows them formatted', () => {
    const { app } = harness({}, 'America/New_York');
    const sheet = app.getActiveSheet();
    sheet.getRange('A1:C1').setFormulas([['=DATE(2026,3,8)', '=A1+1', '=A1-DATE(2026,1,1)']]);
    const [[a, b, c]] = sheet.getRange('A1:C1').getValues();
    expect(a).toEqual(new Date('2026-03-08T05:00:00Z'));
    expect(b).toEqual(new Date('2026-03-09T04:00:00Z'));
    expect(c).toBe(66);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['3/8/2026', '3/9/2026', '66']]);
  });
});
