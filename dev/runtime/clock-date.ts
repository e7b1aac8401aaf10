// A Date that follows the shared Clock: now() and the no-argument constructor add the clock's
// offset, so scripts (and libraries) in a worker see the time tests and the playground set.

export function installClockDate(global: { Date: DateConstructor }, offset: () => number): void {
  const RealDate = global.Date;
  const now = (): number => RealDate.now() + offset();
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
