// DueTriggerRunner: the playground's timer fires due triggers without ever running two firings at
// once, and a caller that arrives during a firing gets one more firing after it.
import { DueTriggerRunner } from '../../../dev/playground/due-trigger-runner';

function rethrow(err: unknown): never {
  throw err;
}

/** A firing the test finishes by hand, counting how many run at the same time. */
function controlledFiring() {
  const pending: Array<() => void> = [];
  let active = 0;
  let maxActive = 0;
  let fired = 0;
  return {
    fireDue: () =>
      new Promise<void>((resolve) => {
        fired++;
        active++;
        maxActive = Math.max(maxActive, active);
        pending.push(() => {
          active--;
          resolve();
        });
      }),
    finishNext: async () => {
      pending.shift()?.();
      // Let the promise chain (finally, follow-up) settle.
      await new Promise((r) => setImmediate(r));
    },
    get fired() {
      return fired;
    },
    get maxActive() {
      return maxActive;
    },
  };
}

test('a tick with nothing due fires nothing', () => {
  const f = controlledFiring();
  const runner = new DueTriggerRunner({
    fireDue: f.fireDue,
    hasDue: () => false,
    onError: rethrow,
  });
  runner.tick();
  expect(f.fired).toBe(0);
  expect(runner.busy).toBe(false);
});

test('ticks during a firing are skipped: one firing at a time', async () => {
  const f = controlledFiring();
  const runner = new DueTriggerRunner({ fireDue: f.fireDue, hasDue: () => true, onError: rethrow });
  runner.tick();
  runner.tick();
  runner.tick();
  expect(f.fired).toBe(1);
  await f.finishNext();
  expect(runner.busy).toBe(false);
  runner.tick();
  expect(f.fired).toBe(2);
  await f.finishNext();
  expect(f.maxActive).toBe(1);
});

test('callers during a firing share one follow-up firing, which starts after the first ends', async () => {
  const f = controlledFiring();
  const runner = new DueTriggerRunner({ fireDue: f.fireDue, hasDue: () => true, onError: rethrow });
  const first = runner.run();
  const a = runner.run();
  const b = runner.run();
  expect(f.fired).toBe(1);
  await f.finishNext();
  await first;
  expect(f.fired).toBe(2);
  let settled = false;
  void Promise.all([a, b]).then(() => (settled = true));
  await new Promise((r) => setImmediate(r));
  expect(settled).toBe(false);
  await f.finishNext();
  await Promise.all([a, b]);
  expect(f.fired).toBe(2);
  expect(f.maxActive).toBe(1);
});

test('a failed firing is reported and the next tick fires again', async () => {
  const errors: unknown[] = [];
  let calls = 0;
  const runner = new DueTriggerRunner({
    fireDue: async () => {
      calls++;
      if (calls === 1) throw new Error('worker died');
    },
    hasDue: () => true,
    onError: (e) => errors.push(e),
  });
  runner.tick();
  await new Promise((r) => setImmediate(r));
  expect(errors).toEqual([new Error('worker died')]);
  runner.tick();
  await new Promise((r) => setImmediate(r));
  expect(calls).toBe(2);
  expect(errors).toHaveLength(1);
});
