// What the playground draws for a chart, read from the runtime's chart model as Sheets reads a
// chart's ranges: the domain's labels, one series per other column named by its header, the options.
import { chartView } from '../../../dev/playground/chart-view';
import { defaultSpec } from '../../../dev/runtime/services/spreadsheet/chart-types';
import { SpreadsheetHost } from '../../../dev/runtime/services/spreadsheet/host';

function workbook() {
  const host = new SpreadsheetHost({ now: () => Date.UTC(2026, 10, 30, 12) });
  const id = host.createSpreadsheet('Activity', 'America/Los_Angeles');
  const ss = host.get(id);
  const data = ss.sheets[0];
  data.setValues({ row: 1, column: 1, numRows: 4, numColumns: 3 }, [
    ['Date', 'Steps', 'Goal'],
    [new Date(Date.UTC(2026, 10, 1, 8)), 5000, 8000],
    [new Date(Date.UTC(2026, 10, 2, 8)), 'n/a', 8000],
    [new Date(Date.UTC(2026, 10, 3, 8)), 9000, 8000],
  ]);
  const range = (column: number, numRows = 10) => ({
    ss: id,
    sheetId: data.sheetId,
    row: 1,
    column,
    numRows,
    numColumns: 1,
  });
  return { host, id, ss, data, range };
}

test('a combo chart: dates formatted by hAxis.format, headers name series, options apply', () => {
  const { ss, data, range } = workbook();
  const chart = ss.charts.insert(
    data,
    {
      ...defaultSpec(),
      chartType: 'COMBO',
      ranges: [range(1), range(2), range(3)],
      options: {
        title: 'Steps per day',
        hAxis: { title: 'Date', format: 'yyyy-MM-dd' },
        vAxis: { title: 'Steps' },
        seriesType: 'bars',
        series: { 1: { type: 'line', color: '#ea4335', lineDashStyle: [6, 4], lineWidth: 3 } },
        colors: ['#1a73e8'],
        isStacked: false,
        legend: { position: 'bottom' },
        width: 720,
      },
    },
    'script',
  );
  const view = chartView(ss, chart);
  expect(view).toMatchObject({
    type: 'COMBO',
    title: 'Steps per day',
    hAxisTitle: 'Date',
    vAxisTitle: 'Steps',
    stacked: false,
    legend: 'bottom',
    width: 720,
    height: 371,
    // The empty rows of the 10-row ranges draw nothing; the text cell is a gap.
    labels: ['2026-11-01', '2026-11-02', '2026-11-03'],
  });
  expect(view.series).toEqual([
    {
      label: 'Steps',
      data: [5000, null, 9000],
      kind: 'bars',
      color: '#1a73e8',
      axis: 0,
      dashed: false,
      lineWidth: null,
    },
    {
      label: 'Goal',
      data: [8000, 8000, 8000],
      kind: 'line',
      color: '#ea4335',
      axis: 0,
      dashed: true,
      lineWidth: 3,
    },
  ]);
});

test('without setNumHeaders a numeric first row is data; a right axis and percent stacking show', () => {
  const { ss, data, range } = workbook();
  const chart = ss.charts.insert(
    data,
    {
      ...defaultSpec(),
      chartType: 'AREA',
      ranges: [
        { ...range(2, 3), row: 2 },
        { ...range(3, 3), row: 2 },
      ],
      options: {
        isStacked: 'percent',
        series: { 0: { targetAxisIndex: 1 } },
        vAxes: { 1: { title: 'Goal' } },
      },
    },
    'script',
  );
  const view = chartView(ss, chart);
  expect(view.labels).toEqual(['5000', 'n/a', '9000']);
  expect(view.series).toHaveLength(1);
  expect(view.series[0]).toMatchObject({ label: 'Series 1', kind: 'area', axis: 1 });
  expect(view).toMatchObject({ stacked: 'percent', rightAxisTitle: 'Goal' });
});
