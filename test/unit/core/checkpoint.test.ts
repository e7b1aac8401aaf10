// The sync checkpoint: compact, fits a 9 KB property, re-plans and skips finished requests.
import {
  CHECKPOINT_MAX_BYTES,
  decodeIndexSet,
  encodeIndexSet,
  isComplete,
  markDone,
  markWritten,
  newCheckpoint,
  parseCheckpoint,
  pendingRequests,
  serializeCheckpoint,
  WRITTEN_MAX_CHARS,
  writtenDayCount,
} from '../../../src/core/checkpoint';
import { addDays, type DateRange } from '../../../src/core/dates';
import { InvalidCheckpointError } from '../../../src/core/errors';
import { GoogleHealthRateBudget } from '../../../src/core/rate-budget';
import { DEFAULT_METRIC_IDS } from '../../../src/providers/metrics';
import { planGoogleHealthRequests } from '../../../src/providers/google-health/data-plan';

const range = { start: '2016-11-24', end: '2026-11-21' };

/** A Fitbit checkpoint for steps only: the written-days record does not depend on the plan. */
function stepsCheckpoint(over: DateRange, planSize: number) {
  return newCheckpoint({
    providerId: 'fitbit',
    range: over,
    metricIds: ['steps'],
    units: 'metric',
    planSize,
    startedAtMs: 0,
  });
}

describe('sync checkpoint', () => {
  it('encodes finished request indices as compact ranges', () => {
    expect(encodeIndexSet([5, 0, 1, 2, 3, 9, 10])).toBe('0-3,5,9-10');
    expect([...decodeIndexSet('0-3,5,9-10')]).toEqual([0, 1, 2, 3, 5, 9, 10]);
    expect(decodeIndexSet('').size).toBe(0);
    expect(() => decodeIndexSet('4-2')).toThrow(InvalidCheckpointError);
  });

  it('lets a continuation re-plan the same requests and skip the finished ones', () => {
    const plan = planGoogleHealthRequests(range, DEFAULT_METRIC_IDS, 'metric');
    let cp = newCheckpoint({
      providerId: 'google-health',
      range,
      metricIds: [...DEFAULT_METRIC_IDS],
      units: 'metric',
      planSize: plan.length,
      startedAtMs: 0,
    });
    cp = markDone(cp, [0, 1, 2, 4]);
    const restored = parseCheckpoint(serializeCheckpoint(cp));
    const replanned = planGoogleHealthRequests(restored.range, DEFAULT_METRIC_IDS, restored.units);
    const pending = pendingRequests(restored, replanned);
    expect(pending[0]).toEqual({ index: 3, request: plan[3] });
    expect(pending).toHaveLength(plan.length - 4);
    expect(
      isComplete(
        markDone(
          restored,
          pending.map((p) => p.index),
        ),
      ),
    ).toBe(true);
    expect(() => pendingRequests(restored, replanned.slice(1))).toThrow(InvalidCheckpointError);
  });

  it('stays far below one 9 KB property for ten years with a worst-case done set and rate state', () => {
    const plan = planGoogleHealthRequests(range, DEFAULT_METRIC_IDS, 'metric');
    const rate = new GoogleHealthRateBudget();
    for (let i = 0; i < 10; i++) rate.record(i * 5000, 30);
    const cp = {
      ...markDone(
        newCheckpoint({
          providerId: 'google-health',
          range,
          metricIds: [...DEFAULT_METRIC_IDS, 'weight'],
          units: 'us',
          planSize: plan.length,
          startedAtMs: 1,
        }),
        plan
          .map((_, i) => i)
          .filter((i) => i % 3 !== 0)
          .slice(0, 300),
      ),
      next: { atMs: 123, reason: 'rate-limit' as const },
      rate: rate.toJSON(),
      written: 'x'.repeat(WRITTEN_MAX_CHARS),
    };
    expect(serializeCheckpoint(cp).length).toBeLessThan(CHECKPOINT_MAX_BYTES);
    expect(() =>
      serializeCheckpoint({ ...cp, metricIds: Array(2000).fill('minutesLightlyActive') }),
    ).toThrow(InvalidCheckpointError);
  });

  it.each([
    ['not JSON', '{'],
    ['an unknown version', JSON.stringify({ v: 2 })],
    [
      'a bad range',
      JSON.stringify({
        v: 1,
        providerId: 'fitbit',
        range: { start: '2026-02-30', end: '2026-03-01' },
      }),
    ],
  ])('rejects a stored checkpoint that is %s', (_what, text) => {
    expect(() => parseCheckpoint(text)).toThrow(InvalidCheckpointError);
  });

  it('counts the days written to the sheet, once each, even when no request is finished yet', () => {
    let cp = stepsCheckpoint({ start: '2026-01-01', end: '2026-12-31' }, 13);
    expect(writtenDayCount(cp)).toBe(0);
    cp = markWritten(cp, ['2026-01-01', '2026-01-02', '2026-01-03']);
    cp = markWritten(cp, ['2026-01-03', '2026-01-04', '2026-12-31', '2027-01-01']);
    expect(cp.written).toBe('0-3,364');
    expect(writtenDayCount(parseCheckpoint(serializeCheckpoint(cp)))).toBe(5);
  });

  it('drops the written-days record rather than let it grow past its bound, and never restarts it', () => {
    let cp = stepsCheckpoint(range, 1);
    // Every other day: the most fragmented record there is.
    const scattered = Array.from({ length: 1000 }, (_, i) => addDays(range.start, 2 * i));
    cp = markWritten(cp, scattered);
    expect(cp.written).toBeUndefined();
    expect(writtenDayCount(cp)).toBeNull();
    expect(markWritten(cp, ['2016-11-24']).written).toBeUndefined();
  });

  it('rejects a written-days record beyond the range', () => {
    const cp = stepsCheckpoint({ start: '2026-01-01', end: '2026-01-10' }, 1);
    expect(() => parseCheckpoint(JSON.stringify({ ...cp, written: '0-10' }))).toThrow(
      InvalidCheckpointError,
    );
    expect(parseCheckpoint(JSON.stringify({ ...cp, written: '0-9' })).written).toBe('0-9');
  });
});
