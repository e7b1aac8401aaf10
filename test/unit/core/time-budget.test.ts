// The execution time budget: no new batch when less than one batch's worth of time is left.
import { TimeBudget } from '../../../src/core/time-budget';

describe('time budget', () => {
  it('starts batches while the time left before the safety margin covers one batch', () => {
    const budget = new TimeBudget(0, {
      limitMs: 360_000,
      safetyMarginMs: 60_000,
      initialBatchEstimateMs: 15_000,
    });
    expect(budget.canStartBatch(285_000)).toBe(true);
    expect(budget.canStartBatch(285_001)).toBe(false);
    expect(budget.remainingMs(300_000)).toBe(0);
  });

  it('raises the batch estimate to the slowest batch seen, never lowers it', () => {
    const budget = new TimeBudget(0);
    budget.recordBatch(40_000);
    budget.recordBatch(5_000);
    expect(budget.batchEstimateMs).toBe(40_000);
    expect(budget.canStartBatch(260_000)).toBe(true);
    expect(budget.canStartBatch(260_001)).toBe(false);
  });
});
