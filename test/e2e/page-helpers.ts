// Shared steps of the end-to-end tests: start a playground and a browser, open the page, use the
// add-on menu and reach into the sidebar iframe.
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../dev/playground/server';
import { launchBrowser } from './browser';

export interface Harness {
  playground: Playground;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openPlayground(): Promise<Harness> {
  const warnings: string[] = [];
  const playground = await startPlayground({ port: 0, warn: (m) => warnings.push(m) });
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(`${playground.url}/`);
  await page.locator('body[data-ready="true"]').waitFor();
  return {
    playground,
    browser,
    context,
    page,
    async close() {
      await browser.close();
      await playground.close();
    },
  };
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
