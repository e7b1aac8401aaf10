// A Date that follows the shared Clock: now() and the no-argument constructor read the clock, so
// scripts (and libraries) in a worker see the time tests and the playground set.

export function installClockDate(global: { Date: DateConstructor }, clockNow: () => number): void {
  const RealDate = global.Date;
  const now = (): number => clockNow();
  function ClockDate(this: unknown, ...args: unknown[]): unknown {
    // Date() called without new returns a string, as the real one does.
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length > 0 ? args : [now()], new.target);
  }
  Object.setPrototypeOf(ClockDate, RealDate);
  ClockDate.prototype = RealDate.prototype;
  Object.defineProperty(ClockDate, 'now', { value: now, writable: true, configurable: true });
  Object.defineProperty(ClockDate, 'name', { value: 'Date' });
  Object.defineProperty(RealDate.prototype, 'constructor', {
    value: ClockDate,
    writable: true,
    configurable: true,
  });
  global.Date = ClockDate as unknown as DateConstructor;
}

/**
 * A worker's reading of the host's clock: re-anchored on every offset the host sends (at the
 * request and with each RPC reply), running on the worker's monotonic time in between, and never
 * going back even if a later anchor is a little behind (message latency) or the machine's clock
 * steps.
 */
export function workerClock(
  initialOffset: number,
  realNow: () => number = Date.now,
  mono: () => number = () => performance.now(),
): { now(): number; anchor(offset: number): void } {
  let anchorMs = 0;
  let anchorMono = 0;
  let last = -Infinity;
  const now = (): number => {
    last = Math.max(last, anchorMs + (mono() - anchorMono));
    return last;
  };
  const anchor = (offset: number): void => {
    anchorMs = realNow() + offset;
    anchorMono = mono();
  };
  anchor(initialOffset);
  return { now, anchor };
}
