// The sidebar's one poller: one request at a time, at the pace asked, for a bounded time.
import { Poller } from '../../../../src/ui/sidebar/poller';

/** A manual clock and timer queue: time moves only when the test says. */
function harness() {
  let now = 1_000_000;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  let ticks = 0;
  let release: (() => void) | null = null;
  let hold = false;
  const poller = new Poller(
    () => {
      ticks++;
      if (!hold) return Promise.resolve();
      return new Promise<void>((r) => {
        release = r;
      });
    },
    {
      fastMs: 2_000,
      slowMs: 15_000,
      limitMs: 60_000,
      now: () => now,
      setTimer: (fn, ms) => {
        const id = nextId++;
        timers.push({ at: now + ms, fn, id });
        return id;
      },
      clearTimer: (id) => {
        timers = timers.filter((t) => t.id !== id);
      },
    },
  );
  async function advance(ms: number) {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > end) break;
      timers.shift();
      now = t.at;
      t.fn();
      await Promise.resolve();
      await Promise.resolve();
      await Promise.resolve();
    }
    now = end;
  }
  return {
    poller,
    advance,
    ticks: () => ticks,
    pending: () => timers.length,
    holdTicks: (on: boolean) => {
      hold = on;
    },
    release: () => release?.(),
  };
}

test('polls every 2 s while fast and stops when the limit is reached', async () => {
  const h = harness();
  h.poller.setPace('fast');
  await h.advance(10_000);
  expect(h.ticks()).toBe(5);
  await h.advance(120_000);
  // Every 2 s before the 60 s bound: 2 s, 4 s, ..., 58 s.
  expect(h.ticks()).toBe(29);
  expect(h.pending()).toBe(0);
});

test('resuming (focus) polls again for another bounded while', async () => {
  const h = harness();
  h.poller.setPace('slow');
  await h.advance(200_000);
  // 15 s, 30 s, 45 s: the bound is 60 s.
  expect(h.ticks()).toBe(3);
  h.poller.resume('slow');
  await h.advance(30_000);
  expect(h.ticks()).toBe(5);
});

test('never sends a second request while one is unanswered', async () => {
  const h = harness();
  h.holdTicks(true);
  h.poller.setPace('fast');
  await h.advance(20_000);
  expect(h.ticks()).toBe(1);
  h.holdTicks(false);
  h.release();
  await h.advance(2_000);
  expect(h.ticks()).toBe(2);
});

test('off stops polling at once', async () => {
  const h = harness();
  h.poller.setPace('fast');
  await h.advance(4_000);
  h.poller.setPace('off');
  await h.advance(20_000);
  expect(h.ticks()).toBe(2);
  expect(h.pending()).toBe(0);
});

test('once the bound is reached, a new need starts it again', async () => {
  const h = harness();
  h.poller.setPace('fast');
  await h.advance(100_000);
  expect(h.ticks()).toBe(29);
  h.poller.setPace('fast');
  await h.advance(4_000);
  expect(h.ticks()).toBe(31);
});
