// The playground page itself: the spreadsheet title, the add-on menu exactly as onOpen built it,
// the playground controls (clock, retired switch, user) and the page's own accessibility.
import { eventually, NOON_LA, openPlayground, type Harness } from './page-helpers';

let h: Harness;

beforeAll(async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
});

afterAll(async () => {
  await h?.close();
});

test('the title bar shows the spreadsheet name of the runtime', async () => {
  const name = h.playground.session.sheet().name;
  expect(name).not.toBe('');
  await expect(h.page.locator('#doc-title').textContent()).resolves.toBe(name);
});

test('the Extensions menu lists the add-on menu items that onOpen created', async () => {
  const menus = h.playground.session.ui().menus;
  const addon = menus.find((m) => m.addon);
  expect(addon).toBeDefined();
  const expected = addon!.items
    .filter((i) => 'label' in i)
    .map((i) => ('label' in i ? i.label : ''));
  expect(expected.length).toBeGreaterThan(0);

  await h.page.getByRole('button', { name: 'Extensions' }).click();
  await h.page.getByRole('menuitem', { name: addon!.name, exact: true }).click();
  const shown = await h.page
    .getByRole('menu', { name: addon!.name })
    .getByRole('menuitem')
    .allTextContents();
  expect(shown).toEqual(expected);
  await h.page.keyboard.press('Escape');
  await h.page.keyboard.press('Escape');
});

test('onOpen ran once in AuthMode.NONE at start and shows in the execution log', async () => {
  const first = h.playground.session.executions.find((e) => e.fn === 'onOpen');
  expect(first?.ok).toBe(true);
  await expect(h.page.locator('#exec-log li', { hasText: 'onOpen ok' }).count()).resolves.toBe(1);
});

test('+1 hour moves the shared clock of the runtime and the simulator by an hour', async () => {
  const before = h.playground.clock.advanced;
  await h.page.getByRole('button', { name: '+1 hour' }).click();
  const hours = (before + 3600000) / 3600000;
  await h.page.locator('#clock-offset', { hasText: `advanced ${hours} h` }).waitFor();
  expect(h.playground.clock.advanced - before).toBe(3600000);
});

test('the retirement switch makes the simulator answer legacy Fitbit requests with 410', async () => {
  const toggle = h.page.getByRole('switch', { name: /Legacy Fitbit Web API retired/ });
  await toggle.check();
  await eventually(() => h.playground.simulator.settings.retired, true);
  const res = await h.page.evaluate(() =>
    fetch('/api.fitbit.com/1/user/-/profile.json').then((r) => r.status),
  );
  expect(res).toBe(410);
  await toggle.uncheck();
  await eventually(() => h.playground.simulator.settings.retired, false);
});

test('switching to a new simulated user opens the document for them (onOpen as that user)', async () => {
  const select = h.page.getByLabel('Signed in as');
  await select.selectOption('unlinked@example.com');
  await eventually(() => h.playground.session.user, 'unlinked@example.com');
  await h.page.getByLabel('Add user').fill('Newcomer@Example.com');
  await h.page.getByRole('button', { name: 'Add', exact: true }).click();
  await eventually(() => h.playground.session.user, 'newcomer@example.com');
  await h.page.waitForFunction(
    () =>
      (document.getElementById('user-select') as HTMLSelectElement).value ===
      'newcomer@example.com',
  );
  const opens = h.playground.session.executions.filter((e) => e.fn === 'onOpen');
  expect(opens.map((e) => e.user)).toEqual([
    'user@example.com',
    'unlinked@example.com',
    'newcomer@example.com',
  ]);
  // Menus are per user in Sheets: the newcomer sees the add-on menu their own onOpen built.
  expect(
    h.playground.runtime.sheets.ui.menus(
      h.playground.session.spreadsheetId,
      'newcomer@example.com',
    ),
  ).toHaveLength(1);
  await select.selectOption('user@example.com');
  await eventually(() => h.playground.session.user, 'user@example.com');
});

test('every control of the page has an accessible name', async () => {
  const unnamed = await h.page.evaluate(() =>
    Array.from(document.querySelectorAll('button, input, select, iframe, [role="tab"]'))
      .filter((el) => {
        const labelled = (el as HTMLInputElement).labels?.length;
        const aria = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
        const text = (el.textContent ?? '').trim() || el.getAttribute('title');
        return !labelled && !aria && !text && (el as HTMLInputElement).type !== 'hidden';
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(unnamed).toEqual([]);
});

test('keyboard focus is visible on the page controls', async () => {
  await h.page.getByRole('button', { name: '+1 day' }).focus();
  await h.page.keyboard.press('Shift+Tab');
  await h.page.keyboard.press('Tab');
  const outline = await h.page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
});
