// Embedded charts from a script on the runtime (a real worker, the Charts global): build, insert,
// read, modify, remove; the Sheets calls that costs; ranges after the person moves a column.
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime';

const SCRIPT = `
function setUp() {
  var ss = SpreadsheetApp.getActive();
  var data = ss.getSheets()[0].setName('Data');
  data.getRange('A1:C4').setValues([['Date', 'Steps', 'Sleep'], ['d1', 1, 7], ['d2', 2, 8], ['d3', 3, 6]]);
  ss.insertSheet('Dashboard');
}
function insertSteps() {
  var ss = SpreadsheetApp.getActive();
  var data = ss.getSheetByName('Data');
  var dash = ss.getSheetByName('Dashboard');
  var chart = dash.newChart()
    .setChartType(Charts.ChartType.COMBO)
    .addRange(data.getRange('A1:A4'))
    .addRange(data.getRange('B1:B4'))
    .setOption('title', 'Steps')
    .setOption('series', { 0: { type: 'bars' } })
    .setPosition(2, 2, 0, 0)
    .build();
  dash.insertChart(chart);
  return chart.getChartId();
}
function describeCharts() {
  var dash = SpreadsheetApp.getActive().getSheetByName('Dashboard');
  return dash.getCharts().map(function (c) {
    var info = c.getContainerInfo();
    return {
      id: c.getChartId(),
      ranges: c.getRanges().map(function (r) { return r.getSheet().getName() + '!' + r.getA1Notation(); }),
      title: c.getOptions().get('title'),
      seriesIsObject: c.getOptions().get('series') instanceof Object,
      type: String(c.modify().getChartType()),
      at: [info.getAnchorRow(), info.getAnchorColumn()]
    };
  });
}
function retitle(title) {
  var dash = SpreadsheetApp.getActive().getSheetByName('Dashboard');
  var chart = dash.getCharts()[0];
  dash.updateChart(chart.modify().setOption('title', title).build());
}
function removeAll() {
  var dash = SpreadsheetApp.getActive().getSheetByName('Dashboard');
  dash.getCharts().forEach(function (c) { dash.removeChart(c); });
  return dash.getCharts().length;
}
function badType() {
  try {
    SpreadsheetApp.getActive().getSheetByName('Dashboard').newChart().setChartType('LINE');
  } catch (e) {
    return [e instanceof Error, String(e)];
  }
}
`;

let rt: Runtime;
/** 2026-11-30 12:00 UTC: the instant this file's clock starts at. */
const clock = new Clock(Date.UTC(2026, 10, 30, 12));
beforeAll(async () => {
  rt = await Runtime.create({ scriptSource: SCRIPT, clock });
  const r = await rt.run('setUp', []);
  expect(r.ok).toBe(true);
});
afterAll(() => rt.close());

async function value(fn: string, args: unknown[] = []): Promise<unknown> {
  const r = await rt.run(fn, args);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

test('building a chart costs no call; newChart and insertChart one each', async () => {
  rt.sheets.resetCalls();
  expect(await value('insertSteps')).toBeNull(); // built, not yet in the spreadsheet
  expect(rt.sheets.calls.byMethod).toEqual({
    'SpreadsheetApp.getActive': 1,
    'Spreadsheet.getSheetByName': 2,
    'Sheet.getRange': 2,
    'Sheet.newChart': 1,
    'Sheet.insertChart': 1,
  });
  const charts = (await value('describeCharts')) as Array<Record<string, unknown>>;
  expect(charts).toEqual([
    {
      id: expect.any(Number),
      ranges: ['Data!A1:A4', 'Data!B1:B4'],
      title: 'Steps',
      seriesIsObject: true,
      type: 'COMBO',
      at: [2, 2],
    },
  ]);
});

test('an update keeps the id and the place the person moved the chart to', async () => {
  const [before] = (await value('describeCharts')) as Array<{ id: number }>;
  rt.sheets.moveChartByHand(rt.defaultSpreadsheetId, before.id, { anchorRow: 30, anchorColumn: 4 });
  await value('retitle', ['Steps per day']);
  const [after] = (await value('describeCharts')) as Array<Record<string, unknown>>;
  expect(after).toMatchObject({ id: before.id, title: 'Steps per day', at: [30, 4] });
});

test('the chart reads the column it read after the person moves it', async () => {
  rt.sheets.editByHand(rt.defaultSpreadsheetId, 'moveColumns', (m) =>
    m.sheet('Data').moveLines('COLUMNS', 2, 1, 4),
  );
  const [chart] = (await value('describeCharts')) as Array<{ ranges: string[] }>;
  expect(chart.ranges).toEqual(['Data!A1:A4', 'Data!C1:C4']);
  expect(rt.sheets.get(rt.defaultSpreadsheetId).sheet('Data').values()[0]).toEqual([
    'Date',
    'Sleep',
    'Steps',
  ]);
});

test('bad input throws an Apps Script exception in the script', async () => {
  expect(await value('badType')).toEqual([
    true,
    "Exception: The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.",
  ]);
});

test('removing every chart leaves none', async () => {
  expect(await value('removeAll')).toBe(0);
  expect(rt.sheets.charts(rt.defaultSpreadsheetId)).toEqual([]);
});
