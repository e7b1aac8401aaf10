// What each execution sees: a fresh global scope, the shared clock, logs, google.script.run's rules.
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime';

const SCRIPT = `
var counter = 0;
function bump() { counter++; return counter; }
function now() { return [Date.now(), new Date().getTime(), new Date() instanceof Date]; }
function logs() { Logger.log('steps: %s', 12); console.log('plain', 1); console.error('bad'); return Logger.getLog(); }
function echo(x) { return x; }
function withDate() { return { when: new Date(0), n: 1 }; }
function secret_() { return 'secret'; }
function failing() { throw new Error('boom'); }
function source() { return [String(ScriptApp.getInstallationSource()), ScriptApp.InstallationSource.WEB_STORE_ADD_ON, ScriptApp.InstallationSource.NONE]; }
function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone()]; }
function page() {
  var t = HtmlService.createTemplate('<h1><?= title ?></h1><? for (var i = 0; i < n; i++) { ?><i><?!= raw ?></i><? } ?>');
  t.title = '<b>&'; t.n = 2; t.raw = '<br>';
  return t.evaluate().setTitle('T').getContent();
}
`;

const TEN_DAYS = 10 * 24 * 3600 * 1000;
let rt: Runtime;
/** 2026-11-22 12:00 UTC: the instant this file's clock starts at. */
const clock = new Clock(Date.UTC(2026, 10, 22, 12));
beforeAll(async () => {
  rt = await Runtime.create({ scriptSource: SCRIPT, clock, timeZone: 'Europe/Berlin' });
});
afterAll(() => rt.close());

test('a top-level variable does not survive between two executions', async () => {
  const a = await rt.run('bump');
  const b = await rt.run('bump');
  expect(a.ok && a.value).toBe(1);
  expect(b.ok && b.value).toBe(1);
});

test("the script's Date follows the shared clock, advances included", async () => {
  const before = clock.now();
  clock.advance(TEN_DAYS);
  const r = await rt.run('now');
  const after = clock.now();
  expect(r.ok).toBe(true);
  const [dateNow, newDate, isDate] = (r.ok ? r.value : []) as [number, number, boolean];
  for (const t of [dateNow, newDate]) {
    expect(t).toBeGreaterThanOrEqual(before + TEN_DAYS);
    expect(t).toBeLessThanOrEqual(after);
  }
  expect(isDate).toBe(true);
});

test.each([
  ['years before the real time', Date.UTC(2001, 0, 1, 9)],
  ['years after the real time', Date.UTC(2101, 0, 1, 9)],
])("the script's Date starts at the clock's instant %s", async (_, atMs) => {
  const own = new Clock(atMs);
  const other = await Runtime.create({ scriptSource: SCRIPT, clock: own });
  try {
    const r = await other.run('now');
    const after = own.now();
    const [dateNow, newDate] = (r.ok ? r.value : []) as [number, number];
    for (const t of [dateNow, newDate]) {
      expect(t).toBeGreaterThanOrEqual(atMs);
      expect(t).toBeLessThanOrEqual(after);
    }
  } finally {
    await other.close();
  }
});

test('Logger and console lines are captured in the execution log', async () => {
  const r = await rt.run('logs');
  expect(r.logs).toEqual(['steps: 12', 'plain 1', 'ERROR: bad']);
  expect(r.ok && r.value).toBe('steps: 12');
});

test('a thrown error fails the execution with its message', async () => {
  const r = await rt.run('failing');
  expect(!r.ok && r.error.message).toBe('boom');
});

test('Session reports the simulated user and the script time zone', async () => {
  const r = await rt.run('who', [], { user: 'ann@example.com' });
  expect(r.ok && r.value).toEqual(['ann@example.com', 'ann@example.com', 'Europe/Berlin']);
});

test('templates escape <?= ?>, print <?!= ?> raw and run <? ?> code', async () => {
  const r = await rt.run('page');
  expect(r.ok && r.value).toBe('<h1>&lt;b&gt;&amp;</h1><i><br></i><i><br></i>');
});

test('ScriptApp.getInstallationSource answers what the runtime is set to, from the documented enum', async () => {
  const asAddOn = await rt.run('source');
  expect(asAddOn.ok && asAddOn.value).toEqual(['WEB_STORE_ADD_ON', 'WEB_STORE_ADD_ON', 'NONE']);
  try {
    rt.installationSource = 'NONE';
    const bound = await rt.run('source');
    expect(bound.ok && (bound.value as string[])[0]).toBe('NONE');
    rt.installationSource = 'APPS_MARKETPLACE_DOMAIN_ADD_ON';
    const domain = await rt.run('source');
    expect(domain.ok && (domain.value as string[])[0]).toBe('APPS_MARKETPLACE_DOMAIN_ADD_ON');
  } finally {
    rt.installationSource = 'WEB_STORE_ADD_ON';
  }
});

describe('runFromClient follows google.script.run', () => {
  test('a function whose name ends in _ cannot be called', async () => {
    const r = await rt.runFromClient('secret_');
    expect(!r.ok && r.error.message).toBe('Script function not found: secret_');
    const direct = await rt.run('secret_');
    expect(direct.ok && direct.value).toBe('secret');
  });

  test('a Date in the arguments is refused', async () => {
    const r = await rt.runFromClient('echo', [{ day: new Date() }]);
    expect(!r.ok && r.error.message).toBe('Failed due to illegal value in property: day');
  });

  test('a result containing a Date reaches the client as null', async () => {
    const r = await rt.runFromClient('withDate');
    expect(r.ok && r.value).toBeNull();
  });

  test('JSON-like arguments and results pass through', async () => {
    const r = await rt.runFromClient('echo', [{ a: [1, 'x', null], b: true }]);
    expect(r.ok && r.value).toEqual({ a: [1, 'x', null], b: true });
  });
});
