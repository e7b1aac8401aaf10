// The dashboard's pure planning: which charts for which synced metrics, chart ranges from the
// header positions found at refresh, the summaries' formula text, and the key figures anchored on
// the last date in the daily sheet (never the clock).
import { chartActions, insertedIds } from '../../../../src/app/dashboard/chart-actions';
import type { PlannedChart } from '../../../../src/app/dashboard/charts';
import { planDashboard, type DailySnapshot } from '../../../../src/app/dashboard/plan';
import { COUNTED_SHEETS, recordCounts } from '../../../../src/app/dashboard/record-counts';
import { DEFAULT_STEP_GOAL, type DashboardSettings } from '../../../../src/app/dashboard/settings';

const ACTIVITY = [
  'Date',
  'Steps',
  'Distance (km)',
  'Calories (kcal)',
  'Activity calories (kcal)',
  'Floors',
  'Elevation (m)',
  'Sedentary (min)',
  'Lightly active (min)',
  'Fairly active (min)',
  'Very active (min)',
];

const daily = (header: unknown[], over: Partial<DailySnapshot> = {}): DailySnapshot => ({
  name: 'Activity',
  header,
  first: '2026-11-04',
  last: '2026-11-23',
  lastRow: 21,
  ...over,
});

const settings: DashboardSettings = { weekStart: 1, stepGoal: DEFAULT_STEP_GOAL };

function plan(header: unknown[], over: Partial<DailySnapshot> = {}, s = settings) {
  const r = planDashboard(daily(header, over), s);
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
}

const rangesOf = (c: PlannedChart) =>
  c.ranges.map((r) => `${r.sheet}!${r.column}:${r.row}+${r.numRows}x${r.numColumns}`);

describe('charts', () => {
  it('with only the activity metrics: steps per day and active minutes per week', () => {
    const p = plan(ACTIVITY);
    expect(p.charts.map((c) => [c.key, c.type])).toEqual([
      ['steps', 'COMBO'],
      ['active', 'COLUMN'],
    ]);
    const steps = p.charts[0];
    // Dates and steps from the daily sheet, the 7-day average and goal from the Dashboard's
    // helper columns, all rows 1 (headers) to the daily sheet's last row.
    expect(rangesOf(steps)).toEqual([
      'daily!1:1+21x1',
      'daily!2:1+21x1',
      'dashboard!22:1+21x1',
      'dashboard!23:1+21x1',
    ]);
    expect(steps.options).toMatchObject({
      title: 'Steps per day',
      'hAxis.title': 'Date',
      'vAxis.title': 'Steps',
      'hAxis.format': 'yyyy-MM-dd',
      seriesType: 'bars',
    });
  });

  it('follows a moved column and skips a column the person added', () => {
    const moved = ['Steps', 'My mood', 'Date', ...ACTIVITY.slice(2)];
    const p = plan(moved);
    expect(rangesOf(p.charts[0]).slice(0, 2)).toEqual(['daily!3:1+21x1', 'daily!1:1+21x1']);
    expect(p.columns.metrics.map((m) => m.header)).not.toContain('My mood');
  });

  it('adds heart, body and zone charts once those metrics are synced, each metric in one colour', () => {
    const header = [
      ...ACTIVITY,
      'Resting heart rate (bpm)',
      'HRV (ms)',
      'Zone minutes fat burn (min)',
      'Zone minutes cardio (min)',
      'Zone minutes peak (min)',
      'Weight (kg)',
      'Body fat (%)',
    ];
    const p = plan(header);
    expect(p.charts.map((c) => c.key)).toEqual(['steps', 'active', 'heart', 'body', 'azm']);
    const heart = p.charts.find((c) => c.key === 'heart')!;
    expect(rangesOf(heart)).toEqual(['daily!1:1+21x1', 'daily!12:1+21x1', 'daily!13:1+21x1']);
    expect(heart.options).toMatchObject({
      'vAxes.0.title': 'Resting heart rate (bpm)',
      'vAxes.1.title': 'HRV (ms)',
      series: { '0': { targetAxisIndex: 0 }, '1': { targetAxisIndex: 1 } },
    });
    const body = p.charts.find((c) => c.key === 'body')!;
    expect(body.options).toMatchObject({
      'vAxes.0.title': 'Weight (kg)',
      'vAxes.1.title': 'Body fat (%)',
    });
    // Zone minutes per week come from the Weekly sheet's totals, stacked.
    const azm = p.charts.find((c) => c.key === 'azm')!;
    expect(azm.ranges.every((r) => r.sheet === 'weekly')).toBe(true);
    expect(azm.options).toMatchObject({ isStacked: true, 'vAxis.title': 'Minutes per week' });
    // One colour per metric: resting heart rate's colour is its own everywhere.
    const colours = p.charts.flatMap((c) =>
      Object.values((c.options.series ?? {}) as Record<string, { color: string }>).map(
        (s) => s.color,
      ),
    );
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('gives each chart a fixed place, so one added later never lands on another', () => {
    const few = plan(ACTIVITY).charts;
    const more = plan([...ACTIVITY, 'Weight (kg)']).charts;
    for (const c of few) expect(more.find((m) => m.key === c.key)?.position).toEqual(c.position);
    const places = more.map((c) => `${c.position.row}:${c.position.column}`);
    expect(new Set(places).size).toBe(places.length);
  });
});

describe('summary sheets', () => {
  it('writes one row per week from the chosen weekday, each value an AVERAGEIFS/SUMIFS on the date column', () => {
    const p = plan(ACTIVITY);
    const cells = p.sheets.weekly.blocks[0].cells;
    expect(cells[0].slice(0, 4)).toEqual(['Week starting', 'Days', 'Steps total', 'Steps a day']);
    expect(cells.slice(1).map((r) => r[0])).toEqual([
      '=DATE(2026,11,2)',
      '=DATE(2026,11,9)',
      '=DATE(2026,11,16)',
      '=DATE(2026,11,23)',
    ]);
    const inWeek = `'Activity'!$A:$A,">="&$A2,'Activity'!$A:$A,"<"&($A2+7)`;
    expect(cells[1][1]).toBe(`=COUNTIFS(${inWeek})`);
    expect(cells[1][2]).toBe(`=IF(ISNUMBER($D2),SUMIFS('Activity'!$B:$B,${inWeek}),"")`);
    expect(cells[1][3]).toBe(`=IFERROR(AVERAGEIFS('Activity'!$B:$B,${inWeek}),"")`);
    expect(p.sheets.weekly.blocks[0].formats[1][0]).toBe('yyyy-mm-dd');
  });

  it('starts weeks on Sunday when the person picks Sunday', () => {
    const p = plan(ACTIVITY, {}, { ...settings, weekStart: 7 });
    expect(p.sheets.weekly.blocks[0].cells.slice(1).map((r) => r[0])).toEqual([
      '=DATE(2026,11,1)',
      '=DATE(2026,11,8)',
      '=DATE(2026,11,15)',
      '=DATE(2026,11,22)',
    ]);
  });

  it('ends each month with EOMONTH and averages what does not add up (weight)', () => {
    const p = plan(['Date', 'Weight (lb)'], { first: '2026-10-30', last: '2026-11-02' });
    const cells = p.sheets.monthly.blocks[0].cells;
    expect(cells.map((r) => r[0])).toEqual(['Month', '=DATE(2026,10,1)', '=DATE(2026,11,1)']);
    expect(cells[0]).toEqual(['Month', 'Days', 'Weight average (lb)']);
    expect(cells[2][2]).toBe(
      `=IFERROR(AVERAGEIFS('Activity'!$B:$B,'Activity'!$A:$A,">="&$A3,'Activity'!$A:$A,"<"&(EOMONTH($A3,0)+1)),"")`,
    );
  });

  it("quotes a second account's daily sheet name in every reference", () => {
    const p = plan(ACTIVITY, { name: 'Activity (Google Health account …1a2b)' });
    expect(p.sheets.weekly.blocks[0].cells[1][1]).toContain(
      "'Activity (Google Health account …1a2b)'!$A:$A",
    );
  });

  it('has only the header row when the daily sheet has no dates yet', () => {
    const p = plan(ACTIVITY, { first: null, last: null, lastRow: 1 });
    expect(p.sheets.weekly.blocks[0].cells).toHaveLength(1);
    expect(p.charts.map((c) => c.key)).toEqual(['steps']);
  });
});

describe('key figures', () => {
  it('compares the last 7 days with the 7 before, counted back from the last date in the daily sheet', () => {
    const p = plan([...ACTIVITY, 'Weight (kg)']);
    const [figures, helper] = p.sheets.dashboard.blocks;
    expect(helper.cells[1][0]).toBe("=MAX('Activity'!$A:$A)");
    expect(figures.cells[1]).toEqual(['', 'Steps a day', 'Weight (kg)']);
    expect(figures.cells.map((r) => r[0])).toEqual([
      expect.stringContaining('Last 7 days to'),
      '',
      'Last 7 days',
      '7 days before',
      'Change',
    ]);
    expect(figures.cells[2][1]).toBe(
      `=IFERROR(AVERAGEIFS('Activity'!$B:$B,'Activity'!$A:$A,">"&($T$2-7),'Activity'!$A:$A,"<="&$T$2),"")`,
    );
    expect(figures.cells[3][1]).toContain(`">"&($T$2-14)`);
    expect(figures.cells[4][2]).toContain('" heavier"');
    // Nothing in these formulas reads the clock.
    const all = p.sheets.dashboard.blocks.flatMap((b) => b.cells.flat()).join(' ');
    expect(all).not.toMatch(/TODAY|NOW\(/);
  });

  it('draws the step goal from the setting', () => {
    const p = plan(ACTIVITY, {}, { ...settings, stepGoal: 8000 });
    expect(p.sheets.dashboard.blocks[1].cells[1][1]).toBe('=8000');
    expect(p.sheets.dashboard.blocks[1].cells[1][3]).toBe(`=IF(ISNUMBER('Activity'!$A2),$U$2,"")`);
  });
});

describe('chart actions', () => {
  const charts = plan([...ACTIVITY, 'Weight (kg)']).charts;

  it('updates the charts it knows and finds, inserts the rest, and never touches unknown ids', () => {
    const a = chartActions(charts, { steps: 11, body: 12 }, [99, 11, 12]);
    expect(a.update.map((u) => [u.chart.key, u.chartId])).toEqual([
      ['steps', 11],
      ['body', 12],
    ]);
    expect(a.insert.map((c) => c.key)).toEqual(['active']);
    expect(a.remove).toEqual([]);
  });

  it('re-inserts a chart of its own the person deleted, and removes one whose metric left', () => {
    const a = chartActions(charts.slice(0, 2), { steps: 11, body: 12 }, [99, 12]);
    expect(a.insert.map((c) => c.key)).toEqual(['steps', 'active']);
    expect(a.remove).toEqual([12]);
  });

  it('learns the ids of inserted charts from the charts that were not there before', () => {
    expect(insertedIds(charts.slice(0, 2), [99, 11], [99, 11, 40, 41])).toEqual({
      steps: 40,
      active: 41,
    });
  });
});

describe('record counts', () => {
  const [sleep, workouts] = COUNTED_SHEETS;

  it('counts workouts per week from the Exercises sheet when it exists, and leaves the column out when not', () => {
    const counts = recordCounts([
      { sheet: workouts, name: 'Exercises', header: ['Id', 'Type', 'Start', 'End'] },
    ]);
    expect(counts).toEqual([{ header: 'Workouts', sheetName: 'Exercises', column: 3 }]);
    const r = planDashboard(daily(ACTIVITY), settings, counts);
    if (!r.ok) throw new Error(r.reason);
    const cells = r.plan.sheets.weekly.blocks[0].cells;
    expect(cells[0].at(-1)).toBe('Workouts');
    expect(cells[0]).not.toContain('Nights');
    const formula = cells[1].at(-1) as string;
    // Date-time numbers between the bounds, plus texts starting with each of the seven days.
    expect(formula).toMatch(
      /^=COUNTIFS\('Exercises'!\$C:\$C,">="&\$A2,'Exercises'!\$C:\$C,"<"&\(\$A2\+7\)\)\+COUNTIFS\('Exercises'!\$C:\$C,TEXT\(\$A2\+0,"yyyy-mm-dd"\)&"\*"\)/,
    );
    expect(formula.match(/TEXT\(/g)).toHaveLength(7);
    const monthly = r.plan.sheets.monthly.blocks[0].cells[1].at(-1);
    expect(monthly).toContain(`TEXT($A2,"yyyy-mm")&"*"`);
  });

  it('leaves out a record sheet without its date column', () => {
    expect(recordCounts([{ sheet: sleep, name: 'Sleep', header: ['Id', 'Type'] }])).toEqual([]);
  });

  it("counts nights as the Sleep sheet's main sleeps by their end, naps left out", () => {
    const counts = recordCounts([
      { sheet: sleep, name: 'Sleep', header: ['Start', 'End', 'Kind', 'Id'] },
    ]);
    expect(counts).toEqual([
      {
        header: 'Nights',
        sheetName: 'Sleep',
        column: 2,
        where: { column: 3, value: 'Main sleep' },
      },
    ]);
    const r = planDashboard(daily(ACTIVITY), settings, counts);
    if (!r.ok) throw new Error(r.reason);
    const formula = r.plan.sheets.weekly.blocks[0].cells[1].at(-1) as string;
    expect(
      formula.startsWith(
        `=COUNTIFS('Sleep'!$B:$B,">="&$A2,'Sleep'!$B:$B,"<"&($A2+7),'Sleep'!$C:$C,"Main sleep")+`,
      ),
    ).toBe(true);
    expect(formula.match(/"Main sleep"/g)).toHaveLength(8);
  });
});
