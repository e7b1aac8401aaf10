// Formulas from a script on the runtime (a real worker): a daily sheet and weekly summaries written
// as formulas, read back computed; a hand edit flows into the week; references follow a column the
// script inserts; reading costs the same Sheets calls with formulas as with plain values.
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime';

const ZONE = 'Europe/Berlin';
const DAYS = 56; // eight weeks from Monday 2026-09-28 (the week that spans the DST change)

const SCRIPT = `
function setUp(midnights, steps) {
  var data = SpreadsheetApp.getActive().getSheets()[0].setName('Activity (Ada)');
  var rows = midnights.map(function (ms, i) { return [new Date(ms), steps[i]]; });
  data.getRange(1, 1, 1, 2).setValues([['Date', 'Steps']]);
  data.getRange(2, 1, rows.length, 2).setValues(rows);
  data.getRange(2, 1, rows.length, 1).setNumberFormat('yyyy-mm-dd');
}
function writeWeekly(weeks) {
  var weekly = SpreadsheetApp.getActive().insertSheet('Weekly');
  var d = "'Activity (Ada)'!";
  var rows = [];
  for (var w = 0; w < weeks; w++) {
    var r = w + 2;
    var inWeek = d + 'A:A,">="&A' + r + ',' + d + 'A:A,"<"&(A' + r + '+7)';
    rows.push([
      w === 0 ? '=MIN(' + d + 'A2:A)' : '=A' + (r - 1) + '+7',
      '=IFERROR(ROUND(AVERAGEIFS(' + d + 'B:B,' + inWeek + '),0),"")',
      '=SUMIFS(' + d + 'B:B,' + inWeek + ')',
      '=COUNTIFS(' + inWeek + ',' + d + 'B:B,"<>")',
      '=MAXIFS(' + d + 'B2:B,' + d + 'A2:A,">="&A' + r + ',' + d + 'A2:A,"<"&A' + r + '+7)',
      '="Week of "&TEXT(A' + r + ',"d mmm")',
      '=IF(C' + r + '>=70000,"goal","")'
    ]);
  }
  weekly.getRange(1, 1, 1, 7).setValues([['Week', 'Avg steps', 'Total', 'Days', 'Best', 'Label', 'Goal']]);
  weekly.getRange(2, 1, weeks, 7).setFormulas(rows);
}
function readWeekly() {
  var range = SpreadsheetApp.getActive().getSheetByName('Weekly').getDataRange();
  return { values: range.getValues(), display: range.getDisplayValues(), formulas: range.getFormulas() };
}
function editSteps(row, steps) {
  SpreadsheetApp.getActive().getSheetByName('Activity (Ada)').getRange(row, 2).setValue(steps);
}
function insertColumnBeforeSteps() {
  SpreadsheetApp.getActive().getSheetByName('Activity (Ada)').insertColumnBefore(2);
}
`;

/** The instant of midnight in Berlin starting a civil date (offset +1 or +2 hours). */
function berlinMidnight(y: number, m: number, d: number): number {
  const utc = Date.UTC(y, m - 1, d);
  const offsetHours = new Date(utc).toLocaleString('en-US', {
    timeZone: ZONE,
    hour: 'numeric',
    hourCycle: 'h23',
  });
  // At UTC midnight Berlin shows 1 (winter) or 2 (summer): its midnight was that many hours before.
  return utc - Number(offsetHours) * 3_600_000;
}

const midnights = Array.from({ length: DAYS }, (_, i) => berlinMidnight(2026, 9, 28 + i));
const steps = Array.from({ length: DAYS }, (_, i) => 4000 + ((i * 1733) % 9000));

let rt: Runtime;
const clock = new Clock(Date.UTC(2026, 10, 30, 12)); // 2026-11-30 12:00 UTC
beforeAll(async () => {
  rt = await Runtime.create({ scriptSource: SCRIPT, clock, timeZone: ZONE });
  for (const [fn, args] of [
    ['setUp', [midnights, steps]],
    ['writeWeekly', [8]],
  ] as const) {
    const r = await rt.run(fn, [...args]);
    if (!r.ok) throw new Error(r.error.message);
  }
}, 60_000);
afterAll(() => rt.close());

interface Weekly {
  values: unknown[][];
  display: string[][];
  formulas: string[][];
}
async function weekly(): Promise<Weekly> {
  const r = await rt.run('readWeekly', []);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Weekly;
}

/** Figures of week w computed here from the data, independently of the formulas. */
function expected(w: number, data = steps) {
  const week = data.slice(w * 7, w * 7 + 7);
  const total = week.reduce((a, b) => a + b, 0);
  return {
    avg: Math.round(total / 7),
    total,
    days: 7,
    best: Math.max(...week),
  };
}

test('the weekly formulas compute averages, totals, counts and dates from the daily sheet', async () => {
  const { values, display } = await weekly();
  expect(values).toHaveLength(9);
  for (let w = 0; w < 8; w++) {
    const e = expected(w);
    const [start, avg, total, days, best, label, goal] = values[w + 1];
    expect(start).toEqual(new Date(midnights[w * 7]));
    expect([avg, total, days, best]).toEqual([e.avg, e.total, e.days, e.best]);
    expect(goal).toBe(e.total >= 70000 ? 'goal' : '');
    expect(typeof label).toBe('string');
  }
  // The week start takes the date column's format; the label shows the Berlin calendar day.
  expect(display[1].slice(0, 1)).toEqual(['2026-09-28']);
  expect(display[6][5]).toBe('Week of 2 Nov');
  expect(display[2][0]).toBe('2026-10-05');
});

test('a hand edit of one day changes that week only, with no script run', async () => {
  const before = await weekly();
  // The person types 20000 steps on 2026-10-06 (week 2, data row 10).
  rt.sheets
    .get(rt.defaultSpreadsheetId)
    .sheet('Activity (Ada)')
    .setValues({ row: 10, column: 2, numRows: 1, numColumns: 1 }, [[20000]]);
  const edited = [...steps];
  edited[8] = 20000;
  const after = await weekly();
  expect(after.values[2].slice(1, 5)).toEqual(Object.values(expected(1, edited)));
  expect(after.values[2]).not.toEqual(before.values[2]);
  expect(after.values[1]).toEqual(before.values[1]);
  expect(after.values[3]).toEqual(before.values[3]);
  // And a script's edit does the same (put the original back).
  const r = await rt.run('editSteps', [10, steps[8]]);
  expect(r.ok).toBe(true);
  expect((await weekly()).values).toEqual(before.values);
});

test('reading computed values costs the same calls as reading plain values', async () => {
  rt.sheets.resetCalls();
  await weekly();
  expect(rt.sheets.calls.byMethod).toEqual({
    'SpreadsheetApp.getActive': 1,
    'Spreadsheet.getSheetByName': 1,
    'Sheet.getDataRange': 1,
    'Range.getValues': 1,
    'Range.getDisplayValues': 1,
    'Range.getFormulas': 1,
  });
});

test('formulas follow a column the script inserts into the daily sheet', async () => {
  const before = await weekly();
  const r = await rt.run('insertColumnBeforeSteps', []);
  expect(r.ok).toBe(true);
  const after = await weekly();
  expect(after.values).toEqual(before.values);
  expect(after.formulas[1][2]).toBe(
    "=SUMIFS('Activity (Ada)'!C:C,'Activity (Ada)'!A:A,\">=\"&A2,'Activity (Ada)'!A:A,\"<\"&(A2+7))",
  );
});
