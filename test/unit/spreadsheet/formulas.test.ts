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

  it('turns strings starting with "=" written by setValues or setValue into formulas', () => {
    const { app } = harness();
    const sheet = app.getActiveSheet();
    sheet.getRange('A1:C1').setValues([[4, '=A1*2', '=']]);
    sheet.getRange('D1').setValue('=sum(A1:B1)+sheet1!a1-SHEET1!A1');
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[4, 8, '=', 12]]);
    expect(sheet.getRange('A1:D1').getFormulas()).toEqual([
      ['', '=A1*2', '', '=SUM(A1:B1)+Sheet1!A1-Sheet1!A1'],
    ]);
    sheet.getRange('B1').setValue(5);
    expect(sheet.getRange('B1').getFormula()).toBe('');
    expect(sheet.getRange('D1').getValue()).toBe(9);
  });

  it('counts a formula cell as content, and setFormula("") clears it', () => {
    const { app } = harness();
    const sheet = app.getActiveSheet();
    sheet.getRange('C5').setFormula('=""');
    expect(sheet.getRange('C5').getValue()).toBe('');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    sheet.getRange('C5').setFormula('');
    expect(sheet.getLastRow()).toBe(0);
  });

  it('sees a hand edit of the model in the next read (no sync, no script call)', () => {
    const { ss, host, spreadsheetId } = withDaily([1000, 2000, 3000]);
    ss.insertSheet('Weekly').getRange('A1').setFormula('=AVERAGE(Data!B2:B)');
    const weekly = host.get(spreadsheetId).sheet('Weekly');
    expect(weekly.values()).toEqual([[2000]]);
    host
      .get(spreadsheetId)
      .sheet('Data')
      .setValues({ row: 3, column: 2, numRows: 1, numColumns: 1 }, [[5000]]);
    expect(weekly.values()).toEqual([[3000]]);
    expect(weekly.displayValues()).toEqual([['3000']]);
  });

  it('counts only the Range calls: evaluating formulas is not a Sheets call', () => {
    const { ss, host } = withDaily([1000, 2000, 3000]);
    const weekly = ss.insertSheet('Weekly');
    weekly.getRange('A1:B1').setFormulas([['=SUM(Data!B:B)', '=AVERAGE(Data!B:B)']]);
    host.resetCalls();
    expect(weekly.getRange('A1:B1').getValues()).toEqual([[6000, 2000]]);
    expect(host.calls.total).toBe(2); // getRange + getValues
    expect(host.calls.byMethod['Range.getValues']).toBe(1);
  });

  it('reads a quoted sheet name with spaces and parentheses, whole rows and open ranges', () => {
    const { app } = harness();
    const ss = app.getActiveSpreadsheet();
    const data = ss.insertSheet("Activity (Ada's)");
    data.getRange('A1:C2').setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const sheet = ss.getSheetByName('Sheet1');
    sheet
      .getRange('A1:C1')
      .setFormulas([
        [
          "=SUM('Activity (Ada''s)'!B:B)",
          "=SUM('Activity (Ada''s)'!2:2)",
          "=SUM('activity (ada''s)'!A2:C)",
        ],
      ]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[7, 15, 15]]);
  });

  it('gives #REF! for a circular reference', () => {
    const { app } = harness();
    const sheet = app.getActiveSheet();
    sheet.getRange('A1:B1').setFormulas([['=B1+1', '=A1+1']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['#REF!', '#REF!']]);
  });

  it('applies the cell number format to a computed value', () => {
    const { app } = harness();
    const sheet = app.getActiveSheet();
    sheet.getRange('A1').setFormula('=2/3*100');
    sheet.getRange('A1').setNumberFormat('0.0');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('66.7');
    expect(sheet.getRange('A1').getValue()).toBeCloseTo(66.6667, 3);
  });
});

describe('References follow the sheets they point into', () => {
  /** Data with steps in B2:B4 and a Weekly sheet summing them three ways. */
  function summed() {
    const h = withDaily([1000, 2000, 3000]);
    const weekly = h.ss.insertSheet('Weekly');
    weekly
      .getRange('A1:D1')
      .setFormulas([['=SUM(Data!B2:B4)', '=Data!B3', '=SUM(Data!B:B)', '=SUM(Data!B2:B)']]);
    return { ...h, weekly };
  }

  it('shift when rows are inserted above, and grow when inserted inside', () => {
    const { data, weekly } = summed();
    data.insertRowsBefore(2, 2);
    expect(weekly.getRange('A1:D1').getFormulas()).toEqual([
      ['=SUM(Data!B4:B6)', '=Data!B5', '=SUM(Data!B:B)', '=SUM(Data!B4:B)'],
    ]);
    expect(weekly.getRange('A1:D1').getValues()).toEqual([[6000, 2000, 6000, 6000]]);
    data.insertRowAfter(4);
    data.getRange('B5').setValue(500);
    expect(weekly.getRange('A1').getFormula()).toBe('=SUM(Data!B4:B7)');
    expect(weekly.getRange('A1:D1').getValues()).toEqual([[6500, 2000, 6500, 6500]]);
  });

  it('shrink when rows are deleted and turn #REF! when every cell is gone', () => {
    const { data, weekly } = summed();
    data.deleteRow(3);
    expect(weekly.getRange('A1:D1').getFormulas()).toEqual([
      ['=SUM(Data!B2:B3)', '=#REF!', '=SUM(Data!B:B)', '=SUM(Data!B2:B)'],
    ]);
    expect(weekly.getRange('A1:D1').getValues()).toEqual([[4000, '#REF!', 4000, 4000]]);
    data.deleteColumn(2);
    expect(weekly.getRange('A1:D1').getFormulas()).toEqual([
      ['=SUM(#REF!)', '=#REF!', '=SUM(#REF!)', '=SUM(#REF!)'],
    ]);
    expect(weekly.getRange('A1:D1').getValues()).toEqual([['#REF!', '#REF!', '#REF!', '#REF!']]);
  });

  it('follow a column the person moves or a column inserted before it', () => {
    const { data, weekly } = summed();
    data.getRange('C1:C4').setValues([['kcal'], [1], [2], [3]]);
    data.moveColumns(data.getRange('B1'), 4); // steps go after kcal
    expect(weekly.getRange('A1:D1').getFormulas()).toEqual([
      ['=SUM(Data!C2:C4)', '=Data!C3', '=SUM(Data!C:C)', '=SUM(Data!C2:C)'],
    ]);
    expect(weekly.getRange('A1:D1').getValues()).toEqual([[6000, 2000, 6000, 6000]]);
    data.insertColumnBefore(1);
    expect(weekly.getRange('C1').getFormula()).toBe('=SUM(Data!D:D)');
    expect(weekly.getRange('A1:D1').getValues()).toEqual([[6000, 2000, 6000, 6000]]);
  });

  it('in the same sheet too, with $ marks kept', () => {
    const { app } = harness();
    const sheet = app.getActiveSheet();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('C1').setFormula('=SUM($A$1:A3)*$A$2');
    sheet.insertRowBefore(1);
    expect(sheet.getRange('C2').getFormula()).toBe('=SUM($A$2:A4)*$A$3');
    expect(sheet.getRange('C2').getValue()).toBe(12);
  });

  it("take a renamed sheet's new name and #REF! for a deleted sheet", () => {
    const { ss, data, weekly } = summed();
    data.setName('Daily data');
    expect(weekly.getRange('B1').getFormula()).toBe("='Daily data'!B3");
    expect(weekly.getRange('B1').getValue()).toBe(2000);
    ss.deleteSheet(ss.getSheetByName('Daily data'));
    expect(weekly.getRange('A1:B1').getFormulas()).toEqual([['=SUM(#REF!)', '=#REF!']]);
    expect(weekly.getRange('A1:B1').getValues()).toEqual([['#REF!', '#REF!']]);
  });
});

describe('R1C1 formulas and filling one formula over a range', () => {
  it('reads and writes R1C1 relative to each cell, absolute with plain numbers', () => {
    const { app } = harness();
    const sheet = app.getActiveSheet();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B3').setFormula('=SUM(A1:A2)*$A$3+Sheet1!A:A');
    expect(sheet.getRange('B3').getFormulaR1C1()).toBe(
      '=SUM(R[-2]C[-1]:R[-1]C[-1])*R3C1+Sheet1!C[-1]:C[-1]',
    );
    sheet.getRange('C1:C3').setFormulaR1C1('=RC[-2]*10');
    expect(sheet.getRange('C1:C3').getFormulas()).toEqual([['=A1*10'], ['=A2*10'], ['=A3*10']]);
    expect(sheet.getRange('C1:C3').getValues()).toEqual([[10], [20], [30]]);
    sheet.getRange('D2').setFormulasR1C1([['=R[-1]C[-3]+R1C1+"RC"']]);
    expect(sheet.getRange('D2').getFormula()).toBe('=A1+$A$1+"RC"');
  });

  it('fills one A1 formula over a range with its relative references moving, as Sheets does', () => {
    const { app } = harness();
    const sheet = app.getActiveSheet();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1:B3').setFormula('=A1*$A$3');
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([
      ['=A1*$A$3'],
      ['=A2*$A$3'],
      ['=A3*$A$3'],
    ]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[3], [6], [9]]);
  });
});
