// Shared steps of the end-to-end tests: start a playground and a browser, open the page, use the
// add-on menu, reach into the sidebar iframe and connect an account through the consent popup.
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../dev/playground/server';
import { launchBrowser } from './browser';

export interface Harness {
  playground: Playground;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** 2026-11-22 12:00 in Los Angeles (the demo person's zone): the e2e tests' usual "now". */
export const NOON_LA = Date.UTC(2026, 10, 22, 20);

/**
 * A playground whose clock starts at `startAtMs` (every test names its instant) and a browser on
 * its page. If the browser or the page fails to come up, the playground is closed again.
 */
export async function openPlayground(opts: { startAtMs: number }): Promise<Harness> {
  const warnings: string[] = [];
  const playground = await startPlayground({
    port: 0,
    warn: (m) => warnings.push(m),
    startAtMs: opts.startAtMs,
  });
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${playground.url}/`);
    await page.locator('body[data-ready="true"]').waitFor();
    const opened = browser;
    return {
      playground,
      browser: opened,
      context,
      page,
      async close() {
        await opened.close();
        await playground.close();
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await playground.close().catch(() => undefined);
    throw e;
  }
}

/** Opens Extensions > <add-on menu> > <label>, the way a person would. */
export async function clickMenuItem(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: 'Extensions' }).click();
  const addonMenu = page.getByRole('menu', { name: 'Extensions' });
  const submenu = addonMenu.getByRole('menuitem').first();
  await submenu.click();
  await page.getByRole('menuitem', { name: label, exact: true }).click();
}

export function sidebar(page: Page): FrameLocator {
  return page.frameLocator('#sidebar-frame');
}

export type ProviderId = 'google-health' | 'fitbit';

/** Opens the sidebar from the add-on menu and returns it once it has loaded its state. */
export async function openSidebar(harness: Harness): Promise<FrameLocator> {
  // Wait for this opening's page, not an element of the one it replaces.
  const version = harness.playground.runtime.sheets.ui.sidebars.length;
  const url = `${harness.playground.url}/sidebar?v=${version}`;
  const navigated = harness.page.waitForEvent('framenavigated', {
    predicate: (f) => f.url() === url,
  });
  await clickMenuItem(harness.page, 'Open sidebar');
  const frame = await navigated;
  await frame.locator('#status').waitFor();
  return sidebar(harness.page);
}

/**
 * Picks the provider in the sidebar's Setup and saves it (the demo credentials are preset). Once
 * setup is done the form is behind "Change setup"; the step after saving is Authorize.
 */
export async function chooseProvider(sb: FrameLocator, provider: ProviderId): Promise<void> {
  const radio = sb.locator(`#provider-${provider}`);
  if (!(await radio.isVisible())) await sb.getByRole('button', { name: 'Change setup' }).click();
  if (await radio.isChecked()) {
    const toggle = sb.getByRole('button', { name: 'Change setup', expanded: true });
    if (await toggle.isVisible()) await toggle.click();
    return;
  }
  await radio.check();
  await sb.getByRole('button', { name: 'Save setup' }).click();
  await sb.locator('#fb-setup').filter({ hasText: 'Setup saved' }).waitFor();
}

/** Clicks Authorize and returns the consent popup once it has loaded. */
export async function authorize(harness: Harness, sb: FrameLocator): Promise<Page> {
  const popupPromise = harness.context.waitForEvent('page');
  await sb.getByRole('button', { name: /^Authorize/ }).click();
  const popup = await popupPromise;
  await popup.waitForLoadState();
  return popup;
}

/** Opens the sidebar, chooses the provider, allows everything at consent; returns the sidebar. */
export async function connect(harness: Harness, provider: ProviderId): Promise<FrameLocator> {
  const sb = await openSidebar(harness);
  await chooseProvider(sb, provider);
  const popup = await authorize(harness, sb);
  await popup.getByRole('button', { name: 'Allow' }).click();
  await popup.waitForLoadState();
  // The person returns to the spreadsheet's window. Chromium throttles the animation frames of a
  // window behind another one to about one a second, and every click waits for two of them.
  await harness.page.bringToFront();
  await sb.locator('#status-account').filter({ hasText: 'Account:' }).waitFor();
  return sb;
}

/** The text a person reads in an element: whitespace runs as one space, none at the ends. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Polls a server-side value until it equals `expected` (the page acts asynchronously). */
export async function eventually<T>(read: () => T, expected: T, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = read();
  while (last !== expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    last = read();
  }
  expect(last).toBe(expected);
}
