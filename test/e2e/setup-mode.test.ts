// The sidebar in each setup mode: the disclosure of what is read and where it goes is shown before
// Authorize and gone once connected; with the publisher's client there is no Setup at all.
import { DEMO_CLIENTS } from '../../dev/playground/demo-setup';
import {
  authorize,
  connect,
  NOON_LA,
  openPlayground,
  openSidebar,
  type Harness,
} from './page-helpers';

let h: Harness | null = null;

afterEach(async () => {
  await h?.close();
  h = null;
});

test('personal clients: Setup is shown, and the disclosure until the person is connected', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await openSidebar(h);
  await sb.locator('#disclosure').waitFor();
  await expect(sb.locator('#disclosure-heading').textContent()).resolves.toBe(
    'What the add-on reads and where it goes',
  );
  await expect(sb.locator('#disclosure-points').textContent()).resolves.toMatch(
    /steps.*this spreadsheet/s,
  );
  // Setup is done (the demo client is saved): it waits behind Change setup, Authorize leads.
  await expect(sb.getByRole('button', { name: 'Change setup' }).isVisible()).resolves.toBe(true);
  await connect(h, 'google-health');
  await sb.locator('#disclosure').waitFor({ state: 'hidden' });
});

test("the publisher's client: no Setup at all, the disclosure, then Authorize connects", async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const demo = DEMO_CLIENTS['google-health'];
  const script = h.playground.runtime.properties.script;
  script.set('PUBLISHER_PROVIDER', 'google-health');
  script.set('PUBLISHER_CLIENT_ID', demo.clientId);
  script.set('PUBLISHER_CLIENT_SECRET', demo.clientSecret);
  const sb = await openSidebar(h);
  await sb.locator('#disclosure').waitFor();
  await expect(sb.locator('#setup-section').isHidden()).resolves.toBe(true);
  await expect(sb.getByRole('button', { name: 'Save setup' }).isVisible()).resolves.toBe(false);
  await expect(sb.getByRole('button', { name: 'Change setup' }).count()).resolves.toBe(0);
  const popup = await authorize(h, sb);
  await popup.getByRole('button', { name: 'Allow' }).click();
  await popup.waitForLoadState();
  await h.page.bringToFront();
  await sb.locator('#status-account').filter({ hasText: 'Account:' }).waitFor();
  await sb.locator('#disclosure').waitFor({ state: 'hidden' });
});
