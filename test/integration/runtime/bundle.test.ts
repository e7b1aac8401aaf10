// The real bundle (build/Code.js) on the runtime: onOpen in AuthMode.NONE builds the add-on menu.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime';
import { MENU_ITEMS } from '../../../src/app/menu';

/** 2026-11-22 12:00 UTC: the instant this file's runtimes start at. */
const AT_MS = Date.UTC(2026, 10, 22, 12);

const ROOT = join(__dirname, '..', '..', '..');
let rt: Runtime;

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'esbuild.config.mjs')], { cwd: ROOT, stdio: 'pipe' });
  rt = await Runtime.create({ clock: new Clock(AT_MS) });
}, 120000);
afterAll(() => rt.close());

test('onOpen in AuthMode.NONE records the add-on menu with every menu item', async () => {
  const r = await rt.run('onOpen', [{ authMode: 'NONE' }], { authMode: 'NONE' });
  expect(r.ok ? 'ok' : r.error.message).toBe('ok');
  const menus = rt.sheets.ui.menus(rt.defaultSpreadsheetId, 'user@example.com');
  expect(menus).toHaveLength(1);
  expect(menus[0].addOn).toBe(true);
  expect(menus[0].items).toEqual(
    MENU_ITEMS.map(([label, functionName]) => ({ label, functionName })),
  );
});

test("the bundle's private namespace is not callable from the client", async () => {
  const r = await rt.runFromClient('AddOnBundle_');
  expect(r.ok).toBe(false);
});
