// End-to-end flows in headless Chromium: connect, decline, partial consent, disconnect, sync and
// the legacy Fitbit retirement, each in a fresh playground and for both providers where it applies.
import { screenshotPath } from './browser';
import {
  authorize,
  chooseProvider,
  connect,
  eventually,
  NOON_LA,
  openPlayground,
  openSidebar,
  textOf,
  type Harness,
  type ProviderId,
} from './page-helpers';

const PROVIDERS: { id: ProviderId; label: string; revokeHost: string; revokePath: string }[] = [
  {
    id: 'google-health',
    label: 'Google Health',
    revokeHost: 'oauth2.googleapis.com',
    revokePath: '/revoke',
  },
  { id: 'fitbit', label: 'Fitbit', revokeHost: 'api.fitbit.com', revokePath: '/oauth2/revoke' },
];

let h: Harness | null = null;

afterEach(async () => {
  await h?.close();
  h = null;
});

describe.each(PROVIDERS)('$label', ({ id, label, revokeHost, revokePath }) => {
  test('authorizing shows the account as connected and Sync now fills the sheet with dated rows', async () => {
    h = await openPlayground({ startAtMs: NOON_LA });
    const sb = await connect(h, id);
    await expect(sb.locator('#status').getAttribute('class')).resolves.toContain('connected');
    await expect(sb.locator('#status-account').textContent()).resolves.toContain(`(${label}`);

    await sb.getByRole('button', { name: 'Sync now' }).click();
    // The add-on writes to its own tab; a person opens it once the tab appears.
    await h.page.getByRole('tab', { name: 'Activity' }).click();
    const grid = h.page.getByRole('table', { name: 'Activity' });
    await grid.getByRole('cell', { name: 'Date', exact: true }).waitFor();
    await grid
      .getByRole('cell', { name: /^\d{4}-\d{2}-\d{2}$/ })
      .first()
      .waitFor();
    const datedRows = await grid.getByRole('cell', { name: /^\d{4}-\d{2}-\d{2}$/ }).count();
    expect(datedRows).toBeGreaterThan(1);
    await sb
      .locator('#sync-last')
      .filter({ hasText: /Sync finished|Last sync/ })
      .waitFor();
    await h.page.screenshot({ path: screenshotPath(`connected-and-synced-${id}`) });
  });

  test('declining consent leaves the add-on not connected and says so in plain words', async () => {
    h = await openPlayground({ startAtMs: NOON_LA });
    const sb = await openSidebar(h);
    await chooseProvider(sb, id);
    const popup = await authorize(h, sb);
    await popup.getByRole('button', { name: 'Deny' }).click();
    await popup.waitForLoadState();
    const callbackText = (await popup.locator('body').textContent()) ?? '';
    await popup.screenshot({ path: screenshotPath(`declined-callback-${id}`) });
    expect(callbackText).toMatch(/declin|denied|did not allow|not connected/i);
    // The sidebar stops waiting by itself and says so next to Authorize.
    await sb.locator('#fb-authorize').filter({ hasText: 'closed without connecting' }).waitFor();
    await expect(sb.locator('#status-account').isVisible()).resolves.toBe(false);
    await expect(sb.locator('#status').getAttribute('class')).resolves.not.toContain('connected');
  });

  test('disconnecting returns the sidebar to not connected and revokes the grant at the provider', async () => {
    h = await openPlayground({ startAtMs: NOON_LA });
    const sb = await connect(h, id);
    await sb.getByRole('button', { name: 'Disconnect' }).click();
    // Asked first, in the sidebar: "Keep connected" is where focus lands.
    await expect(sb.locator('#confirm-disconnect').textContent()).resolves.toMatch(/loses access/);
    await sb.locator('#confirm-disconnect-yes').click();
    await sb.getByRole('button', { name: 'Authorize', exact: true }).waitFor();
    await sb.locator('#fb-disconnect').filter({ hasText: 'Disconnected' }).waitFor();
    await expect(sb.locator('#status-account').isVisible()).resolves.toBe(false);
    await expect(sb.getByRole('button', { name: 'Disconnect' }).isVisible()).resolves.toBe(false);
    const revokes = h.playground.simulator.requests({
      host: revokeHost,
      pathPrefix: revokePath,
      method: 'POST',
    });
    expect(revokes.length).toBe(1);
  });

  test('leaving out a scope at consent connects and names the data that will be missing', async () => {
    h = await openPlayground({ startAtMs: NOON_LA });
    const sb = await openSidebar(h);
    await chooseProvider(sb, id);
    // Weight needs a second scope besides activity, so the consent page offers two checkboxes.
    const weight = sb.getByRole('checkbox', { name: /Weight/ });
    await weight.check();
    await sb.getByRole('button', { name: 'Save settings' }).click();
    await sb.getByRole('button', { name: 'Save settings' }).and(sb.locator(':enabled')).waitFor();
    const popup = await authorize(h, sb);
    const scopes = popup.getByRole('checkbox');
    expect(await scopes.count()).toBeGreaterThanOrEqual(2);
    const dropped = popup.getByRole('checkbox', { name: /weight|body|nutrition/i }).first();
    await dropped.uncheck();
    await popup.screenshot({ path: screenshotPath(`partial-consent-${id}`) });
    await popup.getByRole('button', { name: 'Allow' }).click();
    await popup.waitForLoadState();
    await sb.locator('#status-account').filter({ hasText: 'Account:' }).waitFor();
    const missing = sb.locator('#status-missing');
    await missing.waitFor();
    await expect(missing.textContent()).resolves.toMatch(/weight|body/i);
    await h.page.screenshot({ path: screenshotPath(`partial-consent-sidebar-${id}`) });
  });
});

async function retireLegacyFitbit(harness: Harness): Promise<void> {
  await harness.page.getByRole('switch', { name: /Legacy Fitbit Web API retired/ }).check();
  await eventually(() => harness.playground.simulator.settings.retired, true);
}

// Since 2 Nov 2026 www.fitbit.com/oauth2/authorize itself answers 410 (platform facts): the
// consent window shows Fitbit's own "turned off" answer, so the add-on never gets a callback.
test('with the legacy Fitbit Web API retired, the Fitbit consent window says the API was turned off', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  await retireLegacyFitbit(h);
  const sb = await openSidebar(h);
  await chooseProvider(sb, 'fitbit');
  const popup = await authorize(h, sb);
  await expect(popup.locator('body').textContent()).resolves.toMatch(/turned off/i);
  await expect(popup.getByRole('button', { name: 'Allow' }).count()).resolves.toBe(0);
  await popup.screenshot({ path: screenshotPath('fitbit-retired-consent') });
});

test('a Fitbit connection made before the retirement shows the 2 Nov 2026 message and offers Google Health', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await connect(h, 'fitbit');
  await retireLegacyFitbit(h);
  await sb.getByRole('button', { name: 'Check connection' }).click();
  // What the check found, next to it, with focus on it.
  const found = sb.locator('#fb-check');
  await found.filter({ hasText: /2 Nov(ember)? 2026/ }).waitFor();
  await expect(found.textContent()).resolves.toMatch(/Google Health/);
  await expect(found.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  await expect(sb.locator('#status').getAttribute('class')).resolves.toContain('bad');
  // The fix is the one main button; there is no Authorize to click into a dead end.
  await expect(textOf(sb.locator('.action'))).resolves.toBe('Switch to Google Health');
  await expect(sb.locator('.action').count()).resolves.toBe(1);
  await sb.getByRole('button', { name: 'Switch to Google Health' }).click();
  await sb.locator('#fb-switch-google').filter({ hasText: 'Switched to Google Health' }).waitFor();
  await expect(textOf(sb.locator('.action'))).resolves.toBe('Authorize');
  // The 410 text did not survive the switch.
  await expect(sb.locator('body').textContent()).resolves.not.toMatch(/2 Nov(ember)? 2026/);
  await h.page.screenshot({ path: screenshotPath('fitbit-retired-sidebar') });
});

// The most common setup mistake: the Google Health API not enabled in the OAuth client's Cloud
// project. Google answers 403 SERVICE_DISABLED; the sidebar says what to enable, with the link.
test('a Google Health API not enabled in the project: the sidebar links to the page that enables it and stays connected', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await connect(h, 'google-health');
  h.playground.simulator.faults.add({
    host: 'health.googleapis.com',
    pathPrefix: '/v4/users/me/dataTypes',
    kind: 'google-reason',
    reason: 'SERVICE_DISABLED',
    times: 1000,
  });
  await sb.getByRole('button', { name: 'Sync now' }).click();
  // The answer lands next to Sync now (said once: not repeated in the status above).
  const problem = sb.locator('#fb-sync-now');
  await problem.filter({ hasText: /Google Health API is not enabled/ }).waitFor();
  const link = problem.getByRole('link');
  await expect(link.getAttribute('href')).resolves.toMatch(
    /^https:\/\/console\.developers\.google\.com\/apis\/api\/health\.googleapis\.com\/overview\?project=\d+$/,
  );
  await expect(link.getAttribute('target')).resolves.toBe('_blank');
  await expect(sb.locator('#status').getAttribute('class')).resolves.toContain('connected');
  await h.page.screenshot({ path: screenshotPath('google-service-disabled') });
});

test('the data choices are grouped by domain, Google Health offering sleep, heart, vitals, body and fitness', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await connect(h, 'google-health');
  for (const [domain, choice] of [
    ['Activity', 'Steps'],
    ['Sleep', 'Bedtime'],
    ['Heart', 'Resting heart rate'],
    ['Vitals', 'Skin temperature vs baseline'],
    ['Body', 'Body fat'],
    ['Fitness', 'VO2 max'],
  ]) {
    const group = sb.getByRole('group', { name: domain, exact: true });
    await expect(group.getByRole('checkbox', { name: choice, exact: true }).count()).resolves.toBe(
      1,
    );
  }
});

test('legacy Fitbit offers no sleep, heart, vitals, body-fat or fitness choices', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await connect(h, 'fitbit');
  await sb.getByRole('group', { name: 'Activity', exact: true }).waitFor();
  await expect(sb.getByRole('group', { name: 'Heart', exact: true }).count()).resolves.toBe(0);
  await expect(sb.getByRole('group', { name: 'Sleep', exact: true }).count()).resolves.toBe(0);
  await expect(sb.getByRole('checkbox', { name: 'Body fat' }).count()).resolves.toBe(0);
});

test('each domain says what its permission reads; adding water asks for the nutrition permission alone', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await connect(h, 'google-health');
  for (const [domain, choices, reads] of [
    [
      'Heart',
      ['Heart zone light', 'Heart zone peak'],
      /Health metrics and measurements.*Activity and fitness|Activity and fitness.*Health metrics/,
    ],
    ['Body', ['BMI'], /Health metrics and measurements \(.*height\)/],
    ['Fitness', ['Cardio fitness level'], /Activity and fitness \(.*VO2 max/],
    ['Intake', ['Water', 'Calories eaten'], /Nutrition \(hydration and nutrition logs\)/],
  ] as const) {
    const group = sb.getByRole('group', { name: domain, exact: true });
    for (const choice of choices)
      await expect(
        group.getByRole('checkbox', { name: choice, exact: true }).count(),
      ).resolves.toBe(1);
    await expect(textOf(group.locator('.domain-reads'))).resolves.toMatch(reads);
  }
  await sb.getByRole('combobox', { name: 'Weight in' }).waitFor();

  await sb.getByRole('checkbox', { name: 'Water', exact: true }).check();
  await sb.getByRole('button', { name: 'Save settings' }).click();
  await sb.getByRole('button', { name: 'Save settings' }).and(sb.locator(':enabled')).waitFor();
  const popup = await authorize(h, sb);
  const asked = new URL(popup.url()).searchParams;
  expect(asked.get('scope')).toBe(
    'https://www.googleapis.com/auth/googlehealth.nutrition.readonly',
  );
  expect(asked.get('include_granted_scopes')).toBe('true');
  // The consent page offers the new permission alone.
  await expect(popup.getByRole('checkbox').count()).resolves.toBe(1);
  await popup.getByRole('button', { name: 'Allow' }).click();
  await popup.waitForLoadState();
  await h.page.bringToFront();
  await expect(sb.locator('#status').getAttribute('class')).resolves.toContain('connected');

  await sb.getByRole('button', { name: 'Sync now' }).click();
  await h.page.getByRole('tab', { name: 'Activity' }).click();
  const grid = h.page.getByRole('table', { name: 'Activity' });
  await grid.getByRole('cell', { name: 'Water (mL)', exact: true }).waitFor();
  await grid.getByRole('cell', { name: 'Steps', exact: true }).waitFor();
  await h.page.screenshot({ path: screenshotPath('incremental-consent-water') });
});

test('the Exercises switch fills an Exercises sheet on Sync now, one row per workout', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await connect(h, 'google-health');
  const sheets = sb.getByRole('group', { name: 'Sheets with one row per session' });
  const exercises = sheets.getByRole('checkbox', { name: 'Exercises sheet' });
  await expect(exercises.isChecked()).resolves.toBe(false);
  await exercises.check();
  await sb.locator('#fb-record-sheets').filter({ hasText: 'Settings saved.' }).waitFor();
  await expect(exercises.isChecked()).resolves.toBe(true);
  await sb.getByRole('button', { name: 'Sync now' }).click();
  await h.page.getByRole('tab', { name: 'Exercises' }).click();
  const grid = h.page.getByRole('table', { name: 'Exercises' });
  await grid.getByRole('cell', { name: 'Avg heart rate (bpm)', exact: true }).waitFor();
  const starts = grid.getByRole('cell', { name: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/ });
  await starts.first().waitFor();
  // Start and End of each workout of the last 30 days.
  expect(await starts.count()).toBeGreaterThan(10);
});

test('legacy Fitbit: the Exercises switch is off and says Fitbit does not supply the sheet', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await connect(h, 'fitbit');
  const exercises = sb.getByRole('checkbox', { name: 'Exercises sheet' });
  await expect(exercises.isDisabled()).resolves.toBe(true);
  await expect(textOf(sb.locator('#record-sheet-exercises-hint'))).resolves.toContain(
    'does not supply the Exercises sheet',
  );
});
