// Three years of days summarised per week with AVERAGEIFS over whole columns (the dashboard's
// shape): every figure equals the average computed here, and an edit of one day changes only its
// week's figure at the next read (cached results are dropped on change, not kept stale). A running
// total down thousands of rows computes without overflowing the stack; a cycle that long is #REF!.
import { SpreadsheetModel } from '../../../dev/runtime/services/spreadsheet/model';

const DAYS = 1095;
const WEEKS = Math.ceil(DAYS / 7);
const METRICS = 10;
const column = (k: number) => String.fromCharCode(66 + k); // B..K

function build() {
  const ss = new SpreadsheetModel('scale', 'Scale', 'America/Los_Angeles');
  const data = ss.sheets[0];
  ss.renameSheet(data, 'Activity (x)');
  data.insertRows(1001, 200);
  const value = (i: number, k: number) => 1000 + ((i * 37 + k * 11) % 9000);
  const rows = Array.from({ length: DAYS }, (_, i) => [
    // Midnight in Los Angeles (UTC-8 in winter, -7 in summer) is written as the instant 08:00 or
    // 07:00 UTC; a fixed 10:00 UTC still falls on the same Los Angeles day, which is what counts.
    new Date(Date.UTC(2024, 0, 1 + i, 10)),
    ...Array.from({ length: METRICS }, (_, k) => value(i, k)),
  ]);
  data.setValues({ row: 2, column: 1, numRows: DAYS, numColumns: 1 + METRICS }, rows);
  const weekly = ss.insertSheet('Weekly');
  const formulas = Array.from({ length: WEEKS }, (_, w) => {
    const r = w + 2;
    return [
      `=DATE(2024,1,1)+${w * 7}`,
      ...Array.from(
        { length: METRICS },
        (_, k) =>
          `=AVERAGEIFS('Activity (x)'!${column(k)}:${column(k)},'Activity (x)'!$A:$A,">="&$A${r},'Activity (x)'!$A:$A,"<"&$A${r}+7)`,
      ),
    ];
  });
  weekly.setFormulas({ row: 2, column: 1, numRows: WEEKS, numColumns: 1 + METRICS }, formulas);
  const box = { row: 2, column: 2, numRows: WEEKS, numColumns: METRICS };
  return { data, weekly, box, value };
}

function averages(value: (i: number, k: number) => number) {
  return Array.from({ length: WEEKS }, (_, w) =>
    Array.from({ length: METRICS }, (_, k) => {
      const days = Array.from({ length: 7 }, (_, d) => w * 7 + d).filter((i) => i < DAYS);
      return days.reduce((sum, i) => sum + value(i, k), 0) / days.length;
    }),
  );
}

test('1095 days x 157 weeks x 10 AVERAGEIFS over whole columns equal the weekly averages', () => {
  const { data, weekly, box, value } = build();
  const got = weekly.getValues(box) as number[][];
  const want = averages(value);
  got.forEach((row, w) => row.forEach((v, k) => expect(v).toBeCloseTo(want[w][k], 9)));
  // A person's edit of day 100 (week 14, metric C) is in the next read, and only there.
  data.setValues({ row: 102, column: 3, numRows: 1, numColumns: 1 }, [[50_000]]);
  const edited = (i: number, k: number) => (i === 100 && k === 1 ? 50_000 : value(i, k));
  const after = weekly.getValues(box) as number[][];
  const wantAfter = averages(edited);
  after.forEach((row, w) => row.forEach((v, k) => expect(v).toBeCloseTo(wantAfter[w][k], 9)));
  expect(after[14][1]).not.toBeCloseTo(got[14][1], 3);
  expect(after[13]).toEqual(got[13]);
});

test('a running total down 3000 rows computes, and closing it into a cycle gives #REF!', () => {
  const ss = new SpreadsheetModel('chain', 'Chain');
  const sheet = ss.sheets[0];
  const n = 3000;
  sheet.insertRows(1001, n);
  sheet.setValues(
    { row: 1, column: 1, numRows: n, numColumns: 1 },
    Array.from({ length: n }, () => [2]),
  );
  sheet.setValues({ row: 1, column: 2, numRows: 1, numColumns: 1 }, [['=A1']]);
  sheet.setFormulasR1C1(
    { row: 2, column: 2, numRows: n - 1, numColumns: 1 },
    Array.from({ length: n - 1 }, () => ['=R[-1]C+RC[-1]']),
  );
  const last = { row: n, column: 2, numRows: 1, numColumns: 1 };
  expect(sheet.getValues(last)).toEqual([[2 * n]]);
  sheet.setFormulas({ row: 1, column: 2, numRows: 1, numColumns: 1 }, [[`=B${n}`]]);
  expect(sheet.getValues(last)).toEqual([['#REF!']]);
});
