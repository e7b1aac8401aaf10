// The clock shared by the local runtime, its workers, the simulator and the playground: it starts
// at an instant the caller names and then only moves forward (real elapsed time plus advances).
import { performance } from 'node:perf_hooks';

export class Clock {
  private readonly startMs: number;
  // Elapsed time comes from the monotonic clock, so a system clock stepping back (or forward)
  // never moves this clock: only the time that really passed and the advances do.
  private readonly startMono = performance.now();
  private advancedMs = 0;
  private lastMs: number;

  /**
   * `startMs` (epoch ms) is required so every test names its "now"; the playground passes
   * `Date.now()` explicitly to start at the real time.
   */
  constructor(startMs: number) {
    if (typeof startMs !== 'number' || !Number.isFinite(startMs))
      throw new Error(
        `Clock needs its start instant as epoch milliseconds (e.g. Date.UTC(2026, 10, 22, 12)), got ${String(startMs)}`,
      );
    this.startMs = startMs;
    this.lastMs = startMs;
  }

  /** Milliseconds since the epoch: the start instant, plus real time elapsed, plus every advance. */
  now(): number {
    const t = this.startMs + (performance.now() - this.startMono) + this.advancedMs;
    // performance.now() is monotonic already; the guard keeps now() non-decreasing regardless.
    this.lastMs = Math.max(this.lastMs, t);
    return this.lastMs;
  }

  /** Moves time forward (never backward: providers and Apps Script never see time go back). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`Clock.advance needs a non-negative number of ms, got ${ms}`);
    this.advancedMs += ms;
  }

  /** The sum of every advance so far (what the playground shows as "advanced N h"). */
  get advanced(): number {
    return this.advancedMs;
  }

  /**
   * How far this clock is ahead of the machine's time right now (negative when behind). Workers
   * receive it and turn it straight back into the clock's reading, then run on their own
   * monotonic time, so the machine's time only matters for the instant of the hand-over.
   */
  get offset(): number {
    return this.now() - Date.now();
  }
}
