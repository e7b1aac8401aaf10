// A controllable clock shared by the local runtime and the simulator, so tests and the playground
// can fast-forward time (state-token and code expiry, token expiry, rate-limit windows).
export class Clock {
  private offsetMs = 0;

  /** Milliseconds since the epoch, real time plus every advance so far. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves time forward (never backward: providers and Apps Script never see time go back). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`Clock.advance needs a non-negative number of ms, got ${ms}`);
    this.offsetMs += ms;
  }

  /** How far this clock is ahead of real time; executions in workers shift their Date by it. */
  get offset(): number {
    return this.offsetMs;
  }
}
