// PropertiesService and CacheService: stores per scope, Apps Script's limits, AuthMode.NONE.
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime';

const SCRIPT = `
function setUser(key, value) { PropertiesService.getUserProperties().setProperty(key, value); }
function getUser(key) { return PropertiesService.getUserProperties().getProperty(key); }
function setScriptSized(key, n) { PropertiesService.getScriptProperties().setProperty(key, new Array(n + 1).join('x')); }
function bulk(obj, others) { var p = PropertiesService.getDocumentProperties(); p.setProperties(obj, others); return [p.getProperties(), p.getKeys().sort()]; }
function noDocument() { return PropertiesService.getDocumentProperties(); }
function cachePut(key, value, seconds) { CacheService.getScriptCache().put(key, value, seconds); }
function cacheGet(key) { return CacheService.getScriptCache().get(key); }
function cacheAll(keys) { return CacheService.getScriptCache().getAll(keys); }
function cacheBig(n) { CacheService.getScriptCache().put('big', new Array(n + 1).join('x')); }
function readInNoneMode() { return PropertiesService.getUserProperties().getProperty('x'); }
function fetchInNoneMode() { return UrlFetchApp.fetch('http://127.0.0.1:1/'); }
`;

let rt: Runtime;
/** 2026-11-22 12:00 UTC: the instant this file's clock starts at. */
const clock = new Clock(Date.UTC(2026, 10, 22, 12));
beforeAll(async () => {
  rt = await Runtime.create({ scriptSource: SCRIPT, clock });
});
afterAll(() => rt.close());

test('user properties are private to each user and visible to the host', async () => {
  await rt.run('setUser', ['k', 'ann'], { user: 'ann@example.com' });
  const bob = await rt.run('getUser', ['k'], { user: 'bob@example.com' });
  const ann = await rt.run('getUser', ['k'], { user: 'ann@example.com' });
  expect(bob.ok && bob.value).toBeNull();
  expect(ann.ok && ann.value).toBe('ann');
  expect(rt.properties.user('ann@example.com').all()).toEqual({ k: 'ann' });
});

test('a value over 9 KB is refused', async () => {
  expect((await rt.run('setScriptSized', ['ok', 9 * 1024])).ok).toBe(true);
  const r = await rt.run('setScriptSized', ['big', 9 * 1024 + 1]);
  expect(!r.ok && r.error.message).toBe('Exception: Argument too large: value');
});

test('a store over 500 KB is refused and keeps its previous content', async () => {
  rt.properties.script.set('ok', '');
  for (let i = 0; i < 56; i++) {
    const r = await rt.run('setScriptSized', [`k${i}`, 9000]);
    expect(r.ok).toBe(true);
  }
  const r = await rt.run('setScriptSized', ['one-too-many', 9000]);
  expect(!r.ok && r.error.message).toBe(
    'Exception: You have exceeded the property storage quota. Please remove some properties and try again.',
  );
  expect(rt.properties.script.get('one-too-many')).toBeNull();
});

test('document properties belong to the bound spreadsheet; setProperties can delete all others', async () => {
  rt.properties.document(rt.defaultSpreadsheetId).set('old', '1');
  const r = await rt.run('bulk', [{ a: 1, b: 'two' }, true]);
  expect(r.ok && r.value).toEqual([{ a: '1', b: 'two' }, ['a', 'b']]);
  const none = await rt.run('noDocument', [], { spreadsheetId: null });
  expect(none.ok && none.value).toBeNull();
});

test('cache entries expire on the shared clock', async () => {
  await rt.run('cachePut', ['a', '1', 60]);
  await rt.run('cachePut', ['b', '2']);
  clock.advance(61000);
  const r = await rt.run('cacheAll', [['a', 'b', 'c']]);
  expect(r.ok && r.value).toEqual({ b: '2' });
  clock.advance(600 * 1000);
  const gone = await rt.run('cacheGet', ['b']);
  expect(gone.ok && gone.value).toBeNull();
});

test('a cache value over 100 KB is refused', async () => {
  const r = await rt.run('cacheBig', [100 * 1024 + 1]);
  expect(!r.ok && r.error.message).toBe('Exception: Argument too large: value');
});

test('AuthMode.NONE refuses PropertiesService and UrlFetchApp', async () => {
  const props = await rt.run('readInNoneMode', [], { authMode: 'NONE' });
  expect(!props.ok && props.error.message).toBe(
    'Exception: You do not have permission to call PropertiesService.getUserProperties.',
  );
  const fetch = await rt.run('fetchInNoneMode', [], { authMode: 'NONE' });
  expect(!fetch.ok && fetch.error.message).toBe(
    'Exception: You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
  );
  expect(rt.fetchLog).toEqual([]);
});
