// The execution time budget: Apps Script stops an execution after 6 minutes, so new request
// batches start only while there is still time for one more batch and the final sheet write.
/**
 * API: `new TimeBudget(startedAtMs, options?)` with
 * - `remainingMs(nowMs)`: time left before the safety margin;
 * - `canStartBatch(nowMs)`: true while remainingMs >= the estimate of one batch;
 * - `recordBatch(durationMs)`: refines the estimate (the slowest batch seen so far, never below
 *   the initial estimate, since one slow provider answer predicts the next);
 * - `batchEstimateMs`.
 * Defaults: limit 6 min (Apps Script execution limit), safety margin 60 s (sheet write, checkpoint
 * and trigger creation happen after the last batch), initial batch estimate 15 s.
 */

export interface TimeBudgetOptions {
  limitMs?: number;
  safetyMarginMs?: number;
  initialBatchEstimateMs?: number;
}

export const APPS_SCRIPT_EXECUTION_LIMIT_MS = 6 * 60_000;

export class TimeBudget {
  readonly limitMs: number;
  readonly safetyMarginMs: number;
  private estimateMs: number;

  constructor(
    readonly startedAtMs: number,
    options: TimeBudgetOptions = {},
  ) {
    this.limitMs = options.limitMs ?? APPS_SCRIPT_EXECUTION_LIMIT_MS;
    this.safetyMarginMs = options.safetyMarginMs ?? 60_000;
    this.estimateMs = options.initialBatchEstimateMs ?? 15_000;
  }

  get batchEstimateMs(): number {
    return this.estimateMs;
  }

  remainingMs(nowMs: number): number {
    return this.startedAtMs + this.limitMs - this.safetyMarginMs - nowMs;
  }

  canStartBatch(nowMs: number): boolean {
    return this.remainingMs(nowMs) >= this.estimateMs;
  }

  recordBatch(durationMs: number): void {
    if (Number.isFinite(durationMs) && durationMs > this.estimateMs) this.estimateMs = durationMs;
  }
}
