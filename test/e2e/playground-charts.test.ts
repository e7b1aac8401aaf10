// The playground draws the embedded charts a script inserts (Chart.js served from node_modules):
// the series, title and axis titles the page shows come from the runtime's chart model, and a
// script's update or the person moving a chart shows at once.
import type { ExecutionContext, Rpc } from '../../dev/runtime/rpc-types';
import { ChartType } from '../../dev/runtime/services/spreadsheet/chart-enums';
import { createSpreadsheetApp } from '../../dev/runtime/services/spreadsheet/facade';
import { seriousViolations } from './axe';
import { screenshotPath } from './browser';
import { NOON_LA, openPlayground, type Harness } from './page-helpers';

let h: Harness;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let app: Record<string, any>;

beforeAll(async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  // A script of the person's own, running on the playground's spreadsheets through the same
  // handlers (and counting) as the add-on's executions.
  const { runtime, session } = h.playground;
  const handlers = runtime.sheets.handlers();
  const ctx: ExecutionContext = {
    executionId: 'e2e-charts',
    user: session.user,
    spreadsheetId: session.spreadsheetId,
    authMode: 'FULL',
    timeZone: 'America/Los_Angeles',
    installationSource: 'NONE',
  };
  const rpc: Rpc = (_service, method, args) =>
    structuredClone(
      (handlers[method] as (c: ExecutionContext, ...a: unknown[]) => unknown)(
        ctx,
        ...structuredClone(args),
      ),
    );
  app = createSpreadsheetApp(rpc);
});

afterAll(async () => {
  await h?.close();
});

interface DrawnChart {
  type: string;
  datasets: Array<{ label: string; type: string; points: number }>;
  title: string;
  x: string;
  y: string;
}

/** What Chart.js drew for the chart with this id, read from the page. */
function drawn(chartId: number): Promise<DrawnChart> {
  return h.page.evaluate((id) => {
    const canvas = document.querySelector(`figure[data-chart-id="${id}"] canvas`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const chart = (window as any).Chart.getChart(canvas);
    const scales = chart.options.scales;
    return {
      type: chart.config.type,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      datasets: chart.data.datasets.map((d: any) => ({
        label: d.label,
        type: d.type,
        points: d.data.filter((v: unknown) => v !== null).length,
      })),
      title: chart.options.plugins.title.text,
      x: scales.x.title.text,
      y: scales.y.title.text,
    };
  }, chartId);
}

test('a chart a script inserted is drawn with its series, title and axis titles', async () => {
  const ss = app.getActiveSpreadsheet();
  const data = ss.insertSheet('Chart data');
  data
    .getRange('A1:C8')
    .setValues([
      ['Day', 'Steps', '7-day average'],
      ...Array.from({ length: 7 }, (_, i) => [`Nov ${i + 1}`, 6000 + 500 * i, 7000]),
    ]);
  data.insertChart(
    data
      .newChart()
      .setChartType(ChartType.COMBO)
      .addRange(data.getRange('A1:A8'))
      .addRange(data.getRange('B1:C8'))
      .setOption('title', 'Steps per day')
      .setOption('hAxis.title', 'Date')
      .setOption('vAxis', { title: 'Steps' })
      .setOption('seriesType', 'bars')
      .setOption('series', { 1: { type: 'line', color: '#ea4335' } })
      .setPosition(2, 5, 0, 0)
      .build(),
  );
  const chartId = data.getCharts()[0].getChartId() as number;

  const figure = h.page.locator(`figure[data-chart-id="${chartId}"]`);
  await figure.locator('canvas').waitFor();
  await expect(drawn(chartId)).resolves.toEqual({
    type: 'bar',
    datasets: [
      { label: 'Steps', type: 'bar', points: 7 },
      { label: '7-day average', type: 'line', points: 7 },
    ],
    title: 'Steps per day',
    x: 'Date',
    y: 'Steps',
  });
  await expect(figure.locator('canvas').getAttribute('aria-label')).resolves.toBe('Steps per day');
  await h.page.screenshot({ path: screenshotPath('playground-chart') });
  expect(await seriousViolations(h.page)).toEqual([]);
});

test('an update and the person moving the chart show without reloading', async () => {
  const data = app.getActiveSpreadsheet().getSheetByName('Chart data');
  const chart = data.getCharts()[0];
  const chartId = chart.getChartId() as number;
  data.updateChart(chart.modify().setOption('title', 'Steps, last week').build());
  await h.page.waitForFunction((id) => {
    const canvas = document.querySelector(`figure[data-chart-id="${id}"] canvas`);
    const page = window as unknown as {
      Chart: { getChart(c: Element | null): { options: { plugins: { title: { text: string } } } } };
    };
    return page.Chart.getChart(canvas)?.options.plugins.title.text === 'Steps, last week';
  }, chartId);
  const figure = h.page.locator(`figure[data-chart-id="${chartId}"]`);
  const before = await figure.boundingBox();
  h.playground.runtime.sheets.moveChartByHand(h.playground.session.spreadsheetId, chartId, {
    anchorRow: 12,
  });
  await h.page.waitForFunction(
    ([id, top]) => {
      const f = document.querySelector(`figure[data-chart-id="${id}"]`);
      return !!f && f.getBoundingClientRect().top > (top as number) + 100;
    },
    [chartId, before?.y ?? 0] as const,
  );
});
