// Records that name only some of a sheet's columns (intraday: heart rate from one request, steps
// from another): one row per key, the other columns kept, and nothing written when nothing changed.
import {
  planRecordUpsert,
  type RecordLayout,
  type TableValue,
} from '../../../src/core/record-upsert';
import { latestPerKey, type SheetRecord } from '../../../src/core/records';

const LAYOUT: RecordLayout = {
  keyHeader: 'Time',
  versionHeader: null,
  headers: ['Time', 'HR', 'Steps'],
};

const hr = (key: string, v: number | null): SheetRecord => ({
  sheet: 'intraday',
  key,
  version: null,
  cells: { Time: key, HR: v },
});
const steps = (key: string, v: number | null): SheetRecord => ({
  sheet: 'intraday',
  key,
  version: null,
  cells: { Time: key, Steps: v },
});

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

test('records of one key and version merge their cells, the later one winning a cell both name', () => {
  const merged = latestPerKey([hr('08:00', null), steps('08:00', 12), hr('08:00', 71)]);
  expect(merged).toEqual([
    { sheet: 'intraday', key: '08:00', version: null, cells: { Time: '08:00', HR: 71, Steps: 12 } },
  ]);
  // A newer version still replaces the record whole.
  const versioned = latestPerKey([
    { ...hr('a', 1), version: '2026-01-01T00:00:00Z' },
    { ...steps('a', 2), version: '2026-02-01T00:00:00Z' },
  ]);
  expect(versioned[0].cells).toEqual({ Time: 'a', Steps: 2 });
});

test('two requests in one run fill one row per minute', () => {
  const plan = planRecordUpsert({
    table: [],
    layout: LAYOUT,
    records: [hr('08:00', 70), hr('08:01', null), steps('08:00', 0), steps('08:01', 5)],
  });
  expect(apply([], plan)).toEqual([
    ['Time', 'HR', 'Steps'],
    ['08:00', 70, 0],
    ['08:01', '', 5],
  ]);
});

test('steps in a later run update their column and keep the heart rate written before', () => {
  const first = apply(
    [],
    planRecordUpsert({ table: [], layout: LAYOUT, records: [hr('08:00', 70)] }),
  );
  expect(first).toEqual([
    ['Time', 'HR', 'Steps'],
    ['08:00', 70, ''],
  ]);
  const plan = planRecordUpsert({ table: first, layout: LAYOUT, records: [steps('08:00', 9)] });
  expect(plan.updated).toBe(1);
  expect(apply(first, plan)).toEqual([
    ['Time', 'HR', 'Steps'],
    ['08:00', 70, 9],
  ]);
});

test('the same numbers again plan no write; a changed number rewrites its row only', () => {
  const table = apply(
    [],
    planRecordUpsert({
      table: [],
      layout: LAYOUT,
      records: [hr('08:00', 70), steps('08:00', 9), hr('08:01', 72), steps('08:01', 0)],
    }),
  );
  const same = planRecordUpsert({
    table,
    layout: LAYOUT,
    records: [hr('08:00', 70), steps('08:01', 0)],
  });
  expect(same.writes).toEqual([]);
  const changed = planRecordUpsert({ table, layout: LAYOUT, records: [hr('08:01', 73)] });
  expect(changed.updated).toBe(1);
  expect(apply(table, changed)[2]).toEqual(['08:01', 73, 0]);
});
