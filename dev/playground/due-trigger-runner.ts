// Runs the runtime's due triggers when the shared clock reaches them: a timer checks every second
// or so, and "+1 hour" asks directly; runs never overlap, so a trigger is never fired twice.
export interface DueTriggerRunnerOptions {
  /** Fires every trigger due now and reports the results (the server pushes the page's views). */
  fireDue(): Promise<void>;
  /** Cheap check, called on every tick: is any trigger due on the shared clock? */
  hasDue(): boolean;
  /** Where a failed run is reported; the timer keeps going. */
  onError(err: unknown): void;
}

export class DueTriggerRunner {
  private running: Promise<void> | null = null;
  private followUp: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: DueTriggerRunnerOptions) {}

  /**
   * Fires what is due now. While a run is going on, the caller waits for it and then for one more
   * run: the clock may have moved since the current run took its triggers (coalesced, so many
   * callers during one run share the same follow-up).
   */
  run(): Promise<void> {
    if (!this.running) {
      this.running = this.opts.fireDue().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.followUp ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.followUp = null;
        return this.run();
      });
    return this.followUp;
  }

  /** The timer's step: nothing when a run is going on (it will pick up what is due) or none due. */
  tick(): void {
    if (this.running || !this.opts.hasDue()) return;
    this.run().catch((err: unknown) => this.opts.onError(err));
  }

  /** Starts checking every `everyMs` of real time; the timer does not keep Node alive. */
  start(everyMs = 1000): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), everyMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run in progress (so closing never cuts an execution). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await (this.followUp ?? this.running)?.catch(() => undefined);
  }

  get busy(): boolean {
    return this.running !== null;
  }
}
