// A Fitbit backfill across Fitbit's hourly request limit and the daily sync switch, in the real
// sidebar and grid, with time moved on by the page's own clock controls.
import type { FrameLocator, Locator } from 'playwright-core';
import { MIN_TRIGGER_DELAY_MS } from '../../src/app/sync/schedule';
import { fitbitRequestCount } from '../../src/providers/fitbit/data-plan';
import { DEFAULT_METRIC_IDS } from '../../src/providers/metrics';
import { screenshotPath } from './browser';
import { connect, NOON_LA, openPlayground, textOf, type Harness } from './page-helpers';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Fitbit allows 150 requests per user per hour; ten years of the default metrics take 162. */
const FITBIT_HOURLY_LIMIT = 150;
const BACKFILL_DAYS = 3650;
/** For waits that span an add-on execution of 150 requests or a redraw of a 3650-row grid. */
const RUN_TIMEOUT_MS = 90_000;

let h: Harness;
let sb: FrameLocator;
/** The backfill's range as the sidebar's progress label states it. */
let range: { start: string; end: string; days: number };

beforeAll(async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  sb = await connect(h, 'fitbit');
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

function daysFromTo(first: string, last: string): number {
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY_MS);
}

/** The Fitbit data requests the simulator has answered so far. */
function fitbitDataRequests() {
  return h.playground.simulator.requests({
    host: 'api.fitbit.com',
    pathPrefix: '/1/user/-/activities/',
  });
}

/** Column A of every row of the page's grid that holds a date, top to bottom. */
function gridDates(): Promise<string[]> {
  return h.page.evaluate(() =>
    Array.from(document.querySelectorAll('#grid tbody tr td:first-of-type'))
      .map((td) => (td.textContent ?? '').trim())
      .filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)),
  );
}

/** Waits until the grid shows exactly `count` dated rows (the page redraws as the sheet changes). */
async function waitForGridRows(count: number): Promise<void> {
  await h.page.waitForFunction(
    (n) =>
      Array.from(document.querySelectorAll('#grid tbody tr td:first-of-type')).filter((td) =>
        /^\d{4}-\d{2}-\d{2}$/.test((td.textContent ?? '').trim()),
      ).length === n,
    count,
    { timeout: RUN_TIMEOUT_MS },
  );
}

/** One row per day from `first` to `last`: ascending, each a day after the one above. */
function expectEveryDayOnce(dates: string[], first: string, last: string): void {
  expect(dates[0]).toBe(first);
  expect(dates[dates.length - 1]).toBe(last);
  const breaks = dates.slice(1).filter((d, i) => d !== addDays(dates[i], 1));
  expect(breaks).toEqual([]);
  expect(dates).toHaveLength(daysFromTo(first, last) + 1);
}

/** Clicks a clock control and waits for the page's answer, given once due triggers have run. */
async function fastForward(label: '+1 hour' | '+1 day'): Promise<void> {
  const button = h.page.getByRole('button', { name: label, exact: true });
  await button.click();
  await button.and(h.page.locator(':enabled')).waitFor({ timeout: RUN_TIMEOUT_MS });
}

function executionLogEntry(text: RegExp): Locator {
  return h.page.locator('#exec-log li', { hasText: text });
}

test('a Fitbit backfill longer than the hourly request limit pauses at it, with its progress, the time it continues and the rows written so far', async () => {
  const start = addDays(spreadsheetToday(), -(BACKFILL_DAYS - 1));
  await sb.getByLabel('Backfill from').fill(start);
  await sb.getByRole('button', { name: 'Backfill', exact: true }).click();

  const next = sb.locator('#sync-next');
  await sb
    .locator('#fb-backfill')
    .filter({ hasText: /request limit/ })
    .waitFor({ timeout: RUN_TIMEOUT_MS });
  // The add-on stopped at Fitbit's limit by its own count: none of its requests was refused.
  const served = fitbitDataRequests();
  expect(served).toHaveLength(FITBIT_HOURLY_LIMIT);
  expect(served.filter((r) => r.status !== 200)).toEqual([]);

  // Fitbit's count resets at the top of the next hour, but an add-on's time-driven trigger may
  // run at most hourly: the continuation is due an hour and a minute after it was scheduled (a
  // few real seconds before now), and the sidebar names that time.
  const now = h.playground.clock.now();
  const due = h.playground.session.status().triggers.find((t) => t.handler === 'continueSync');
  const at = due?.at ?? NaN;
  expect(at).toBeGreaterThan(now + HOUR_MS);
  expect(at).toBeLessThanOrEqual(now + MIN_TRIGGER_DELAY_MS);
  const shownAt = await sb
    .locator('body')
    .evaluate(
      (_, ms) => new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }),
      at,
    );
  // The reason is the answer next to Backfill; the status adds only the time, once.
  await expect(textOf(sb.locator('#fb-backfill'))).resolves.toBe(
    'Paused: the provider’s request limit is used up for now. The sync continues by itself when it is back.',
  );
  await expect(textOf(next)).resolves.toBe(`Next run: ${shownAt}.`);

  const bar = sb.getByRole('progressbar');
  await bar.waitFor();
  const percent = Number(await bar.getAttribute('aria-valuenow'));
  expect(percent).toBeGreaterThan(0);
  expect(percent).toBeLessThan(100);
  const label = await textOf(sb.locator('#sync-progress-label'));
  const parts = /^Backfill (\S+) to (\S+): (\d+) of (\d+) days done$/.exec(label);
  if (!parts) throw new Error(`Unexpected progress label: ${label}`);
  const [, from, to, doneText, totalText] = parts;
  const done = Number(doneText);
  range = { start: from, end: to, days: Number(totalText) };
  expect(from).toBe(start);
  expect(range.days).toBe(daysFromTo(from, to) + 1);
  expect(range.days).toBeGreaterThanOrEqual(BACKFILL_DAYS);
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(range.days);
  expect(percent).toBe(Math.floor((done / range.days) * 100));
  await expect(bar.getAttribute('aria-valuetext')).resolves.toBe(`${done} of ${range.days} days`);

  // The add-on brings its data tab to the front; the grid holds the days written so far.
  await h.page.getByRole('tab', { name: 'Activity', selected: true }).waitFor();
  await waitForGridRows(done);
  const dates = await gridDates();
  expect(dates).toEqual([...dates].sort());
  expect(new Set(dates).size).toBe(dates.length);
  expect(dates[0] >= range.start && dates[dates.length - 1] <= range.end).toBe(true);

  // A first sync under way: its progress is the news, with no "how to make a first sync" advice.
  await expect(sb.locator('#sync-last').count()).resolves.toBe(0);
  await expect(sb.locator('#sync-hint').count()).resolves.toBe(0);

  await bar.scrollIntoViewIfNeeded();
  await h.page.locator('#sidebar').screenshot({ path: screenshotPath('backfill-paused-sidebar') });
});

test('+1 hour runs the continuation, which fetches the rest of the plan and leaves one row per day of the whole range', async () => {
  // The continuation is due an hour and a minute out: the second "+1 hour" reaches it.
  for (let i = 0; i < 3; i++) {
    await fastForward('+1 hour');
    const triggers = (await h.page.locator('#trigger-summary').textContent()) ?? '';
    if (!triggers.includes('continueSync')) break;
  }
  await executionLogEntry(/continueSync ok/).waitFor();
  expect(fitbitDataRequests()).toHaveLength(fitbitRequestCount(range.days, DEFAULT_METRIC_IDS));

  await waitForGridRows(range.days);
  expectEveryDayOnce(await gridDates(), range.start, range.end);

  // The sidebar left open keeps watching a paused job, so it shows the outcome by itself.
  await sb
    .locator('#sync-last')
    .filter({ hasText: `: ${range.days} days written.` })
    .waitFor({ timeout: RUN_TIMEOUT_MS });
  await expect(sb.getByRole('progressbar').isVisible()).resolves.toBe(false);
  await expect(sb.locator('#sync-next').isVisible()).resolves.toBe(false);
});

test('switching the daily sync on says when it runs, +1 day runs it and adds the new days, and switching it off says it is off', async () => {
  const daily = sb.getByRole('checkbox', { name: 'Sync every morning (daily trigger)' });
  const lastSync = sb.locator('#sync-last');
  const lastBefore = await textOf(lastSync);
  await daily.check();
  await sb.locator('#fb-daily').filter({ hasText: 'Daily sync is on.' }).waitFor();
  await sb
    .locator('#daily-hint')
    .filter({ hasText: /^Runs every morning at about \d{1,2}:00 \(spreadsheet time\)\.$/ })
    .waitFor();
  await h.page.locator('#trigger-summary', { hasText: 'runScheduledSync at' }).waitFor();

  await fastForward('+1 day');
  await executionLogEntry(/runScheduledSync ok/).waitFor();
  const today = spreadsheetToday();
  expect(today > range.end).toBe(true);
  await waitForGridRows(range.days + daysFromTo(range.end, today));
  expectEveryDayOnce(await gridDates(), range.start, today);

  // Coming back to the open sidebar refreshes it: the daily run's sync is shown.
  await sb.locator('#sync-heading').click();
  await lastSync
    .filter({ hasText: /^Last sync .+: \d+ days written\.$/, hasNotText: lastBefore })
    .waitFor();
  // The run nobody watched is shown with its time and what it did.
  await expect(textOf(sb.locator('#sync-scheduled'))).resolves.toMatch(
    /^Last scheduled sync .+: Sync finished: \d+ days up to date\.$/,
  );
  await expect(daily.isChecked()).resolves.toBe(true);
  await h.page.locator('#trigger-summary', { hasText: 'runScheduledSync at' }).waitFor();

  await daily.uncheck();
  await sb.locator('#fb-daily').filter({ hasText: 'Daily sync is off.' }).waitFor();
  await sb.locator('#daily-hint').filter({ hasText: /^Off/ }).waitFor();
  await expect(daily.isChecked()).resolves.toBe(false);
  await h.page.locator('#trigger-summary', { hasText: 'No triggers.' }).waitFor();
});
