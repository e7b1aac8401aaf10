// The playground's google.script bridge in the real sidebar (handlers, user objects, Apps Script's
// refusal of Dates and private names, host.close) and the consent round trip through the
// playground origin, including Fitbit going away between consent and token exchange.
import type { Frame } from 'playwright-core';
import { screenshotPath } from './browser';
import {
  authorize,
  chooseProvider,
  clickMenuItem,
  eventually,
  NOON_LA,
  openPlayground,
  sidebar,
  type Harness,
} from './page-helpers';

/** The client-side API the bridge defines inside the sidebar frame (evaluated there, typed here). */
type Runner = {
  withSuccessHandler(fn: (value: unknown, userObject: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error, userObject: unknown) => void): Runner;
  withUserObject(o: unknown): Runner;
} & Record<string, (...args: unknown[]) => unknown>;
declare const google: { script: { run: Runner; host: { close(): void } } };

let h: Harness;

beforeAll(async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
});

afterAll(async () => {
  await h?.close();
});

/** Opens the sidebar and returns the frame of exactly this showSidebar call, once it has loaded. */
async function openSidebarFrame(): Promise<Frame> {
  const version = h.playground.runtime.sheets.ui.sidebars.length;
  const url = `${h.playground.url}/sidebar?v=${version}`;
  // The iframe's src attribute changes before its navigation commits, so wait for the frame.
  const navigated = h.page.waitForEvent('framenavigated', { predicate: (f) => f.url() === url });
  await clickMenuItem(h.page, 'Open sidebar');
  await eventually(() => h.playground.runtime.sheets.ui.sidebars.length > version, true);
  const frame = await navigated;
  await frame.locator('#status').waitFor();
  return frame;
}

test('google.script.run hands the value and the user object to the success handler', async () => {
  const frame = await openSidebarFrame();
  const answer = await frame.evaluate(
    () =>
      new Promise((resolve) => {
        const base = google.script.run.withUserObject('first');
        // with* returns a new runner: the base keeps its own user object.
        base.withUserObject('second').withSuccessHandler(() => undefined);
        base
          .withSuccessHandler((value: unknown, user: unknown) =>
            resolve({ state: (value as { connection: { state: string } }).connection.state, user }),
          )
          .getSidebarState();
      }),
  );
  expect(answer).toEqual({ state: 'not-connected', user: 'first' });
});

test('a Date argument reaches the failure handler, as Apps Script refuses Dates', async () => {
  const frame = await openSidebarFrame();
  const before = h.playground.session.executions.length;
  const message = await frame.evaluate(
    () =>
      new Promise((resolve) => {
        google.script.run
          .withSuccessHandler(() => resolve('succeeded'))
          .withFailureHandler((err: Error) => resolve(err.message))
          .startBackfill(new Date('2026-01-01T00:00:00Z'));
      }),
  );
  expect(message).toMatch(/illegal value/);
  // Refused before any execution started.
  expect(h.playground.session.executions.length).toBe(before);
});

test('only the bundle’s public globals are callable; private `_` names are not offered', async () => {
  const frame = await openSidebarFrame();
  const names = await frame.evaluate(() =>
    Object.keys(google.script.run).filter((k) => !k.startsWith('with')),
  );
  expect(names).toContain('getSidebarState');
  expect(names).toContain('authCallback');
  expect(names.some((n) => n.endsWith('_'))).toBe(false);
  await expect(
    frame.evaluate(() => typeof (google.script.run as unknown as Record<string, unknown>).nope),
  ).resolves.toBe('undefined');
});

test('google.script.host.close() closes the sidebar in the page', async () => {
  const frame = await openSidebarFrame();
  await frame.evaluate(() => google.script.host.close());
  await h.page.locator('#sidebar').waitFor({ state: 'hidden' });
  expect(h.playground.session.ui().sidebar).toBeNull();
});

test('the production consent URL opens on the playground origin with the simulated user selected', async () => {
  await openSidebarFrame();
  const popup = await authorize(h, sidebar(h.page));
  const url = new URL(popup.url());
  expect(url.origin).toBe(h.playground.url);
  expect(url.pathname).toBe('/accounts.google.com/o/oauth2/v2/auth');
  await expect(popup.getByLabel('Signed in as').inputValue()).resolves.toBe('user@example.com');
  await popup.getByRole('button', { name: 'Allow' }).click();
  await popup.waitForURL(/\/macros\/d\/[^/]+\/usercallback/);
  await popup.close();
  // The sidebar names the account as the provider labels it: the id's last four characters.
  const account = h.playground.simulator.user('user@example.com').healthUserId;
  await sidebar(h.page)
    .locator('#status-account')
    .filter({ hasText: `…${account.slice(-4)}` })
    .waitFor();
});

test('Fitbit turned off between consent and token exchange: callback page and sidebar say so', async () => {
  const sb = sidebar(h.page);
  await openSidebarFrame();
  await chooseProvider(sb, 'fitbit');
  // The consent form is answered while Fitbit still works; its redirect reaches the browser only
  // after the switch-off, so the add-on's token request is the first to meet 410 Gone.
  await h.context.route('**/www.fitbit.com/oauth2/authorize*', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const answer = await route.fetch({ maxRedirects: 0 });
    h.playground.simulator.settings.retired = true;
    await route.fulfill({ response: answer });
  });
  const popup = await authorize(h, sb);
  await popup.getByRole('button', { name: 'Allow' }).click();
  await popup.waitForURL(/\/macros\/d\/[^/]+\/usercallback/);
  await h.context.unrouteAll();
  await expect(popup.locator('h1').textContent()).resolves.toBe('Fitbit turned this API off');
  const token = h.playground.simulator.requests({
    host: 'api.fitbit.com',
    pathPrefix: '/oauth2/token',
  });
  expect(token.map((r) => r.status)).toEqual([410]);
  await popup.screenshot({ path: screenshotPath('fitbit-retired-at-token-callback') });
  await popup.close();
  await sb.locator('#status-message').filter({ hasText: '410 Gone' }).waitFor();
  await sb.getByRole('button', { name: 'Switch to Google Health' }).waitFor();
});
