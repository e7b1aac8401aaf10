// The bundle's globals are exactly main.ts's exports, and none hands the client secret or a token
// to the browser, even after connecting and with every entry point called as google.script.run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { BUNDLE, call, connect, GOOGLE, ROOT, setUp, startBed, tokenOf, type Bed } from './harness';

let bed: Bed;
beforeAll(async () => {
  bed = await startBed();
});
afterAll(async () => bed?.close());

function mainExports(): string[] {
  const src = readFileSync(join(ROOT, 'src', 'main.ts'), 'utf8');
  return [...src.matchAll(/^export function ([A-Za-z0-9_$]+)/gm)].map((m) => m[1]).sort();
}

function bundleGlobals(): string[] {
  const code = readFileSync(join(BUNDLE, 'Code.js'), 'utf8');
  return [...code.matchAll(/^function ([A-Za-z0-9_$]+)\s*\(/gm)].map((m) => m[1]).sort();
}

it('the bundle defines one global per export of main.ts and nothing else', () => {
  expect(mainExports()).toEqual(
    expect.arrayContaining([
      'authCallback',
      'disconnectAccount',
      'getAuthorizationUrl',
      'getSidebarState',
      'onInstall',
      'onOpen',
      'saveProviderSetup',
      'showSidebar',
    ]),
  );
  expect(bundleGlobals()).toEqual(mainExports());
});

it('no entry point returns the client secret or a token to the browser', async () => {
  await setUp(bed, GOOGLE);
  await connect(bed);
  const token = tokenOf(bed, 'google-health')!;
  const forbidden = [GOOGLE.clientSecret, String(token.access_token), String(token.refresh_token)];
  const seen: string[] = [];
  for (const fn of mainExports()) {
    if (fn === 'disconnectAccount' || fn === 'menuDisconnect') continue;
    const args =
      fn === 'authCallback'
        ? [{ parameter: { serviceName: 'google-health' } }]
        : fn === 'saveProviderSetup'
          ? [{ provider: 'google-health', clientId: GOOGLE.clientId }]
          : [];
    const r = await bed.rt.runFromClient(fn, args, { spreadsheetId: bed.rt.defaultSpreadsheetId });
    seen.push(inspect(r.ok ? r.value : r.error, { depth: 8 }), ...r.logs);
  }
  seen.push(inspect(bed.rt.sheets.get(bed.rt.defaultSpreadsheetId), { depth: 8 }));
  const all = seen.join('\n');
  for (const secret of forbidden) expect(all).not.toContain(secret);
  const after = await call<{ connection: { state: string } }>(bed, 'getSidebarState');
  expect(after.connection.state).toBe('connected');
  // Disconnect last: its answer must not carry them either.
  const d = await bed.rt.runFromClient('disconnectAccount', [], {
    spreadsheetId: bed.rt.defaultSpreadsheetId,
  });
  for (const secret of forbidden) expect(inspect(d, { depth: 8 })).not.toContain(secret);
});

it('onOpen builds the add-on menu in AuthMode.NONE and the sidebar opens', async () => {
  const ss = bed.rt.defaultSpreadsheetId;
  const open = await bed.rt.run('onOpen', [{}], { authMode: 'NONE', spreadsheetId: ss });
  expect(open.ok).toBe(true);
  const menus = JSON.stringify(bed.rt.sheets.menus(ss, 'user@example.com'));
  for (const fn of ['showSidebar', 'menuAuthorize', 'menuDisconnect']) expect(menus).toContain(fn);
  const shown = await bed.rt.run('showSidebar', [], { spreadsheetId: ss });
  expect(shown.ok).toBe(true);
  const sidebar = bed.rt.sheets.lastSidebar(ss, 'user@example.com');
  // One page with its script inlined: Apps Script HTML cannot load the project's script files.
  expect(sidebar?.html).toMatch(/<title>[^<]+<\/title>/);
  expect(sidebar?.html).toContain('getSidebarState');
  expect(sidebar?.html).not.toContain('SIDEBAR_SCRIPT');
  expect(sidebar?.html).not.toMatch(/<script[^>]+src=/);
  expect(sidebar?.html).not.toMatch(/<link[^>]+stylesheet|https:\/\/fonts\./);
});
