// The playground as a live stand-in for Sheets: triggers fire when the shared clock reaches them,
// "Now:" runs, log lines are dated and stay in their box, the frozen header stays a header, and
// the menu works by keyboard alone; no serious accessibility violation on the page.
import { seriousViolations } from './axe';
import { eventually, NOON_LA, openPlayground, type Harness } from './page-helpers';

/** How far ahead of the shared clock the test trigger is due: a short, bounded real wait. */
const DUE_IN_MS = 2000;
/** Bound on that wait: the due time, the host's check every second, and one execution. */
const FIRE_TIMEOUT_MS = 20_000;

let h: Harness;

beforeAll(async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
});

afterAll(async () => {
  await h?.close();
});

test('a trigger due on the shared clock fires when the clock reaches it, without fast-forwarding', async () => {
  const { runtime, session, clock } = h.playground;
  const advancedBefore = clock.advanced;
  const dueAt = clock.now() + DUE_IN_MS;
  // A one-off trigger of the add-on's continuation handler, as the script editor's Triggers page
  // would add it: with no sync stored, the run has nothing to do and ends quietly.
  const trigger = runtime.triggers.create(
    { handler: 'continueSync', atMs: dueAt },
    { user: session.user, spreadsheetId: session.spreadsheetId },
  );
  await h.page.locator('#trigger-summary', { hasText: 'continueSync at' }).waitFor();

  await h.page
    .locator('#exec-log li', { hasText: 'continueSync ok' })
    .waitFor({ timeout: FIRE_TIMEOUT_MS });
  const runs = session.executions.filter((e) => e.fn === 'continueSync');
  expect(runs).toHaveLength(1);
  // It ran when its time came on the shared clock, not before, and nobody moved the clock.
  expect(runs[0].at).toBeGreaterThanOrEqual(dueAt);
  expect(clock.advanced).toBe(advancedBefore);
  expect(runtime.triggers.list().map((t) => t.id)).not.toContain(trigger.id);
  await h.page.locator('#trigger-summary', { hasText: 'No triggers.' }).waitFor();
});

test('"Now:" shows the shared clock and moves on by itself every second', async () => {
  const shown = () => h.page.locator('#clock-now').getAttribute('datetime');
  const first = (await shown()) ?? '';
  await h.page.waitForFunction(
    (before) => document.getElementById('clock-now')?.getAttribute('datetime') !== before,
    first,
  );
  const second = (await shown()) ?? '';
  expect(Date.parse(second)).toBeGreaterThan(Date.parse(first));

  // A fast-forward moves the shown time by the hour at once (it was at most a second behind).
  await h.page.getByRole('button', { name: '+1 hour' }).click();
  await h.page.waitForFunction(
    (before) =>
      Date.parse(document.getElementById('clock-now')?.getAttribute('datetime') ?? '') >=
      Date.parse(before) + 3_600_000,
    second,
  );
  const text = (await h.page.locator('#clock-now').textContent()) ?? '';
  expect(text).toContain(String(new Date(h.playground.clock.now()).getUTCFullYear()));
});

test('each execution log line is dated on the shared clock, newest first', async () => {
  const lines = h.page.locator('#exec-log li');
  const newest = h.playground.session.executions[h.playground.session.executions.length - 1];
  const time = lines.first().locator('time');
  await expect(time.getAttribute('datetime')).resolves.toBe(new Date(newest.at).toISOString());
  // Date and time of day, in words a person reads (not only hh:mm:ss).
  const text = (await time.textContent()) ?? '';
  expect(text).toContain(String(new Date(newest.at).getFullYear()));
  expect(text).toMatch(/\d{1,2}:\d{2}:\d{2}/);
});

test('a long execution log scrolls in its own box and never shrinks the sheet or the sidebar', async () => {
  const { session, clock } = h.playground;
  const gridBefore = await h.page.locator('#grid-region').boundingBox();
  const logBefore = await h.page.locator('#exec-log').boundingBox();
  for (let i = 0; i < 60; i++) {
    session.recordExecution({
      at: clock.now(),
      fn: `filler${i}`,
      user: session.user,
      ok: i % 7 !== 0,
      durationMs: 5,
      ...(i % 7 === 0
        ? { error: 'A long error message that wraps in the narrow log box. '.repeat(3) }
        : {}),
    });
  }
  await h.page.locator('#exec-log li', { hasText: 'filler59' }).waitFor();
  await expect(h.page.locator('#exec-log li').first().textContent()).resolves.toContain('filler59');
  await expect(h.page.locator('#grid-region').boundingBox()).resolves.toEqual(gridBefore);
  await expect(h.page.locator('#exec-log').boundingBox()).resolves.toEqual(logBefore);
  const overflow = await h.page
    .locator('#exec-log')
    .evaluate((el) => el.scrollHeight > el.clientHeight);
  expect(overflow).toBe(true);
});

test('scrolled down, the frozen header row shows the header and its own row number', async () => {
  const { runtime, session } = h.playground;
  const model = runtime.sheets.get(session.spreadsheetId);
  const sheet = model.insertSheet('Long');
  sheet.appendRow(['Date', 'Steps']);
  for (let i = 0; i < 400; i++) sheet.appendRow([`day ${i + 1}`, 1000 + i]);
  sheet.setFrozenRows(1);
  session.pushSheet();
  await h.page.getByRole('tab', { name: 'Long' }).click();
  await h.page.locator('#grid tbody tr[data-row="401"]').waitFor();

  const region = h.page.locator('#grid-region');
  await region.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  // Whatever is drawn on top where the frozen row sits: its row number and its header cells.
  const onTop = await h.page.evaluate(() => {
    const row = document.querySelector('#grid tbody tr[data-row="1"]') as HTMLTableRowElement;
    return Array.from(row.cells)
      .slice(0, 3)
      .map((cell) => {
        const r = cell.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit?.textContent ?? null;
      });
  });
  expect(onTop).toEqual(['1', 'Date', 'Steps']);
  await expect(region.evaluate((el) => el.scrollTop)).resolves.toBeGreaterThan(1000);
});

test('the add-on menu works by keyboard alone: arrows move, Escape closes, Tab away closes', async () => {
  const { page } = h;
  const extensions = page.getByRole('button', { name: 'Extensions' });
  await extensions.focus();
  await page.keyboard.press('ArrowDown');
  const focused = () =>
    page.evaluate(() => ({
      role: document.activeElement?.getAttribute('role') ?? null,
      text: document.activeElement?.textContent ?? '',
    }));
  const addonName = h.playground.runtime.sheets.addOnName;
  await expect(focused()).resolves.toEqual({ role: 'menuitem', text: addonName });
  await expect(extensions.getAttribute('aria-expanded')).resolves.toBe('true');

  // Into the add-on's submenu; down walks its items, wrapping from the last to the first.
  await page.keyboard.press('ArrowRight');
  const submenu = page.getByRole('menu', { name: addonName });
  const labels = await submenu.getByRole('menuitem').allTextContents();
  expect(labels.length).toBeGreaterThan(2);
  await expect(focused()).resolves.toEqual({ role: 'menuitem', text: labels[0] });
  await page.keyboard.press('ArrowDown');
  await expect(focused()).resolves.toEqual({ role: 'menuitem', text: labels[1] });
  await page.keyboard.press('End');
  await expect(focused()).resolves.toEqual({ role: 'menuitem', text: labels[labels.length - 1] });
  await page.keyboard.press('ArrowDown');
  await expect(focused()).resolves.toEqual({ role: 'menuitem', text: labels[0] });
  await page.keyboard.press('ArrowUp');
  await expect(focused()).resolves.toEqual({ role: 'menuitem', text: labels[labels.length - 1] });

  // Escape closes one level and returns to its opener; ArrowLeft does the same from a submenu.
  await page.keyboard.press('Escape');
  await expect(focused()).resolves.toEqual({ role: 'menuitem', text: addonName });
  await expect(submenu.isVisible()).resolves.toBe(false);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(focused()).resolves.toEqual({ role: 'menuitem', text: addonName });
  await page.keyboard.press('Escape');
  await expect(focused()).resolves.toEqual({ role: null, text: 'Extensions' });
  await expect(extensions.getAttribute('aria-expanded')).resolves.toBe('false');

  // Tab from an open menu leaves it: the menu closes behind the focus.
  await page.keyboard.press('Enter');
  await expect(focused()).resolves.toEqual({ role: 'menuitem', text: addonName });
  await page.keyboard.press('Tab');
  await expect(extensions.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(page.getByRole('menu', { name: 'Extensions' }).isVisible()).resolves.toBe(false);

  // Enter on an item runs it: Open sidebar, by keyboard only.
  await extensions.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  const openIndex = labels.indexOf('Open sidebar');
  expect(openIndex).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < openIndex; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('#sidebar:not([hidden])').waitFor();
  await eventually(() => h.playground.session.ui().sidebar !== null, true);
  await expect(focused()).resolves.toEqual({ role: null, text: 'Extensions' });
});

test('the playground page has no serious or critical accessibility violation (axe-core)', async () => {
  // The sidebar's own document is checked with the sidebar; here the page around it.
  const violations = await seriousViolations(h.page, ['#sidebar-frame']);
  expect(violations).toEqual([]);
});
