// Authorization the user has not given (a new version asks for more scopes, or access was removed):
// getAuthorizationInfo answers REQUIRED and services needing a withdrawn scope throw Apps Script's
// "Authorization is required" error, while services needing no scope still work.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime';

/** 2026-11-22 12:00 UTC: the instant this file's runtimes start at. */
const AT_MS = Date.UTC(2026, 10, 22, 12);

const EXTERNAL = 'https://www.googleapis.com/auth/script.external_request';
const SHEETS = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
const TRIGGERS = 'https://www.googleapis.com/auth/script.scriptapp';
/** As the execution reports it: String(e) of Apps Script's exception. */
const REQUIRED = 'Exception: Authorization is required to perform that action.';

const SCRIPT = `
function status() {
  var info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return [String(info.getAuthorizationStatus()), info.getAuthorizationUrl() !== null];
}
function fetchSomething() {
  return UrlFetchApp.fetch('http://127.0.0.1:9/').getResponseCode();
}
function readSheet() {
  return SpreadsheetApp.getActive().getSheets().length;
}
function listTriggers() {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).length;
}
function keepNote() {
  PropertiesService.getDocumentProperties().setProperty('note', 'kept');
  return PropertiesService.getDocumentProperties().getProperty('note');
}
`;

let rt: Runtime;
beforeAll(async () => {
  const bundleDir = mkdtempSync(join(tmpdir(), 'auth-bundle-'));
  writeFileSync(
    join(bundleDir, 'appsscript.json'),
    JSON.stringify({ oauthScopes: [SHEETS, EXTERNAL, TRIGGERS] }),
  );
  rt = await Runtime.create({ clock: new Clock(AT_MS), scriptSource: SCRIPT, bundleDir });
});
afterAll(() => rt.close());

const run = (fn: string, user = 'a@example.com') => rt.run(fn, [], { user });

test('a user who authorized every scope of the manifest is NOT_REQUIRED', async () => {
  expect(await run('status')).toMatchObject({ ok: true, value: ['NOT_REQUIRED', false] });
  expect(rt.authorization.missing('a@example.com')).toEqual([]);
});

test('a withdrawn scope makes the status REQUIRED with an authorization URL, for that user only', async () => {
  rt.authorization.withdraw('b@example.com', [EXTERNAL]);
  expect(await run('status', 'b@example.com')).toMatchObject({
    ok: true,
    value: ['REQUIRED', true],
  });
  expect(await run('status', 'a@example.com')).toMatchObject({ value: ['NOT_REQUIRED', false] });
  const fetched = await run('fetchSomething', 'b@example.com');
  expect(fetched.ok).toBe(false);
  if (!fetched.ok) expect(fetched.error.message).toBe(REQUIRED);
  // Sheets and properties need no withdrawn scope: they still work.
  expect(await run('readSheet', 'b@example.com')).toMatchObject({ ok: true, value: 1 });
  expect(await run('keepNote', 'b@example.com')).toMatchObject({ ok: true, value: 'kept' });
});

test('with every scope withdrawn, Sheets and triggers refuse too, and granting again restores them', async () => {
  rt.authorization.withdraw('c@example.com');
  for (const fn of ['readSheet', 'listTriggers']) {
    const r = await run(fn, 'c@example.com');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(REQUIRED);
  }
  rt.authorization.grantAll('c@example.com');
  expect(await run('readSheet', 'c@example.com')).toMatchObject({ ok: true, value: 1 });
  expect(await run('status', 'c@example.com')).toMatchObject({ value: ['NOT_REQUIRED', false] });
});
