// The sidebar as a person meets it: a first-time person follows only the main button to a synced
// sheet (both providers); wrong input is answered next to its control with focus on it; no
// message is said twice or outlives what caused it; Disconnect turns the daily sync off; a
// cancelled backfill keeps its rows; every state passes axe-core and works from the keyboard.
import type { Frame, FrameLocator } from 'playwright-core';
import { DEMO_CLIENTS } from '../../dev/playground/demo-setup';
import { seriousViolations } from './axe';
import { screenshotPath } from './browser';
import {
  authorize,
  connect,
  NOON_LA,
  openPlayground,
  openSidebar,
  textOf,
  type Harness,
  type ProviderId,
} from './page-helpers';

const RUN_TIMEOUT_MS = 90_000;

let h: Harness | null = null;

afterEach(async () => {
  await h?.close();
  h = null;
});

/** The sidebar's frame itself (for axe and focus checks, which a FrameLocator cannot run). */
async function sidebarFrame(harness: Harness): Promise<Frame> {
  const handle = await harness.page.locator('#sidebar-frame').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('The sidebar frame is not there');
  return frame;
}

/** Zero serious or critical axe findings in the sidebar as it is now. */
async function expectAccessible(harness: Harness, state: string): Promise<void> {
  const findings = await seriousViolations(await sidebarFrame(harness));
  expect({ state, findings }).toEqual({ state, findings: [] });
}

async function focusedId(harness: Harness): Promise<string> {
  return (await sidebarFrame(harness)).evaluate(() => document.activeElement?.id ?? '');
}

/** How many times `text` occurs in the sidebar's visible text. */
async function occurrences(sb: FrameLocator, text: string): Promise<number> {
  const all = await sb.locator('body').innerText();
  return all.split(text).length - 1;
}

/** The one main (blue) action: there is exactly one, and this is it. */
async function mainAction(sb: FrameLocator, label: string) {
  const main = sb.locator('.action');
  await main.filter({ hasText: label }).waitFor();
  await expect(main.count()).resolves.toBe(1);
  return main;
}

async function gridDates(harness: Harness): Promise<string[]> {
  return harness.page.evaluate(() =>
    Array.from(document.querySelectorAll('#grid tbody tr td:first-of-type'))
      .map((td) => (td.textContent ?? '').trim())
      .filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)),
  );
}

describe.each(['google-health', 'fitbit'] as ProviderId[])('%s', (provider) => {
  test('a first-time person reaches a synced sheet by following only the main button', async () => {
    h = await openPlayground({ startAtMs: NOON_LA });
    // A person new to the add-on: nothing of theirs stored yet (each person's setup is theirs).
    h.playground.runtime.properties.user('user@example.com').clear();
    const sb = await openSidebar(h);
    const demo = DEMO_CLIENTS[provider];

    await mainAction(sb, 'Save setup');
    await expectAccessible(h, 'setup');
    await sb.locator(`#provider-${provider}`).check();
    await sb.getByLabel('Client ID').fill(demo.clientId);
    await sb.getByLabel('Client secret').fill(demo.clientSecret);
    await (await mainAction(sb, 'Save setup')).click();
    await sb.locator('#fb-setup').filter({ hasText: 'Setup saved' }).waitFor();
    await expect(focusedId(h)).resolves.toBe('fb-setup');

    const authorizeButton = await mainAction(sb, 'Authorize');
    await expect(textOf(sb.locator('#disclosure'))).resolves.toMatch(/reads and where it goes/);
    await expectAccessible(h, 'authorize');
    const popupPromise = h.context.waitForEvent('page');
    await authorizeButton.click();
    const popup = await popupPromise;
    await popup.waitForLoadState();
    await popup.getByRole('button', { name: 'Allow' }).click();
    await popup.waitForLoadState();
    await h.page.bringToFront();

    const syncNow = await mainAction(sb, 'Sync now');
    await expectAccessible(h, 'connected');
    await syncNow.click();
    await sb.locator('#fb-sync-now').filter({ hasText: 'Sync finished' }).waitFor();
    await expect(focusedId(h)).resolves.toBe('fb-sync-now');
    await h.page.getByRole('tab', { name: 'Activity' }).click();
    expect((await gridDates(h)).length).toBeGreaterThan(1);
    await expectAccessible(h, 'synced');
  });
});

test('wrong backfill dates are answered next to the date with focus on it, once, and go when it changes', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await connect(h, 'google-health');
  const date = sb.getByLabel('Backfill from');
  const answerSlot = sb.locator('#fb-backfill');
  await expect(date.getAttribute('max')).resolves.toBe('2026-11-22');
  await expect(date.getAttribute('min')).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);

  const cases: { type?: string; fill?: string; says: RegExp }[] = [
    { says: /^Pick a start date first\.$/ },
    // Typed by keyboard as a person would: 30 February does not exist.
    { type: '02302025', says: /^That is not a date/ },
    { fill: '2026-11-23', says: /^The start date is in the future: pick today \(2026-11-22\)/ },
    { fill: '2008-12-31', says: /^Pick a start date on or after/ },
  ];
  for (const c of cases) {
    await date.fill('');
    if (c.type) {
      await date.focus();
      await date.pressSequentially(c.type);
    }
    if (c.fill) await date.fill(c.fill);
    await sb.getByRole('button', { name: 'Backfill', exact: true }).click();
    await answerSlot.filter({ hasText: c.says }).waitFor();
    await expect(focusedId(h)).resolves.toBe('backfill-start');
    await expect(date.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(occurrences(sb, await textOf(answerSlot))).resolves.toBe(1);
    await expectAccessible(h, `backfill error ${c.says}`);
  }
  // Changing the date drops the answer about the old one.
  await date.fill('2026-11-01');
  await expect(textOf(answerSlot)).resolves.toBe('');
  await expect(date.getAttribute('aria-invalid')).resolves.toBeNull();
});

test('a setup error marks the field, puts focus on it and says why next to Save setup', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await openSidebar(h);
  await sb.getByRole('button', { name: 'Change setup' }).click();
  await sb.getByLabel('Client ID').fill('not a client id');
  await sb.getByRole('button', { name: 'Save setup' }).click();
  await sb.locator('#fb-setup').filter({ hasText: 'Setup not saved' }).waitFor();
  await expect(focusedId(h)).resolves.toBe('client-id');
  await expect(sb.getByLabel('Client ID').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(textOf(sb.locator('#error-clientId'))).resolves.not.toBe('');
  await expectAccessible(h, 'setup error');
});

test('Copy says Copied; Check connection says what it found', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const sb = await connect(h, 'google-health');
  await sb.getByRole('button', { name: 'Check connection' }).click();
  await sb
    .locator('#fb-check')
    .filter({ hasText: /^Checked: .*the connection works/ })
    .waitFor();
  await expect(focusedId(h)).resolves.toBe('fb-check');
  await sb.getByRole('button', { name: 'Change setup' }).click();
  await sb.getByRole('button', { name: 'Copy' }).click();
  await sb.locator('#fb-copy').filter({ hasText: 'Copied.' }).waitFor();
  await expect(focusedId(h)).resolves.toBe('fb-copy');
});

test('the note about data left out at consent is said once and goes after authorizing it', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await openSidebar(h);
  // Weight needs a second scope: choose it before connecting, then leave it out at consent.
  await sb.getByRole('checkbox', { name: /Weight/ }).check();
  await sb.getByRole('button', { name: 'Save settings' }).click();
  await sb.locator('#fb-settings').filter({ hasText: 'Settings saved' }).waitFor();
  const popup = await authorize(h, sb);
  await popup
    .getByRole('checkbox', { name: /weight|body|health metrics/i })
    .first()
    .uncheck();
  await popup.getByRole('button', { name: 'Allow' }).click();
  await popup.waitForLoadState();
  await h.page.bringToFront();
  await sb.locator('#status-missing').waitFor();

  await (await mainAction(sb, 'Sync now')).click();
  await sb.locator('#fb-sync-now').filter({ hasText: 'No permission for' }).waitFor();
  await expect(occurrences(sb, 'No permission for')).resolves.toBe(1);
  await expectAccessible(h, 'partial grant');

  const again = await authorize(h, sb);
  await again.getByRole('button', { name: 'Allow' }).click();
  await again.waitForLoadState();
  await h.page.bringToFront();
  await sb.locator('#status-missing').waitFor({ state: 'detached' });
  await expect(occurrences(sb, 'No permission for')).resolves.toBe(0);
  await expect(occurrences(sb, 'Left out at consent')).resolves.toBe(0);
});

test('a backfill after a sync replaces the sync’s answer: one "finished" line, the backfill’s', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await connect(h, 'google-health');
  await (await mainAction(sb, 'Sync now')).click();
  await sb.locator('#fb-sync-now').filter({ hasText: 'Sync finished' }).waitFor();
  await sb.getByLabel('Backfill from').fill('2025-11-22');
  await sb.getByRole('button', { name: 'Backfill', exact: true }).click();
  await sb
    .locator('#fb-backfill')
    .filter({ hasText: /Sync finished: 366 days/ })
    .waitFor({ timeout: RUN_TIMEOUT_MS });
  await expect(focusedId(h)).resolves.toBe('fb-backfill');
  await expect(textOf(sb.locator('#fb-sync-now'))).resolves.toBe('');
  await expect(occurrences(sb, 'Sync finished')).resolves.toBe(1);
});

test('keyboard only: Disconnect asks first, turns the daily sync off and says so', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await connect(h, 'google-health');
  await sb.getByRole('checkbox', { name: /Sync every morning/ }).check();
  await sb.locator('#fb-daily').filter({ hasText: 'Daily sync is on.' }).waitFor();
  const triggers = () => h!.playground.session.status().triggers.map((t) => t.handler);
  expect(triggers()).toEqual(['runScheduledSync']);

  // From the daily switch, Tab moves forward through the page to Disconnect (past the record
  // sheet switches, every metric checkbox of every domain, the units and weight-unit choices and
  // Save).
  await sb.locator('#daily').focus();
  for (let i = 0; i < 120 && (await focusedId(h)) !== 'disconnect'; i++)
    await h.page.keyboard.press('Tab');
  await expect(focusedId(h)).resolves.toBe('disconnect');
  await h.page.keyboard.press('Enter');
  await expect(focusedId(h)).resolves.toBe('confirm-disconnect-no');
  await expect(textOf(sb.locator('#confirm-text'))).resolves.toMatch(/daily sync turns off/);
  await expectAccessible(h, 'confirm disconnect');
  await h.page.keyboard.press('Shift+Tab');
  await expect(focusedId(h)).resolves.toBe('confirm-disconnect-yes');
  await h.page.keyboard.press('Enter');
  await sb
    .locator('#fb-disconnect')
    .filter({ hasText: /^Disconnected: .*Daily sync is off\.$/ })
    .waitFor();
  await expect(focusedId(h)).resolves.toBe('fb-disconnect');
  expect(triggers()).toEqual([]);
  await mainAction(sb, 'Authorize');
  await expectAccessible(h, 'disconnected');
});

test('a cancelled backfill keeps the rows it wrote, one per day, and leaves no trigger behind', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await connect(h, 'fitbit');
  // Ten years take more requests than Fitbit allows in an hour: the backfill pauses part way.
  await sb.getByLabel('Backfill from').fill('2016-11-24');
  await sb.getByRole('button', { name: 'Backfill', exact: true }).click();
  await sb
    .locator('#fb-backfill')
    .filter({ hasText: /request limit/ })
    .waitFor({ timeout: RUN_TIMEOUT_MS });
  const cancel = sb.getByRole('button', { name: 'Cancel backfill' });
  await expectAccessible(h, 'backfill paused');
  await cancel.click();
  const answer = sb.locator('#fb-backfill').filter({ hasText: /^Cancelled: \d+ of \d+ days/ });
  await answer.waitFor();
  await expect(focusedId(h)).resolves.toBe('fb-backfill');
  const [, written] = /^Cancelled: (\d+) of/.exec(await textOf(answer)) ?? [];
  expect(Number(written)).toBeGreaterThan(0);
  expect(h.playground.session.status().triggers).toEqual([]);
  await expect(sb.getByRole('progressbar').count()).resolves.toBe(0);
  await expect(cancel.count()).resolves.toBe(0);

  await h.page.getByRole('tab', { name: 'Activity' }).click();
  await h.page.waitForFunction(
    (n) =>
      Array.from(document.querySelectorAll('#grid tbody tr td:first-of-type')).filter((td) =>
        /^\d{4}-\d{2}-\d{2}$/.test((td.textContent ?? '').trim()),
      ).length === n,
    Number(written),
    { timeout: RUN_TIMEOUT_MS },
  );
  const dates = await gridDates(h);
  expect(new Set(dates).size).toBe(dates.length);
  expect(dates).toEqual([...dates].sort());
  await h.page.locator('#sidebar').screenshot({ path: screenshotPath('sidebar-cancelled') });
});
