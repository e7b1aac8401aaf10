// The playground shows the add-on's Dashboard after a year of Google Health data: every chart the
// add-on inserted is drawn over the Dashboard sheet, each with the title, axis titles and number of
// series of the runtime's chart model, read from the page.
import type { FrameLocator } from 'playwright-core';
import { screenshotPath } from './browser';
import { connect, NOON_LA, openPlayground, type Harness } from './page-helpers';

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365;
/** For waits that span a year's backfill (executions, then the redraw of a 365-row grid). */
const RUN_TIMEOUT_MS = 120_000;

let h: Harness;
let sb: FrameLocator;

beforeAll(async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  sb = await connect(h, 'google-health');
});

afterAll(async () => {
  await h?.close();
});

/** The spreadsheet's local date at the shared clock's instant, as yyyy-mm-dd. */
function spreadsheetToday(): string {
  const zone = h.playground.runtime.sheets.get(h.playground.session.spreadsheetId).timeZone;
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(
    new Date(h.playground.clock.now()),
  );
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

interface Drawn {
  title: string;
  x: string;
  y: string;
  series: number;
  points: number;
}

test('after a year of data the Dashboard shows every chart of the add-on, drawn as the model says', async () => {
  await sb.getByLabel('Backfill from').fill(addDays(spreadsheetToday(), -(YEAR_DAYS - 1)));
  await sb.getByRole('button', { name: 'Backfill', exact: true }).click();
  await sb
    .locator('#sync-last')
    .filter({ hasText: `: ${YEAR_DAYS} days written.` })
    .waitFor({ timeout: RUN_TIMEOUT_MS });

  const { runtime, session } = h.playground;
  const model = runtime.sheets.charts(session.spreadsheetId, 'Dashboard');
  expect(model.length).toBeGreaterThanOrEqual(2);

  await h.page.getByRole('tab', { name: 'Dashboard' }).click();
  await h.page
    .locator('#chart-layer figure canvas')
    .nth(model.length - 1)
    .waitFor({ timeout: RUN_TIMEOUT_MS });
  const drawn = await h.page.evaluate(() =>
    Array.from(document.querySelectorAll('#chart-layer figure')).map((figure) => {
      const page = window as unknown as {
        Chart: {
          getChart(c: Element | null): {
            options: {
              plugins: { title: { text: string } };
              scales: Record<string, { title: { text: string } }>;
            };
            data: { datasets: Array<{ data: Array<number | null> }> };
          };
        };
      };
      const chart = page.Chart.getChart(figure.querySelector('canvas'));
      return {
        id: Number(figure.getAttribute('data-chart-id')),
        title: chart.options.plugins.title.text,
        x: chart.options.scales.x.title.text,
        y: chart.options.scales.y.title.text,
        series: chart.data.datasets.length,
        points: Math.max(...chart.data.datasets.map((d) => d.data.length)),
      };
    }),
  );

  // One drawing per chart of the model, in getCharts order, each as its options and ranges say.
  expect(drawn.map((d) => d.id)).toEqual(model.map((c) => c.chartId));
  const option = (c: (typeof model)[number], path: string): string => {
    let node: unknown = c.options;
    for (const part of path.split('.')) node = (node as Record<string, unknown> | null)?.[part];
    return typeof node === 'string' ? node : '';
  };
  const expected: Drawn[] = model.map((c) => ({
    title: option(c, 'title'),
    x: option(c, 'hAxis.title'),
    y: option(c, 'vAxis.title') || option(c, 'vAxes.0.title'),
    // The first range is the domain (dates or weeks); every other one is a series.
    series: c.ranges.length - 1,
    points: 0,
  }));
  expect(drawn.map(({ title, x, y, series }) => ({ title, x, y, series }))).toEqual(
    expected.map(({ title, x, y, series }) => ({ title, x, y, series })),
  );
  expect(drawn.every((d) => d.title !== '' && d.x !== '' && d.y !== '')).toBe(true);
  // The daily charts cover the whole year (a point per day).
  const steps = drawn.find((d) => d.title === 'Steps per day');
  expect(steps?.points).toBe(YEAR_DAYS);

  await h.page.locator('#grid-region').evaluate((el) => el.scrollTo(0, 0));
  await h.page.screenshot({ path: screenshotPath('dashboard-year') });
});

test("the sidebar's Dashboard part redraws a deleted Dashboard and applies a new week start", async () => {
  // Runs after the year's backfill above: the Dashboard, Weekly and Monthly sheets exist.
  const { runtime, session } = h.playground;
  const model = runtime.sheets.get(session.spreadsheetId);
  const chartCount = runtime.sheets.charts(session.spreadsheetId, 'Dashboard').length;
  model.deleteSheet(model.byName('Dashboard') as NonNullable<ReturnType<typeof model.byName>>);
  expect(model.byName('Dashboard')).toBeNull();

  await sb.getByRole('button', { name: 'Refresh dashboard' }).click();
  await sb
    .locator('#fb-dashboard')
    .filter({ hasText: `Dashboard refreshed: ${chartCount} charts` })
    .waitFor({ timeout: RUN_TIMEOUT_MS });
  expect(model.byName('Dashboard')).not.toBeNull();
  expect(runtime.sheets.charts(session.spreadsheetId, 'Dashboard')).toHaveLength(chartCount);

  await sb.getByLabel('Weeks start on').selectOption({ label: 'Sunday' });
  await sb.getByRole('button', { name: 'Save dashboard settings' }).click();
  await sb
    .locator('#fb-dashboard')
    .filter({ hasText: 'Dashboard settings saved; the dashboard is redrawn with them.' })
    .waitFor({ timeout: RUN_TIMEOUT_MS });
  // Every week of the Weekly sheet now starts on a Sunday in the spreadsheet's zone.
  const weekly = model.byName('Weekly') as NonNullable<ReturnType<typeof model.byName>>;
  const starts = weekly
    .values()
    .slice(1)
    .map((row) => row[0])
    .filter((v): v is Date => v instanceof Date);
  expect(starts.length).toBeGreaterThanOrEqual(52);
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone: model.timeZone, weekday: 'long' });
  expect(new Set(starts.map((d) => weekday.format(d)))).toEqual(new Set(['Sunday']));
});
