// Each function the dashboard's summaries may use, evaluated in a formula cell of the runtime's
// model against values it wrote, with the results Google Sheets gives (blanks, text and booleans
// in ranges, criteria with operators and dates, errors, date serial numbers in the sheet's zone).
import { SpreadsheetModel } from '../../../dev/runtime/services/spreadsheet/model';

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * A spreadsheet whose Sheet1 holds `rows` from A1, and a function computing a formula in Z1 of
 * that sheet: getValues' result of the cell.
 */
function book(rows: unknown[][] = [], timeZone = 'Etc/UTC') {
  const ss = new SpreadsheetModel('book', 'Book', timeZone);
  const sheet = ss.sheets[0];
  if (rows.length > 0)
    sheet.setValues({ row: 1, column: 1, numRows: rows.length, numColumns: rows[0].length }, rows);
  const at = { row: 1, column: 26, numRows: 1, numColumns: 1 };
  return {
    ss,
    sheet,
    calc(formula: string): unknown {
      sheet.setFormulas(at, [[formula]]);
      return sheet.getValues(at)[0][0];
    },
    show(formula: string): string {
      sheet.setFormulas(at, [[formula]]);
      return sheet.getDisplayValues(at)[0][0];
    },
  };
}

// Columns: A date, B steps (a blank and a text among them), C a flag.
const DAILY = [
  ['date', 'steps', 'flag'],
  [day(2026, 11, 2), 1000, true],
  [day(2026, 11, 3), '', false],
  [day(2026, 11, 4), 3000, 'x'],
  [day(2026, 11, 5), 'n/a', true],
  [day(2026, 11, 9), 5000, ''],
];

describe('formula functions', () => {
  it('SUM, AVERAGE, COUNT, COUNTA, MIN, MAX skip text, booleans and blanks in ranges', () => {
    const { calc } = book(DAILY);
    expect(calc('=SUM(B:B)')).toBe(9000);
    expect(calc('=AVERAGE(B2:B6)')).toBe(3000);
    expect(calc('=COUNT(B:B)')).toBe(3);
    expect(calc('=COUNTA(B2:B6)')).toBe(4);
    expect(calc('=COUNTA(C2:C)')).toBe(4);
    expect(calc('=MIN(B2:B)')).toBe(1000);
    expect(calc('=MAX(B2:B, 7000)')).toBe(7000);
    expect(calc('=SUM(1, TRUE, "2")')).toBe(4);
    expect(calc('=MAX(D:D)')).toBe(0);
    expect(calc('=AVERAGE(D:D)')).toBe('#DIV/0!');
  });

  it('SUMIFS, AVERAGEIFS, COUNTIFS, MINIFS, MAXIFS with date criteria built with &', () => {
    const { calc, sheet } = book(DAILY);
    sheet.setValues({ row: 1, column: 5, numRows: 1, numColumns: 1 }, [[day(2026, 11, 2)]]);
    const week = (f: string, range = 'B:B') => calc(`=${f}(${range},A:A,">="&E1,A:A,"<"&E1+7)`);
    expect(week('SUMIFS')).toBe(4000);
    expect(week('AVERAGEIFS')).toBe(2000);
    expect(calc('=COUNTIFS(A:A,">="&E1,A:A,"<"&E1+7)')).toBe(4);
    expect(week('MINIFS')).toBe(1000);
    expect(week('MAXIFS')).toBe(3000);
    // A week with no numbers: AVERAGEIFS divides by zero, MINIFS/MAXIFS give 0.
    sheet.setValues({ row: 1, column: 5, numRows: 1, numColumns: 1 }, [[day(2026, 12, 7)]]);
    expect(week('AVERAGEIFS')).toBe('#DIV/0!');
    expect(week('MINIFS')).toBe(0);
    expect(week('SUMIFS')).toBe(0);
  });

  it('reads criteria like Sheets: operators, text, wildcards, blanks and non-blanks', () => {
    const { calc } = book(DAILY);
    expect(calc('=COUNTIFS(B2:B6,">=3000")')).toBe(2);
    expect(calc('=COUNTIFS(B2:B6,"<>3000")')).toBe(4);
    expect(calc('=COUNTIFS(B2:B6,"")')).toBe(1);
    expect(calc('=COUNTIFS(B2:B6,"<>")')).toBe(4);
    expect(calc('=COUNTIFS(B2:B6,"N/*")')).toBe(1);
    expect(calc('=COUNTIFS(B2:B6,3000)')).toBe(1);
    expect(calc('=COUNTIFS(C2:C6,TRUE)')).toBe(2);
    expect(calc('=COUNTIFS(A2:A6,">=2026-11-04")')).toBe(3);
    expect(calc('=SUMIFS(B2:B6,C2:C6,"x")')).toBe(3000);
    expect(calc('=SUMIFS(B2:B6,C2:C3,"x")')).toBe('#VALUE!');
  });

  it('IF, IFERROR, AND, OR, comparison and &', () => {
    const { calc } = book(DAILY);
    expect(calc('=IF(B2>500,"high","low")')).toBe('high');
    expect(calc('=IF(B3>500,"high")')).toBe(false);
    expect(calc('=IFERROR(1/0,"none")')).toBe('none');
    expect(calc('=IFERROR(AVERAGEIFS(B:B,A:A,">9999999"),"")')).toBe('');
    expect(calc('=IFERROR(5,"none")')).toBe(5);
    expect(calc('=AND(B2>0,C2)')).toBe(true);
    expect(calc('=OR(B2>5000,C3)')).toBe(false);
    expect(calc('=AND(C2:C6)')).toBe(false);
    expect(calc('="a"="A"')).toBe(true);
    expect(calc('=B3=0')).toBe(true);
    expect(calc('=1<"a"')).toBe(true);
    expect(calc('="n="&B2&"; "&C2')).toBe('n=1000; TRUE');
    expect(calc('=2^3^2')).toBe(64);
    expect(calc('=-2^2')).toBe(4);
    expect(calc('=50%*B2')).toBe(500);
  });

  it('ROUND halves away from zero without binary noise, ABS', () => {
    const { calc } = book();
    expect(calc('=ROUND(2.5)')).toBe(3);
    expect(calc('=ROUND(-2.5,0)')).toBe(-3);
    expect(calc('=ROUND(1.005,2)')).toBe(1.01);
    expect(calc('=ROUND(1234.5678,-2)')).toBe(1200);
    expect(calc('=ABS(-7.5)')).toBe(7.5);
  });

  it('DATE, YEAR, MONTH, DAY, WEEKDAY and EOMONTH work on serial numbers', () => {
    const { calc, sheet } = book(DAILY);
    expect(calc('=DATE(2026,11,2)-DATE(2026,1,1)')).toBe(305);
    expect(calc('=DATE(126,1,1)')).toEqual(day(2026, 1, 1)); // years below 1900 count from 1900
    expect(calc('=DATE(2026,11,2)*1')).toBe(46328);
    expect(calc('=A2*1')).toBe(46328);
    expect(calc('=YEAR(A2)&"-"&MONTH(A2)&"-"&DAY(A2)')).toBe('2026-11-2');
    expect(calc('=WEEKDAY(A2)')).toBe(2); // a Monday, Sunday = 1
    expect(calc('=WEEKDAY(A2,2)')).toBe(1);
    expect(calc('=WEEKDAY(A2,3)')).toBe(0);
    expect(calc('=EOMONTH(A2,0)')).toEqual(day(2026, 11, 30));
    expect(calc('=EOMONTH(A2,3)')).toEqual(day(2027, 2, 28));
    expect(calc('=DATE(2026,13,1)')).toEqual(day(2027, 1, 1));
    expect(calc('=A2+7')).toEqual(day(2026, 11, 9));
    expect(calc('=A6-A2')).toBe(7);
    expect(calc('=MAX(A2:A6)')).toEqual(day(2026, 11, 9));
    // A date column formatted as a number shows its serial; the cell's own format wins.
    sheet.setNumberFormats({ row: 1, column: 26, numRows: 1, numColumns: 1 }, [['0']]);
    expect(calc('=A2')).toBe(46328);
  });

  it("reads a Date at midnight in the spreadsheet's zone as that day's serial number", () => {
    const berlinMidnight = new Date('2026-06-30T22:00:00Z'); // 2026-07-01 00:00 in Berlin
    const { calc, show } = book([[berlinMidnight]], 'Europe/Berlin');
    expect(calc('=A1*1')).toBe(46204);
    expect(calc('=DAY(A1)')).toBe(1);
    expect(calc('=A1+1')).toEqual(new Date('2026-07-01T22:00:00Z'));
    // The result takes the referenced cell's format (a Date written by a script: date and time).
    expect(show('=A1+1')).toBe('7/2/2026 0:00:00');
    expect(show('=DATE(2026,7,2)')).toBe('7/2/2026');
  });

  it("shows a date result in the referenced cell's date format", () => {
    const { sheet, show } = book([[day(2026, 11, 2)]]);
    sheet.setNumberFormats({ row: 1, column: 1, numRows: 1, numColumns: 1 }, [['yyyy-mm-dd']]);
    expect(show('=A1+7')).toBe('2026-11-09');
    expect(show('=MAX(A:A)')).toBe('2026-11-02');
    // A header's text above the dates does not hide that the column holds dates.
    sheet.insertRows(1, 1);
    sheet.setValues({ row: 1, column: 1, numRows: 1, numColumns: 1 }, [['Date']]);
    expect(show('=MAX(A:A)')).toBe('2026-11-02');
  });

  it('INDEX and MATCH look values up', () => {
    const { calc } = book(DAILY);
    expect(calc('=INDEX(B2:B6,3)')).toBe(3000);
    expect(calc('=INDEX(A1:C6,1,2)')).toBe('steps');
    expect(calc('=INDEX(A1:C1,3)')).toBe('flag');
    expect(calc('=INDEX(B2:B6,9)')).toBe('#REF!');
    expect(calc('=MATCH("STEPS",A1:C1,0)')).toBe(2);
    expect(calc('=MATCH(DATE(2026,11,4),A:A,0)')).toBe(4);
    expect(calc('=MATCH(2500,{1000,2000,3000},1)')).toBe(2);
    expect(calc('=MATCH(9,B2:B6,0)')).toBe('#N/A');
    expect(calc('=INDEX(B:B,MATCH(DATE(2026,11,9),A:A,0))')).toBe(5000);
  });

  it('ISNUMBER, ISBLANK and TEXT with date and number patterns', () => {
    const { calc } = book(DAILY);
    expect(calc('=ISNUMBER(B2)')).toBe(true);
    expect(calc('=ISNUMBER(B5)')).toBe(false);
    expect(calc('=ISNUMBER(A2)')).toBe(true);
    expect(calc('=ISBLANK(B3)')).toBe(true);
    expect(calc('=ISBLANK(B2)')).toBe(false);
    expect(calc('=TEXT(A2,"yyyy-mm-dd")')).toBe('2026-11-02');
    expect(calc('=TEXT(A2,"mmm d")')).toBe('Nov 2');
    expect(calc('=TEXT(A2,"ddd")')).toBe('Mon');
    expect(calc('=TEXT(1234.567,"#,##0.0")')).toBe('1,234.6');
    expect(calc('=TEXT(0.256,"0%")')).toBe('26%');
    expect(calc('="Week of "&TEXT(A2,"d mmm")')).toBe('Week of 2 Nov');
  });

  it('gives Sheets error values, which flow through operations', () => {
    const { calc } = book(DAILY);
    expect(calc('=1/0')).toBe('#DIV/0!');
    expect(calc('=(1/0)+1')).toBe('#DIV/0!');
    expect(calc('=B5+1')).toBe('#VALUE!');
    expect(calc('=NOSUCHFUNCTION(1)')).toBe('#NAME?');
    expect(calc('=someName+1')).toBe('#NAME?');
    expect(calc("='No such sheet'!A1")).toBe('#REF!');
    expect(calc('=MATCH(1,B2:B6,0)')).toBe('#N/A');
    expect(calc('=SUM(1,')).toBe('#ERROR!');
    expect(calc('=#N/A')).toBe('#N/A');
    expect(calc('=ISERROR(1/0)')).toBe(true);
  });

  it('hands other functions to formulajs', () => {
    const { calc } = book([[1], [2], [3], [10]]);
    expect(calc('=MEDIAN(A1:A4)')).toBe(2.5);
    expect(calc('=SQRT(16)')).toBe(4);
    expect(calc('=INT(-2.5)')).toBe(-3);
  });
});
