// How the runtime injects the OAuth2 library: the stand-in by default, or a library folder's
// src/*.js evaluated in its own global scope (OAUTH2_LIBRARY_SRC).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime';

/** 2026-11-22 12:00 UTC: the instant this file's runtimes start at. */
const AT_MS = Date.UTC(2026, 10, 22, 12);

const SCRIPT = `
function names() { return Object.keys(OAuth2).sort(); }
function redirect() { return OAuth2.getRedirectUri(); }
function scopeIsolated() { return typeof helper_ + ' ' + typeof Service_; }
`;

test('the stand-in library is injected as OAuth2 by default', async () => {
  const rt = await Runtime.create({
    clock: new Clock(AT_MS),
    scriptSource: SCRIPT,
    oauth2LibrarySrc: null,
  });
  try {
    const r = await rt.run('redirect');
    expect(r.ok && r.value).toBe(rt.redirectUri());
  } finally {
    await rt.close();
  }
});

test("a library folder's files load in alphabetical order and expose only names without a trailing _", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'oauth2-src-'));
  // b.js uses what a.js defined: alphabetical order matters.
  writeFileSync(
    join(dir, 'a.js'),
    'var PREFIX_ = "https://script.google.com/macros/d/";\nfunction helper_() { return 1; }',
  );
  writeFileSync(
    join(dir, 'b.js'),
    'function getRedirectUri() { return PREFIX_ + ScriptApp.getScriptId() + "/usercallback"; }\n' +
      'var TOKEN_FORMAT = { JSON: "application/json" };\nfunction Service_() {}',
  );
  const rt = await Runtime.create({
    clock: new Clock(AT_MS),
    scriptSource: SCRIPT,
    oauth2LibrarySrc: dir,
  });
  try {
    const names = await rt.run('names');
    expect(names.ok && names.value).toEqual(['TOKEN_FORMAT', 'getRedirectUri']);
    const uri = await rt.run('redirect');
    expect(uri.ok && uri.value).toBe(rt.redirectUri());
    const isolated = await rt.run('scopeIsolated');
    expect(isolated.ok && isolated.value).toBe('undefined undefined');
  } finally {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
