// End-to-end in headless Chromium: with Google Health the sidebar offers the Sleep sheet switch,
// and Sync now fills a Sleep tab with one row per session (nights and naps) beside daily sleep
// columns whose clock times read as HH:mm; legacy Fitbit shows the switch disabled with the reason.
import { screenshotPath } from './browser';
import { connect, NOON_LA, openPlayground, textOf, type Harness } from './page-helpers';

let h: Harness | null = null;

afterEach(async () => {
  await h?.close();
  h = null;
});

/** The document's choices, saved the way the sidebar saves them, before the person connects. */
async function choose(harness: Harness, metrics: string[], sheets: string[]): Promise<void> {
  const { runtime, session } = harness.playground;
  for (const [fn, args] of [
    ['saveSyncSettings', [{ metrics, units: 'metric' }]],
    ['saveRecordSheets', [sheets]],
  ] as const) {
    const r = await runtime.runFromClient(fn, [...args], session.runOptions);
    if (!r.ok) throw new Error(`${fn}: ${r.error.message}`);
  }
}

test('Google Health: the Sleep sheet switch is on, and Sync now fills a Sleep tab with nights and naps beside HH:mm bedtimes', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  await choose(h, ['steps', 'sleepAsleep', 'bedtime', 'napCount'], ['sleep']);
  const sb = await connect(h, 'google-health');
  const toggle = sb.getByRole('checkbox', { name: 'Sleep sheet', exact: true });
  await expect(toggle.isChecked()).resolves.toBe(true);
  await expect(toggle.isDisabled()).resolves.toBe(false);
  await expect(textOf(sb.locator('#record-sheet-sleep-hint'))).resolves.toContain('Sleep');

  await sb.getByRole('button', { name: 'Sync now' }).click();
  await sb
    .locator('#sync-last')
    .filter({ hasText: /Sync finished|Last sync/ })
    .waitFor();
  await h.page.getByRole('tab', { name: 'Activity' }).click();
  const daily = h.page.getByRole('table', { name: 'Activity' });
  await daily.getByRole('cell', { name: 'Bedtime', exact: true }).waitFor();
  await expect(
    daily.getByRole('cell', { name: /^[0-2]\d:[0-5]\d$/ }).count(),
  ).resolves.toBeGreaterThan(20);

  await h.page.getByRole('tab', { name: 'Sleep' }).click();
  const grid = h.page.getByRole('table', { name: 'Sleep' });
  await grid.getByRole('cell', { name: 'Kind', exact: true }).waitFor();
  const nights = await grid.getByRole('cell', { name: 'Main sleep', exact: true }).count();
  const naps = await grid.getByRole('cell', { name: 'Nap', exact: true }).count();
  expect(nights).toBeGreaterThan(20);
  expect(naps).toBeGreaterThan(0);
  await h.page.screenshot({ path: screenshotPath('sleep-sheet') });
});

test('legacy Fitbit: the Sleep sheet switch is disabled and says why', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await connect(h, 'fitbit');
  const toggle = sb.getByRole('checkbox', { name: 'Sleep sheet', exact: true });
  await expect(toggle.isDisabled()).resolves.toBe(true);
  await expect(textOf(sb.locator('#record-sheet-sleep-hint'))).resolves.toMatch(/Google Health/);
});
