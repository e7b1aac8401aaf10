// The embedded-chart API on the local runtime: builders are local until insertChart/updateChart,
// every Sheet call is one counted RPC, chart ids are stable, modify() keeps a moved chart's place,
// bad input gets Apps Script's (or a clear) message, and ranges follow column/row changes.
import {
  ChartMergeStrategy,
  ChartType,
} from '../../../dev/runtime/services/spreadsheet/chart-enums';
import {
  CHART_NOT_FOUND,
  CHART_NOT_INSERTED,
} from '../../../dev/runtime/services/spreadsheet/charts-model';
import type { ChangeEvent } from '../../../dev/runtime/services/spreadsheet/host';
import { harness } from './harness';

function setup() {
  const h = harness();
  const ss = h.app.getActiveSpreadsheet();
  const data = ss.getActiveSheet().setName('Data');
  data.getRange('A1:C4').setValues([
    ['Date', 'Steps', 'Sleep'],
    ['d1', 1000, 7],
    ['d2', 2000, 8],
    ['d3', 3000, 6],
  ]);
  const dash = ss.insertSheet('Dashboard');
  h.host.resetCalls();
  return { ...h, ss, data, dash };
}

describe('Building and inserting a chart', () => {
  it('costs one RPC per Sheet call and none for the builder', () => {
    const { host, data, dash } = setup();
    const dates = data.getRange('A1:A4');
    const steps = data.getRange('B1:B4');
    host.resetCalls();
    const chart = dash
      .newChart()
      .setChartType(ChartType.COLUMN)
      .addRange(dates)
      .addRange(steps)
      .setOption('title', 'Steps per day')
      .setOption('hAxis.title', 'Date')
      .setOption('vAxis', { title: 'Steps', minValue: 0 })
      .setOption('colors', ['#1a73e8'])
      .setPosition(2, 3, 10, 5)
      .setNumHeaders(1)
      .setMergeStrategy(ChartMergeStrategy.MERGE_COLUMNS)
      .build();
    expect(chart.getChartId()).toBeNull();
    dash.insertChart(chart);
    expect(host.calls.byMethod).toEqual({ 'Sheet.newChart': 1, 'Sheet.insertChart': 1 });
  });

  it('reads back type-free settings: id, ranges, options both ways, position', () => {
    const { host, spreadsheetId, data, dash } = setup();
    dash.insertChart(
      dash
        .newChart()
        .setChartType(ChartType.LINE)
        .addRange(data.getRange('A1:A4'))
        .addRange(data.getRange('C1:C4'))
        .setOption('vAxis', { title: 'Hours' })
        .setOption('vAxis.minValue', 0)
        .setOption('series', { 0: { color: '#673ab7' } })
        .setPosition(5, 2, 0, 12)
        .build(),
    );
    const [chart] = dash.getCharts();
    expect(Number.isInteger(chart.getChartId())).toBe(true);
    expect(chart.getRanges().map((r: { getA1Notation(): string }) => r.getA1Notation())).toEqual([
      'A1:A4',
      'C1:C4',
    ]);
    expect(chart.getRanges()[0].getSheet().getName()).toBe('Data');
    const options = chart.getOptions();
    expect(options.get('vAxis.title')).toBe('Hours');
    expect(options.get('vAxis')).toEqual({ title: 'Hours', minValue: 0 });
    expect(options.get('series.0.color')).toBe('#673ab7');
    expect(options.get('title')).toBeNull();
    const info = chart.getContainerInfo();
    expect([
      info.getAnchorRow(),
      info.getAnchorColumn(),
      info.getOffsetX(),
      info.getOffsetY(),
    ]).toEqual([5, 2, 0, 12]);
    expect(chart.modify().getChartType()).toBe(ChartType.LINE);
    expect(chart.getType).toBeUndefined();
    // The same chart, read twice, has the same id; the model agrees.
    expect(dash.getCharts()[0].getChartId()).toBe(chart.getChartId());
    expect(host.charts(spreadsheetId, 'Dashboard')).toMatchObject([
      { chartId: chart.getChartId(), chartType: 'LINE', addedBy: 'script' },
    ]);
  });

  it('adds a range the chart already has only once (documented)', () => {
    const { data, dash } = setup();
    const b = dash.newChart().addRange(data.getRange('B1:B4')).addRange(data.getRange('B1:B4'));
    expect(b.getRanges()).toHaveLength(1);
    expect(b.clearRanges().getRanges()).toHaveLength(0);
  });

  it('gives every inserted chart its own id, never reused after a removal', () => {
    const { dash, data } = setup();
    const make = () => dash.newChart().addRange(data.getRange('B1:B4')).build();
    dash.insertChart(make());
    dash.insertChart(make());
    const ids = dash.getCharts().map((c: { getChartId(): number }) => c.getChartId());
    expect(new Set(ids).size).toBe(2);
    dash.removeChart(dash.getCharts()[0]);
    dash.insertChart(make());
    const after = dash.getCharts().map((c: { getChartId(): number }) => c.getChartId());
    expect(after[0]).toBe(ids[1]);
    expect(ids).not.toContain(after[1]);
  });

  it('offers the typed builders of as*Chart() with their shortcut setters', () => {
    const { data, dash } = setup();
    const builder = dash.newChart().addRange(data.getRange('A1:B4'));
    expect(builder.setTitle).toBeUndefined();
    const chart = builder
      .asColumnChart()
      .setTitle('Steps')
      .setXAxisTitle('Day')
      .setYAxisTitle('Steps')
      .setColors(['#1a73e8'])
      .setStacked()
      .setPosition(3, 1, 0, 0)
      .build();
    expect(String(builder.getChartType())).toBe('COLUMN');
    dash.insertChart(chart);
    const options = dash.getCharts()[0].getOptions();
    expect(['title', 'hAxis.title', 'vAxis.title', 'colors', 'isStacked'].map(options.get)).toEqual(
      ['Steps', 'Day', 'Steps', ['#1a73e8'], true],
    );
  });

  it('refuses wrong argument types with the signature message', () => {
    const { dash } = setup();
    const b = dash.newChart();
    expect(() => b.setChartType('LINE')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.",
    );
    expect(() => b.setPosition('A1')).toThrow(/EmbeddedChartBuilder\.setPosition/);
    expect(() => b.addRange('A1:B2')).toThrow(/EmbeddedChartBuilder\.addRange/);
    expect(() => dash.insertChart({})).toThrow(/SpreadsheetApp\.Sheet\.insertChart/);
  });

  it('refuses an anchor outside the sheet when inserting', () => {
    const { dash } = setup();
    expect(() => dash.insertChart(dash.newChart().setPosition(1001, 1, 0, 0).build())).toThrow(
      /anchor cell \(row 1001, column 1\) is outside the sheet "Dashboard"/,
    );
    expect(dash.getCharts()).toHaveLength(0);
  });
});

describe('Updating and removing', () => {
  it('modify() keeps the place the person moved the chart to, and the id', () => {
    const { host, spreadsheetId, data, dash } = setup();
    dash.insertChart(
      dash.newChart().addRange(data.getRange('B1:B4')).setPosition(1, 1, 0, 0).build(),
    );
    const id = dash.getCharts()[0].getChartId();
    host.moveChartByHand(spreadsheetId, id, { anchorRow: 20, anchorColumn: 6, offsetX: 7 });
    host.resizeChartByHand(spreadsheetId, id, 800, 400);
    const chart = dash.getCharts()[0];
    dash.updateChart(chart.modify().setOption('title', 'Steps').build());
    const [after] = dash.getCharts();
    expect(after.getChartId()).toBe(id);
    expect(after.getOptions().get('title')).toBe('Steps');
    expect(after.getOptions().get('width')).toBe(800);
    const info = after.getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX()]).toEqual([20, 6, 7]);
  });

  it('refuses to update a chart that was never inserted, or was removed', () => {
    const { data, dash } = setup();
    const built = dash.newChart().addRange(data.getRange('B1:B4')).build();
    expect(() => dash.updateChart(built)).toThrow(CHART_NOT_INSERTED);
    dash.insertChart(built);
    const chart = dash.getCharts()[0];
    dash.removeChart(chart);
    expect(dash.getCharts()).toHaveLength(0);
    expect(() => dash.updateChart(chart.modify().build())).toThrow(CHART_NOT_FOUND);
    expect(() => dash.removeChart(chart)).toThrow(CHART_NOT_FOUND);
  });

  it('refuses a chart that belongs to another sheet', () => {
    const { data, dash } = setup();
    dash.insertChart(dash.newChart().addRange(data.getRange('B1:B4')).build());
    const chart = dash.getCharts()[0];
    expect(() => data.updateChart(chart)).toThrow(/belongs to another sheet.*Sheet\.updateChart/);
    expect(() => data.removeChart(chart)).toThrow(/belongs to another sheet/);
    expect(() => data.insertChart(dash.newChart().build())).toThrow(/belongs to another sheet/);
  });

  it('emits one change per chart mutation and none for reads', () => {
    const { host, spreadsheetId, data, dash } = setup();
    const events: ChangeEvent[] = [];
    host.on('change', (e) => events.push(e));
    const range = data.getRange('B1:B4');
    dash.insertChart(dash.newChart().addRange(range).build());
    const chart = dash.getCharts()[0];
    dash.updateChart(chart.modify().build());
    dash.removeChart(chart);
    expect(() => dash.removeChart(chart)).toThrow();
    expect(events.map((e) => e.method)).toEqual([
      'Sheet.insertChart',
      'Sheet.updateChart',
      'Sheet.removeChart',
    ]);
    expect(events.every((e) => e.spreadsheetId === spreadsheetId)).toBe(true);
  });

  it('lists the person’s own charts too, and drops a deleted sheet’s charts', () => {
    const { host, spreadsheetId, ss, dash } = setup();
    host.addChartByHand(spreadsheetId, 'Dashboard', {
      chartType: 'PIE',
      ranges: ["'Data'!A1:B4"],
    });
    expect(dash.getCharts()).toHaveLength(1);
    expect(dash.getCharts()[0].getRanges()[0].getA1Notation()).toBe('A1:B4');
    ss.deleteSheet(dash);
    expect(host.charts(spreadsheetId)).toEqual([]);
  });
});

describe('Chart ranges follow the sheet', () => {
  function withChart() {
    const s = setup();
    s.dash.insertChart(
      s.dash
        .newChart()
        .addRange(s.data.getRange('A1:A4'))
        .addRange(s.data.getRange('B1:B4'))
        .addRange(s.data.getRange('C1:C4'))
        .build(),
    );
    const a1 = () =>
      s.dash
        .getCharts()[0]
        .getRanges()
        .map((r: { getA1Notation(): string }) => r.getA1Notation());
    return { ...s, a1 };
  }

  it('moves with Sheet.moveColumns (values too), one counted call', () => {
    const { host, data, a1 } = withChart();
    host.resetCalls();
    data.moveColumns(data.getRange('B1'), 4); // Steps goes after Sleep
    expect(host.calls.byMethod['Sheet.moveColumns']).toBe(1);
    expect(data.getRange('A1:C1').getValues()).toEqual([['Date', 'Sleep', 'Steps']]);
    expect(a1()).toEqual(['A1:A4', 'C1:C4', 'B1:B4']);
    data.moveColumns(data.getRange('C1:C2'), 1); // Steps to the front
    expect(data.getRange('A1:C1').getValues()).toEqual([['Steps', 'Date', 'Sleep']]);
    expect(a1()).toEqual(['B1:B4', 'A1:A4', 'C1:C4']);
  });

  it('shifts past inserted columns, shrinks with deleted ones and drops a deleted range', () => {
    const { data, a1 } = withChart();
    data.insertColumnBefore(2); // the person's own column between Date and Steps
    expect(a1()).toEqual(['A1:A4', 'C1:C4', 'D1:D4']);
    data.deleteColumn(4);
    expect(a1()).toEqual(['A1:A4', 'C1:C4']);
  });

  it('follows rows and moves the chart with its anchor row', () => {
    const { data, dash, a1 } = withChart();
    data.insertRowsBefore(1, 2);
    expect(a1()).toEqual(['A3:A6', 'B3:B6', 'C3:C6']);
    data.moveRows(data.getRange('A1:A2'), 8); // the two empty rows go below the data
    expect(a1()).toEqual(['A1:A4', 'B1:B4', 'C1:C4']);
    expect(data.getRange('A1:B1').getValues()).toEqual([['Date', 'Steps']]);
    data.insertRowAfter(2); // inside the data: the ranges grow
    expect(a1()).toEqual(['A1:A5', 'B1:B5', 'C1:C5']);
    const chart = dash.getCharts()[0];
    dash.updateChart(chart.modify().setPosition(10, 2, 0, 0).build());
    dash.insertRowsBefore(3, 4);
    expect(dash.getCharts()[0].getContainerInfo().getAnchorRow()).toBe(14);
    dash.deleteRows(12, 5);
    expect(dash.getCharts()[0].getContainerInfo().getAnchorRow()).toBe(12);
  });
});
