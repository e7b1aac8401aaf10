// Pure sync rules: ranges of "Sync now" and backfill, which days a partial fetch may write, and
// where rows inserted by an interrupted write end up.
import type { PlannedRequest } from '../../../../src/core/planned-request';
import {
  completedRequests,
  completeDayCount,
  dayCoverage,
  writableDays,
} from '../../../../src/app/sync/coverage';
import {
  blankRowsToDelete,
  blankRuns,
  insertedRanges,
} from '../../../../src/app/sync/insert-repair';
import { backfillRange, syncNowRange } from '../../../../src/app/sync/ranges';

const req = (start: string, end: string, metric: string): PlannedRequest => ({
  id: `${metric} ${start}..${end}`,
  method: 'get',
  url: 'https://example.test',
  headers: {},
  shape: 'fitbit-series',
  covers: { start, end, metricIds: [metric] },
  units: 'metric',
});

describe('ranges', () => {
  it('a first sync takes the last 30 days; later ones re-read 3 days before the last synced day', () => {
    expect(syncNowRange(null, '2026-11-22')).toEqual({ start: '2026-10-24', end: '2026-11-22' });
    expect(syncNowRange('2026-11-20', '2026-11-22')).toEqual({
      start: '2026-11-17',
      end: '2026-11-22',
    });
  });

  it('a backfill refuses future, malformed and too early start dates', () => {
    expect(backfillRange('2026-11-23', '2026-11-22').ok).toBe(false);
    expect(backfillRange('22/11/2026', '2026-11-22').ok).toBe(false);
    expect(backfillRange('2001-01-01', '2026-11-22').ok).toBe(false);
    expect(backfillRange('2026-01-01T00:00:00.000Z', '2026-11-22')).toEqual({
      ok: true,
      range: { start: '2026-01-01', end: '2026-11-22' },
    });
  });
});

describe('coverage', () => {
  const plan = [
    req('2026-01-01', '2026-01-10', 'steps'),
    req('2026-01-01', '2026-01-05', 'cal'),
    req('2026-01-06', '2026-01-10', 'cal'),
  ];
  const coverage = dayCoverage(plan);

  it('writes only days whose every covering request is fetched or done', () => {
    const days = writableDays(coverage, new Set(), new Set([0, 1]));
    expect(days).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05']);
    expect(completedRequests(plan, new Set(days), new Set([0, 1]))).toEqual([1]);
  });

  it('a later run completes the rest with what earlier runs marked done', () => {
    const days = writableDays(coverage, new Set([1]), new Set([0, 2]));
    expect(days).toHaveLength(10);
    expect(completeDayCount(coverage, new Set([1]))).toBe(0);
    expect(completeDayCount(coverage, new Set([0, 1]))).toBe(5);
  });
});

describe('insert repair', () => {
  it('finds inserted blocks where they end up after bottom-up insertion and deletes the blank ones', () => {
    const ranges = insertedRanges([
      { beforeRow: 10, count: 2 },
      { beforeRow: 2, count: 3 },
    ]);
    expect(ranges).toEqual([
      { row: 13, count: 2 },
      { row: 2, count: 3 },
    ]);
    const keys: (string | null)[] = Array(20).fill('2026-01-01');
    keys[0] = keys[1] = keys[2] = null; // rows 2-4 still blank
    expect(blankRowsToDelete(ranges, keys)).toEqual([{ row: 2, count: 3 }]);
  });

  it('deletes only the rows of an inserted block that are still entirely empty', () => {
    const values = [
      ['', '', ''],
      ['', '', 'typed by the person'],
      ['', '', ''],
      ['', '', ''],
    ];
    expect(blankRuns(5, values)).toEqual([
      { row: 7, count: 2 },
      { row: 5, count: 1 },
    ]);
    expect(blankRuns(5, [['', 0, '']])).toEqual([]);
  });
});
