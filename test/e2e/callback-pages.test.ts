// The pages a person lands on after the provider's consent screen, reached through the real
// consent flow in the playground: each names the product, says what happened in a heading, and
// has no serious or critical accessibility violation (axe-core, WCAG 2.1 AA).
import type { Browser, Page } from 'playwright-core';
import type { CallbackOutcome } from '../../src/app/callback-outcome';
import { CONSENT_WINDOW_MS } from '../../src/app/connect';
import { PRODUCT_NAME } from '../../src/app/product';
import { DEFAULT_METRIC_IDS } from '../../src/providers/metrics';
import { callbackPage } from '../../src/ui/callback-page';
import { seriousViolations } from './axe';
import { launchBrowser, screenshotPath } from './browser';
import {
  authorize,
  chooseProvider,
  NOON_LA,
  openPlayground,
  openSidebar,
  type Harness,
  type ProviderId,
} from './page-helpers';

let h: Harness;

/**
 * Opens the consent popup for `provider`, lets `atConsent` act on it (untick boxes, move the
 * clock), submits `decision` and returns the page the add-on's callback answered with.
 */
async function landOnCallback(
  provider: ProviderId,
  decision: 'Allow' | 'Deny',
  atConsent: (popup: Page) => Promise<void> = async () => undefined,
): Promise<Page> {
  const sb = await openSidebar(h);
  await chooseProvider(sb, provider);
  const popup = await authorize(h, sb);
  try {
    await atConsent(popup);
    await popup.getByRole('button', { name: decision }).click();
    await popup.waitForURL(/\/usercallback/);
    await popup.locator('h1').waitFor();
  } catch (err) {
    // A consent left open would hold the next test's popup back.
    await popup.close();
    await h.page.bringToFront();
    throw err;
  }
  return popup;
}

/** What every callback page must be: titled, in English, branded, headed, and AA-clean. */
async function expectAccessibleCallbackPage(popup: Page, heading: string, shot: string) {
  await expect(popup.locator('h1').textContent()).resolves.toBe(heading);
  await expect(popup.title()).resolves.toBe(`${heading} – ${PRODUCT_NAME}`);
  await expect(popup.locator('html').getAttribute('lang')).resolves.toBe('en');
  await expect(popup.locator('header').textContent()).resolves.toBe(PRODUCT_NAME);
  await expect(popup.locator('body').evaluate((b) => getComputedStyle(b).fontSize)).resolves.toBe(
    '13px',
  );
  await popup.screenshot({ path: screenshotPath(`callback-${shot}`) });
  await expect(seriousViolations(popup)).resolves.toEqual([]);
  await popup.close();
  await h.page.bringToFront();
}

describe('through the consent flow', () => {
  // A fresh playground per page: each case starts from a person who has not connected yet.
  beforeEach(async () => {
    h = await openPlayground({ startAtMs: NOON_LA });
  });

  afterEach(async () => {
    await h?.close();
  });

  test('connected: the page names the account as the person recognises it', async () => {
    const popup = await landOnCallback('google-health', 'Allow');
    const id = h.playground.simulator.user(h.playground.session.user).healthUserId;
    await expect(popup.locator('main').textContent()).resolves.toContain(
      `Google Health account …${id.slice(-4)}`,
    );
    await expectAccessibleCallbackPage(popup, 'Connected', 'connected');
  });

  test('declined: the page says nothing was stored and how to try again', async () => {
    const popup = await landOnCallback('google-health', 'Deny');
    await expect(popup.locator('main').textContent()).resolves.toContain('nothing was stored');
    await expectAccessibleCallbackPage(popup, 'Not connected: access was declined', 'declined');
  });

  test('partial: the page lists the data left out at consent', async () => {
    const { runtime, session } = h.playground;
    // Weight needs a second scope: with it chosen, the consent screen has two boxes to tick.
    const withWeight = await runtime.runFromClient(
      'saveSyncSettings',
      [{ metrics: [...DEFAULT_METRIC_IDS, 'weight'], units: 'metric' }],
      session.runOptions,
    );
    expect(withWeight.ok).toBe(true);
    try {
      const popup = await landOnCallback('google-health', 'Allow', async (consent) => {
        const boxes = consent.getByRole('checkbox');
        await expect(boxes.count()).resolves.toBe(2);
        await boxes.last().uncheck();
      });
      await expect(popup.locator('main').textContent()).resolves.toContain(
        'these columns will stay empty',
      );
      await expectAccessibleCallbackPage(popup, 'Connected, with some data left out', 'partial');
    } finally {
      await runtime.runFromClient(
        'saveSyncSettings',
        [{ metrics: [...DEFAULT_METRIC_IDS], units: 'metric' }],
        session.runOptions,
      );
    }
  });

  test('retired: a legacy Fitbit sign-in that meets the 410 says so and points to Google Health', async () => {
    const { simulator } = h.playground;
    try {
      const popup = await landOnCallback('fitbit', 'Allow', async (consent) => {
        // The API is turned off between consent and the code exchange, as on 2 Nov 2026: the
        // consent's answer (a redirect to the add-on's callback) gets through, then nothing does.
        await consent.route(/\/oauth2\/authorize/, async (route) => {
          if (route.request().method() !== 'POST') return route.continue();
          const response = await route.fetch({ maxRedirects: 0 });
          simulator.settings.retired = true;
          await route.fulfill({ response });
        });
      });
      await expect(popup.locator('main').textContent()).resolves.toContain('Google Health');
      await expectAccessibleCallbackPage(popup, 'Fitbit turned this API off', 'retired');
    } finally {
      simulator.settings.retired = false;
    }
  });

  test('expired: a consent finished after the sign-in window says the link expired', async () => {
    const popup = await landOnCallback('google-health', 'Allow', async () => {
      h.playground.clock.advance(CONSENT_WINDOW_MS + 60_000);
    });
    await expectAccessibleCallbackPage(popup, 'This sign-in link has expired', 'expired');
  });
});

// The outcomes the consent flow above does not reach, rendered as the add-on serves them.
const OTHER_OUTCOMES: CallbackOutcome[] = [
  {
    kind: 'account-not-linked',
    providerLabel: 'Google Health',
    signUpUrl: 'https://example.com/sign-up',
  },
  { kind: 'state-used' },
  { kind: 'code-rejected', providerLabel: 'Google Health', code: 'invalid_grant' },
  { kind: 'bad-client', providerLabel: 'Fitbit (legacy Web API)', code: 'invalid_client' },
  { kind: 'unavailable', providerLabel: 'Google Health' },
  { kind: 'setup-changed' },
  { kind: 'failed', providerLabel: 'Google Health', code: 'server_error' },
];

describe('the other outcomes', () => {
  // No playground needed: the pages are the add-on's HTML; one browser serves them all.
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test.each(OTHER_OUTCOMES.map((o) => [o.kind, o] as const))(
    '%s: titled, branded, headed and free of serious accessibility violations',
    async (_kind, outcome) => {
      const served = callbackPage(outcome);
      const tab = await browser.newPage();
      await tab.setContent(served.html);
      await expect(tab.title()).resolves.toBe(served.title);
      const heading = (await tab.locator('h1').textContent()) ?? '';
      expect(served.title).toBe(`${heading} – ${PRODUCT_NAME}`);
      await expect(tab.locator('header').textContent()).resolves.toBe(PRODUCT_NAME);
      await expect(seriousViolations(tab)).resolves.toEqual([]);
      await tab.close();
    },
  );
});
