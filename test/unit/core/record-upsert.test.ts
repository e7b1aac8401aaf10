// The record upsert plan: rows found by key, rewritten only for a newer version (or a column
// added), new keys appended in order below the last row, a fixed number of blocks.
import {
  planRecordUpsert,
  type RecordLayout,
  type TableValue,
} from '../../../src/core/record-upsert';
import {
  isNewerVersion,
  latestPerKey,
  localClockText,
  type SheetRecord,
} from '../../../src/core/records';

const LAYOUT: RecordLayout = {
  keyHeader: 'Id',
  versionHeader: 'Updated',
  orderHeader: 'Start',
  headers: ['Start', 'Kcal', 'Updated', 'Id'],
};

const rec = (key: string, start: string, kcal: number | null, version: string): SheetRecord => ({
  sheet: 'exercises',
  key,
  version,
  cells: { Start: start, Kcal: kcal },
});

/** Applies a plan to a table the way the sheet would end up. */
function apply(table: TableValue[][], plan: ReturnType<typeof planRecordUpsert>): TableValue[][] {
  const out = table.map((r) => [...r]);
  for (const block of plan.writes)
    block.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = block.row - 1 + i;
        while (out.length <= r) out.push([]);
        out[r][block.column - 1 + j] = v;
      }),
    );
  const width = Math.max(...out.map((r) => r.length));
  return out.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

describe('planRecordUpsert', () => {
  it('fills an empty sheet with the header and the records sorted by start, in two blocks', () => {
    const plan = planRecordUpsert({
      table: [],
      layout: LAYOUT,
      records: [rec('b', '2026-11-02 07:00', 300, 'v1'), rec('a', '2026-11-03 07:00', null, 'v1')],
    });
    expect(plan.writes).toHaveLength(2);
    expect(apply([], plan)).toEqual([
      ['Start', 'Kcal', 'Updated', 'Id'],
      ['2026-11-02 07:00', 300, 'v1', 'b'],
      ['2026-11-03 07:00', '', 'v1', 'a'],
    ]);
    expect(plan.textColumns).toEqual([4, 3]);
    expect(plan.minRows).toBe(3);
  });

  it('plans no write at all for the same records again', () => {
    const records = [
      rec('b', '2026-11-02 07:00', 300, 'v1'),
      rec('a', '2026-11-03 07:00', 5, 'v1'),
    ];
    const table = apply([], planRecordUpsert({ table: [], layout: LAYOUT, records }));
    const again = planRecordUpsert({ table, layout: LAYOUT, records });
    expect(again.writes).toEqual([]);
    expect(again.updated).toBe(0);
    expect(again.appended).toBe(0);
  });

  it('rewrites a row in place only when its version is newer, and appends new keys after the last row', () => {
    const table: TableValue[][] = [
      ['Start', 'Kcal', 'Updated', 'Id'],
      ['2026-11-01 07:00', 100, '2026-11-01T08:00:00Z', 'x'],
      ['2026-11-02 07:00', 200, '2026-11-02T08:00:00Z', 'y'],
      ['2026-11-03 07:00', 300, '2026-11-03T08:00:00Z', 'z'],
    ];
    const plan = planRecordUpsert({
      table,
      layout: LAYOUT,
      records: [
        rec('x', '2026-11-01 07:00', 150, '2026-11-05T00:00:00.000Z'), // newer: rewritten
        rec('y', '2026-11-02 07:00', 999, '2026-11-01T00:00:00Z'), // older: left
        rec('z', '2026-11-03 07:00', 999, '2026-11-03T08:00:00.000Z'), // same instant: left
        rec('w', '2026-11-04 07:00', 400, 'v'),
      ],
    });
    expect(plan.updated).toBe(1);
    expect(plan.appended).toBe(1);
    expect(apply(table, plan)).toEqual([
      ['Start', 'Kcal', 'Updated', 'Id'],
      ['2026-11-01 07:00', 150, '2026-11-05T00:00:00.000Z', 'x'],
      ['2026-11-02 07:00', 200, '2026-11-02T08:00:00Z', 'y'],
      ['2026-11-03 07:00', 300, '2026-11-03T08:00:00Z', 'z'],
      ['2026-11-04 07:00', 400, 'v', 'w'],
    ]);
  });

  it('finds moved columns by header, never writes the person’s column, and writes the version run last', () => {
    const table: TableValue[][] = [
      ['Id', 'Mine', 'Start', 'Kcal', 'Updated'],
      ['x', 'note 1', '2026-11-01 07:00', 100, 'v1'],
      ['y', 'note 2', '2026-11-02 07:00', 200, 'v1'],
      ['z', 'note 3', '2026-11-03 07:00', 300, 'v1'],
    ];
    const plan = planRecordUpsert({
      table,
      layout: LAYOUT,
      records: [rec('x', '2026-11-01 07:00', 111, 'v2'), rec('z', '2026-11-03 07:00', 333, 'v2')],
    });
    // Two runs of managed columns (A, and C:E) over rows 2..4: the one with Updated is last.
    expect(plan.writes.map((w) => [w.row, w.column, w.values.length])).toEqual([
      [2, 1, 3],
      [2, 3, 3],
    ]);
    expect(apply(table, plan)).toEqual([
      ['Id', 'Mine', 'Start', 'Kcal', 'Updated'],
      ['x', 'note 1', '2026-11-01 07:00', 111, 'v2'],
      ['y', 'note 2', '2026-11-02 07:00', 200, 'v1'],
      ['z', 'note 3', '2026-11-03 07:00', 333, 'v2'],
    ]);
  });

  it('adds a missing column at the right and rewrites the rows it gets records for', () => {
    const table: TableValue[][] = [
      ['Start', 'Updated', 'Id'],
      ['2026-11-01 07:00', 'v1', 'x'],
    ];
    const plan = planRecordUpsert({
      table,
      layout: LAYOUT,
      records: [rec('x', '2026-11-01 07:00', 42, 'v1')],
    });
    expect(plan.columns.Kcal).toBe(4);
    expect(apply(table, plan)).toEqual([
      ['Start', 'Updated', 'Id', 'Kcal'],
      ['2026-11-01 07:00', 'v1', 'x', 42],
    ]);
  });

  it('updates the first row of a key held twice and names the key', () => {
    const table: TableValue[][] = [
      ['Start', 'Kcal', 'Updated', 'Id'],
      ['2026-11-01 07:00', 1, 'v1', 'x'],
      ['2026-11-01 07:00', 1, 'v1', 'x'],
    ];
    const plan = planRecordUpsert({
      table,
      layout: LAYOUT,
      records: [rec('x', '2026-11-01 07:00', 2, 'v2')],
    });
    expect(plan.duplicates).toEqual(['x']);
    expect(apply(table, plan).map((r) => r[1])).toEqual(['Kcal', 2, 1]);
  });

  it('without a version column, rewrites a row only when its content differs', () => {
    const layout: RecordLayout = {
      keyHeader: 'Minute',
      versionHeader: null,
      headers: ['Minute', 'Bpm'],
    };
    const table: TableValue[][] = [
      ['Minute', 'Bpm'],
      ['2026-11-01 07:00', 60],
      ['2026-11-01 07:01', 61],
    ];
    const records: SheetRecord[] = [
      { sheet: 'intraday', key: '2026-11-01 07:00', version: null, cells: { Bpm: 60 } },
      { sheet: 'intraday', key: '2026-11-01 07:01', version: null, cells: { Bpm: 70 } },
    ];
    const plan = planRecordUpsert({ table, layout, records });
    expect(plan.updated).toBe(1);
    expect(apply(table, plan)[2]).toEqual(['2026-11-01 07:01', 70]);
  });

  it('keeps the Sheets writes constant: 1000 new and 10 edited rows still make at most 3 blocks', () => {
    const old = Array.from({ length: 500 }, (_, i) =>
      rec(
        `k${String(i).padStart(4, '0')}`,
        `2026-01-01 ${String(i % 24).padStart(2, '0')}:00`,
        i,
        'v1',
      ),
    );
    const table = apply([], planRecordUpsert({ table: [], layout: LAYOUT, records: old }));
    const edited = old.filter((_, i) => i % 50 === 0).map((r) => ({ ...r, version: 'v2' }));
    const fresh = Array.from({ length: 1000 }, (_, i) => rec(`n${i}`, '2026-02-01 00:00', i, 'v1'));
    const plan = planRecordUpsert({ table, layout: LAYOUT, records: [...edited, ...fresh] });
    expect(plan.writes.length).toBeLessThanOrEqual(3);
    expect(plan.updated).toBe(10);
    expect(plan.appended).toBe(1000);
  });
});

describe('records helpers', () => {
  it('compares versions as instants, and a row with no version takes any record', () => {
    expect(isNewerVersion('2026-11-05T00:00:00.5Z', '2026-11-05T00:00:00Z')).toBe(true);
    expect(isNewerVersion('2026-11-05T00:00:00.000Z', '2026-11-05T00:00:00Z')).toBe(false);
    expect(isNewerVersion('2026-11-04T00:00:00Z', '2026-11-05T00:00:00Z')).toBe(false);
    expect(isNewerVersion('v1', null)).toBe(true);
  });

  it('keeps the newest record per key', () => {
    const a = rec('x', 's', 1, '2026-11-01T00:00:00Z');
    const b = rec('x', 's', 2, '2026-11-02T00:00:00Z');
    expect(latestPerKey([b, a])).toEqual([b]);
    expect(latestPerKey([a, b])).toEqual([b]);
  });

  it('reads the clock at the session’s own offset', () => {
    expect(localClockText('2026-11-20T01:45:18.000Z', '-28800s')).toBe('2026-11-19 17:45');
    expect(localClockText('2026-11-20T01:45:18Z', '+05:30')).toBe('2026-11-20 07:15');
    expect(localClockText('nope', '0s')).toBeNull();
  });
});
