// The sidebar's one poller: asks for the state while something is under way (a consent window,
// a running or paused sync), never two requests at once, and stops after a bounded time; coming
// back to the sidebar (focus) starts it again.
export type Pace = 'fast' | 'slow' | 'off';

export interface PollerOptions {
  fastMs: number;
  slowMs: number;
  /** Polling stops this long after it was last (re)started. */
  limitMs: number;
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const POLL_DEFAULTS = { fastMs: 2_000, slowMs: 15_000, limitMs: 5 * 60_000 };

export class Poller {
  private pace: Pace = 'off';
  private timer: unknown = null;
  private inFlight = false;
  private until = 0;

  constructor(
    private readonly tick: () => Promise<void>,
    private readonly opts: PollerOptions,
  ) {}

  /** Sets the pace the state calls for; a new need (off to on, or faster) restarts the bound. */
  setPace(pace: Pace): void {
    const faster =
      (this.pace === 'off' && pace !== 'off') || (this.pace === 'slow' && pace === 'fast');
    this.pace = pace;
    if (faster) this.until = this.opts.now() + this.opts.limitMs;
    this.schedule();
  }

  /** The person is back: watch again for another bounded while. */
  resume(pace: Pace): void {
    this.pace = pace;
    this.until = this.opts.now() + this.opts.limitMs;
    this.schedule();
  }

  get running(): boolean {
    return this.timer !== null;
  }

  private schedule(): void {
    if (this.timer !== null) {
      this.opts.clearTimer(this.timer);
      this.timer = null;
    }
    if (this.pace !== 'off' && this.opts.now() >= this.until) {
      // The bound is reached: only a new need or the person's return starts it again.
      this.pace = 'off';
    }
    if (this.pace === 'off' || this.inFlight) return;
    const ms = this.pace === 'fast' ? this.opts.fastMs : this.opts.slowMs;
    this.timer = this.opts.setTimer(() => {
      this.timer = null;
      if (this.opts.now() >= this.until) {
        this.pace = 'off';
        return;
      }
      this.inFlight = true;
      this.tick()
        .catch(() => undefined)
        .finally(() => {
          this.inFlight = false;
          this.schedule();
        });
    }, ms);
  }
}
