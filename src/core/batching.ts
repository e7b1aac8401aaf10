// Splits pending requests into UrlFetchApp.fetchAll batches sized to what the rate budget allows.
/**
 * API:
 * - `nextBatchSize(pending, rateAvailable, maxBatchSize?)`: how many requests to send in the next
 *   fetchAll (0 when the budget is spent or nothing is pending).
 * - `takeBatch(items, rateAvailable, maxBatchSize?)`: { batch, rest }.
 * - `splitIntoBatches(items, size)`: consecutive batches of at most `size` items.
 * `DEFAULT_MAX_BATCH` keeps one fetchAll modest: all its requests run in parallel and a batch is
 * the unit the time budget estimates.
 */

export const DEFAULT_MAX_BATCH = 30;

export function nextBatchSize(
  pending: number,
  rateAvailable: number,
  maxBatchSize = DEFAULT_MAX_BATCH,
): number {
  return Math.max(
    0,
    Math.min(Math.floor(pending), Math.floor(rateAvailable), Math.floor(maxBatchSize)),
  );
}

export function takeBatch<T>(
  items: readonly T[],
  rateAvailable: number,
  maxBatchSize = DEFAULT_MAX_BATCH,
): { batch: T[]; rest: T[] } {
  const size = nextBatchSize(items.length, rateAvailable, maxBatchSize);
  return { batch: items.slice(0, size), rest: items.slice(size) };
}

export function splitIntoBatches<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`Batch size must be a positive integer, got ${size}`);
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
