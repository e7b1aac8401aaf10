// Installable time-driven triggers: creation, the per-user limit, firing due ones, and the rules
// Apps Script sets for add-ons (one clock trigger per user and document, at most hourly).
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime';

const SCRIPT = `
function hourly() { return ScriptApp.newTrigger('tick').timeBased().everyHours(1).create().getUniqueId(); }
function once(ms) { return ScriptApp.newTrigger('tick').timeBased().after(ms).create().getUniqueId(); }
function daily() { return ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(6).inTimezone('Europe/Berlin').create().getUniqueId(); }
function tick(e) {
  var p = PropertiesService.getUserProperties();
  p.setProperty('ticks', String(Number(p.getProperty('ticks') || 0) + 1));
  p.setProperty('lastUid', e.triggerUid);
  return e.authMode;
}
function describe() {
  return ScriptApp.getProjectTriggers().map(function (t) {
    return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource())];
  });
}
function removeAll() {
  ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });
}
function at(ms) { return ScriptApp.newTrigger('tick').timeBased().at(new Date(Date.now() + ms)).create().getUniqueId(); }
function minutely() { return ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create().getUniqueId(); }
function tryCreate(kind, ms) {
  try { return kind === 'at' ? at(ms) : kind === 'once' ? once(ms) : kind === 'daily' ? daily() : minutely(); }
  catch (e) { return 'refused: ' + e.message; }
}
function makeMany(n) {
  for (var i = 0; i < n; i++) ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
}
`;

let rt: Runtime;
/** 2026-11-22 12:00 UTC: the instant this file's clock starts at. */
const clock = new Clock(Date.UTC(2026, 10, 22, 12));
beforeAll(async () => {
  // The generic behaviour first: a plain script, without the add-on rules.
  rt = await Runtime.create({ scriptSource: SCRIPT, clock, addOnTriggerRules: false });
});
afterAll(() => rt.close());
beforeEach(async () => {
  await rt.run('removeAll');
});

async function ok(fn: string, args: unknown[] = [], user?: string): Promise<unknown> {
  const r = await rt.run(fn, args, user ? { user } : {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

test('a recurring trigger is listed, fires when due with its event object, and is rescheduled', async () => {
  const id = await ok('hourly');
  const [t] = rt.triggers.list();
  expect(t).toMatchObject({
    id,
    handler: 'tick',
    type: 'CLOCK',
    user: 'user@example.com',
    oneOff: false,
  });
  expect(t.nextRunAt! - clock.now()).toBeGreaterThan(3590 * 1000);
  expect(await ok('describe')).toEqual([['tick', 'CLOCK', 'CLOCK']]);

  expect(await rt.triggers.fireDue()).toEqual([]);
  clock.advance(3600 * 1000);
  const results = await rt.triggers.fireDue();
  expect(results).toHaveLength(1);
  expect(results[0].ok && results[0].value).toBe('FULL');
  expect(rt.properties.user('user@example.com').get('lastUid')).toBe(id);
  expect(rt.triggers.list()[0].nextRunAt).toBeGreaterThan(clock.now());
});

test('a fired one-off trigger is removed', async () => {
  await ok('once', [60000]);
  clock.advance(61000);
  const results = await rt.triggers.fireDue();
  expect(results).toHaveLength(1);
  expect(rt.triggers.list()).toEqual([]);
});

test('a daily trigger at an hour runs next at that hour in its time zone', async () => {
  await ok('daily');
  const [t] = rt.triggers.list();
  const berlinHour = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    hour: 'numeric',
    hourCycle: 'h23',
  });
  expect(berlinHour.format(new Date(t.nextRunAt!))).toBe('06');
  expect(t.everyMs).toBe(24 * 3600 * 1000);
});

test("the 21st trigger of a user fails with Apps Script's error; another user still has room", async () => {
  await ok('makeMany', [20]);
  const r = await rt.run('makeMany', [1]);
  expect(!r.ok && r.error.message).toBe(
    'Exception: This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  );
  await ok('makeMany', [1], 'other@example.com');
  expect(rt.triggers.list({ user: 'user@example.com' })).toHaveLength(20);
  await ok('removeAll', [], 'other@example.com');
});

test('fire(id) runs one trigger now', async () => {
  const id = (await ok('once', [3600000])) as string;
  const r = await rt.triggers.fire(id);
  expect(r.ok).toBe(true);
  expect(rt.triggers.list()).toEqual([]);
});

describe('as an add-on (the default)', () => {
  const HOUR = 3_600_000;
  let addOn: Runtime;
  const run = async (
    fn: string,
    args: unknown[] = [],
    opts: { user?: string; spreadsheetId?: string } = {},
  ) => {
    const r = await addOn.run(fn, args, opts);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  beforeAll(async () => {
    addOn = await Runtime.create({ scriptSource: SCRIPT, clock });
  });
  afterAll(() => addOn.close());
  beforeEach(async () => {
    await run('removeAll');
    await run('removeAll', [], { user: 'other@example.com' });
  });

  test('a one-off trigger due less than an hour ahead, or one every few minutes, is refused', async () => {
    expect(await run('tryCreate', ['once', 60_000])).toBe(
      'refused: Add-ons may not create time-based triggers that run more than once an hour.',
    );
    expect(await run('tryCreate', ['at', HOUR - 60_000])).toMatch(/^refused: /);
    expect(await run('tryCreate', ['minutely'])).toMatch(/^refused: /);
    expect(addOn.triggers.list()).toEqual([]);
    expect(await run('tryCreate', ['at', HOUR + 60_000])).toMatch(/^\d+$/);
  });

  test('a second clock trigger of the same user and document is refused; another document or user has its own', async () => {
    expect(await run('tryCreate', ['daily'])).toMatch(/^\d+$/);
    expect(await run('tryCreate', ['at', 2 * HOUR])).toBe(
      'refused: This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    const other = addOn.sheets.createSpreadsheet('Other', 'Etc/UTC');
    expect(await run('tryCreate', ['at', 2 * HOUR], { spreadsheetId: other })).toMatch(/^\d+$/);
    expect(await run('tryCreate', ['daily'], { user: 'other@example.com' })).toMatch(/^\d+$/);
    expect(addOn.triggers.list({ user: 'user@example.com' })).toHaveLength(2);
    await run('removeAll', [], { spreadsheetId: other });
  });

  test('the 21st trigger of a user (one per document) fails with the per-user cap', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const doc = addOn.sheets.createSpreadsheet(`Doc ${i}`, 'Etc/UTC');
      ids.push(doc);
      await run('daily', [], { spreadsheetId: doc });
    }
    const last = addOn.sheets.createSpreadsheet('Doc 21', 'Etc/UTC');
    expect(await run('tryCreate', ['daily'], { spreadsheetId: last })).toBe(
      'refused: This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    for (const doc of ids) await run('removeAll', [], { spreadsheetId: doc });
  });
});
