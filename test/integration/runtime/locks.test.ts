// LockService across concurrent executions (each in its own worker), and killed executions.
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime';

/** 2026-11-22 12:00 UTC: the instant this file's runtimes start at. */
const AT_MS = Date.UTC(2026, 10, 22, 12);

const SCRIPT = `
function holdAndWrite(ms) {
  var lock = LockService.getScriptLock();
  lock.waitLock(10000);
  var props = PropertiesService.getScriptProperties();
  props.setProperty('step', 'first-in');
  Utilities.sleep(ms);
  props.setProperty('step', 'first-out');
  lock.releaseLock();
}
// Holds the lock until the test says so: the other execution's attempt happens while it is held,
// however long that execution takes to start on a busy machine.
function holdUntilReleased() {
  var lock = LockService.getScriptLock();
  lock.waitLock(10000);
  var props = PropertiesService.getScriptProperties();
  while (props.getProperty('release') !== 'yes') Utilities.sleep(20);
  props.deleteProperty('release');
  lock.releaseLock();
}
function waitThenRead() {
  var lock = LockService.getScriptLock();
  lock.waitLock(10000);
  var step = PropertiesService.getScriptProperties().getProperty('step');
  lock.releaseLock();
  return step;
}
function waitBriefly() {
  LockService.getScriptLock().waitLock(50);
  return 'got it';
}
function tryBriefly() {
  var lock = LockService.getScriptLock();
  return [lock.tryLock(50), lock.hasLock()];
}
function lockThenWrite() {
  LockService.getScriptLock().waitLock(1000);
  PropertiesService.getScriptProperties().setProperty('written', 'yes');
}
`;

let rt: Runtime;
beforeAll(async () => {
  rt = await Runtime.create({ clock: new Clock(AT_MS), scriptSource: SCRIPT });
});
afterAll(() => rt.close());

async function untilLocked(): Promise<void> {
  while (!rt.lockHolders().script) await new Promise((r) => setTimeout(r, 5));
}

test('a second execution waits for the lock the first holds, then sees its finished write', async () => {
  const first = rt.run('holdAndWrite', [300]);
  await untilLocked();
  const second = rt.run('waitThenRead');
  const [a, b] = await Promise.all([first, second]);
  expect(a.ok).toBe(true);
  expect(b.ok && b.value).toBe('first-out');
});

test("waitLock throws Apps Script's timeout exception while another execution holds the lock", async () => {
  const first = rt.run('holdUntilReleased');
  await untilLocked();
  const second = await rt.run('waitBriefly');
  rt.properties.script.set('release', 'yes');
  expect((await first).ok).toBe(true);
  expect(second.ok).toBe(false);
  expect(!second.ok && second.error.message).toBe(
    'Exception: Lock timeout: another process was holding the lock for too long.',
  );
});

test('tryLock returns false (and hasLock false) while another execution holds the lock', async () => {
  const first = rt.run('holdUntilReleased');
  await untilLocked();
  const second = await rt.run('tryBriefly');
  rt.properties.script.set('release', 'yes');
  expect((await first).ok).toBe(true);
  expect(second.ok && second.value).toEqual([false, false]);
  const free = await rt.run('tryBriefly');
  expect(free.ok && free.value).toEqual([true, true]);
});

test('a lock the script never released is freed when its execution ends', async () => {
  const r = await rt.run('waitBriefly');
  expect(r.ok).toBe(true);
  expect(rt.lockHolders()).toEqual({});
});

test('killWhen stops the execution before the call, which is not performed, and frees its locks', async () => {
  rt.properties.script.delete('written');
  const r = await rt.run('lockThenWrite', [], {
    killWhen: (c) => c.service === 'properties' && c.method === 'setProperty',
  });
  expect(r.ok).toBe(false);
  expect(rt.properties.script.get('written')).toBeNull();
  expect(rt.lockHolders()).toEqual({});
  const next = await rt.run('tryBriefly');
  expect(next.ok && next.value).toEqual([true, true]);
});

test('an execution over maxExecutionMs is stopped with "Exceeded maximum execution time"', async () => {
  const short = await Runtime.create({
    clock: new Clock(AT_MS),
    scriptSource: 'function spin() { while (true) {} }',
    maxExecutionMs: 200,
  });
  try {
    const r = await short.run('spin');
    expect(!r.ok && r.error.message).toBe('Exceeded maximum execution time');
  } finally {
    await short.close();
  }
});
