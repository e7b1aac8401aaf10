// fetchAll batches sized to the rate budget.
import { nextBatchSize, splitIntoBatches, takeBatch } from '../../../src/core/batching';

describe('batching', () => {
  it('sizes a batch by what is pending, what the rate budget allows and the batch cap', () => {
    expect(nextBatchSize(162, 150, 30)).toBe(30);
    expect(nextBatchSize(162, 7, 30)).toBe(7);
    expect(nextBatchSize(3, 150, 30)).toBe(3);
    expect(nextBatchSize(10, 0, 30)).toBe(0);
  });

  it('takes the first requests in plan order and leaves the rest', () => {
    expect(takeBatch(['a', 'b', 'c', 'd'], 3, 2)).toEqual({ batch: ['a', 'b'], rest: ['c', 'd'] });
  });

  it('splits into consecutive batches of at most the size', () => {
    expect(splitIntoBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(() => splitIntoBatches([1], 0)).toThrow(RangeError);
  });
});
