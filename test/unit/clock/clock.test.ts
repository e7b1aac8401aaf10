// The shared clock: starts where its owner says, moves only forward, ignores the machine's clock
// stepping; and the worker's reading of it (re-anchored on each hand-over, never going back).
import { Clock } from '../../../dev/clock';
import { workerClock } from '../../../dev/runtime/clock-date';

const HOUR = 3_600_000;

afterEach(() => jest.restoreAllMocks());

test('a clock starts at the instant it is given, before or after the real time', () => {
  const past = Date.UTC(2001, 0, 1);
  const future = Date.UTC(2101, 0, 1);
  const early = new Clock(past).now();
  const late = new Clock(future).now();
  // Real time elapsed since construction is all that may separate them from their start.
  expect(early - past).toBeGreaterThanOrEqual(0);
  expect(early - past).toBeLessThan(HOUR);
  expect(late - future).toBeGreaterThanOrEqual(0);
  expect(late - future).toBeLessThan(HOUR);
});

test('a clock without a start instant is refused with a message saying what to pass', () => {
  const make = (v: unknown) => () => new Clock(v as number);
  expect(make(undefined)).toThrow(/Clock needs its start instant as epoch milliseconds/);
  expect(make(NaN)).toThrow(/got NaN/);
  expect(make('2026-11-22')).toThrow(/got 2026-11-22/);
});

test('advance moves the clock on by exactly that much and refuses going back', () => {
  const clock = new Clock(Date.UTC(2026, 10, 22, 12));
  const before = clock.now();
  clock.advance(5 * HOUR);
  const after = clock.now();
  expect(after - before).toBeGreaterThanOrEqual(5 * HOUR);
  expect(after - before).toBeLessThan(6 * HOUR);
  expect(clock.advanced).toBe(5 * HOUR);
  expect(() => clock.advance(-1)).toThrow(/non-negative/);
  expect(() => clock.advance(NaN)).toThrow(/non-negative/);
});

test("the machine's clock stepping back or forward does not move the clock", () => {
  const clock = new Clock(Date.UTC(2026, 10, 22, 12));
  const before = clock.now();
  const realNow = Date.now();
  const spy = jest.spyOn(Date, 'now');
  spy.mockReturnValue(realNow - 48 * HOUR);
  const whileBack = clock.now();
  spy.mockReturnValue(realNow + 48 * HOUR);
  const whileAhead = clock.now();
  expect(whileBack).toBeGreaterThanOrEqual(before);
  expect(whileBack - before).toBeLessThan(HOUR);
  expect(whileAhead).toBeGreaterThanOrEqual(whileBack);
  expect(whileAhead - before).toBeLessThan(HOUR);
});

test('the offset handed to workers turns back into the clock reading on the machine clock', () => {
  const clock = new Clock(Date.UTC(2001, 0, 1));
  const offset = clock.offset;
  const reading = Date.now() + offset;
  expect(offset).toBeLessThan(0);
  expect(Math.abs(reading - clock.now())).toBeLessThan(1000);
});

describe('a worker reading of the clock', () => {
  test('follows its monotonic time from the anchor, whatever the machine clock does', () => {
    let real = 1_000_000;
    let mono = 50;
    const w = workerClock(
      Date.UTC(2030, 0, 1) - real,
      () => real,
      () => mono,
    );
    expect(w.now()).toBe(Date.UTC(2030, 0, 1));
    real -= 10 * HOUR; // the machine's clock steps back
    mono += 250;
    expect(w.now()).toBe(Date.UTC(2030, 0, 1) + 250);
  });

  test('a new anchor moves it forward but never back', () => {
    const real = 1_000_000;
    let mono = 0;
    const start = Date.UTC(2030, 0, 1);
    const w = workerClock(
      start - real,
      () => real,
      () => mono,
    );
    mono += 100;
    expect(w.now()).toBe(start + 100);
    // The host's reading arrived a little late (message latency): the worker does not go back.
    w.anchor(start + 40 - real);
    expect(w.now()).toBe(start + 100);
    mono += 100;
    expect(w.now()).toBe(start + 140);
    // The host advanced its clock by an hour: the next anchor carries it over.
    w.anchor(start + HOUR - real);
    expect(w.now()).toBe(start + HOUR);
  });
});
