// The sheet upsert planner: updates in place, ordered inserts, duplicate dates left and named,
// person columns and rows left alone, a change of units converting the column in place, and a number of write blocks that does not grow with the number of days.
import { addDays, eachDay } from '../../../src/core/dates';
import { planUpsert, type UpsertRow } from '../../../src/core/upsert-plan';
import { applyPlan, readSheet, type Grid } from './sheet-model';

const KEY = 'Date';
const MANAGED = ['Steps', 'Distance (km)'];

function dayRows(start: string, end: string, seed = 1): UpsertRow[] {
  return eachDay({ start, end }).map((date, i) => ({
    date,
    cells: { Steps: 1000 * seed + i, 'Distance (km)': i === 1 ? null : seed + i / 10 },
  }));
}

function sync(grid: Grid, rows: UpsertRow[], managed = MANAGED) {
  const plan = planUpsert({
    ...readSheet(grid, KEY),
    keyHeader: KEY,
    managedHeaders: managed,
    rows,
  });
  return { plan, grid: applyPlan(grid, plan) };
}

function dates(grid: Grid, col = 0): string[] {
  return grid.slice(1).map((r) => String(r[col]));
}

describe('sheet upsert planner', () => {
  it('backfills an empty sheet with the header and all days in one block', () => {
    const { plan, grid } = sync([], dayRows('2025-11-22', '2026-11-21'));
    expect(plan.writes).toHaveLength(1);
    expect(plan.insertRows).toEqual([]);
    expect(grid[0]).toEqual(['Date', 'Steps', 'Distance (km)']);
    expect(grid).toHaveLength(366);
    expect(grid[1]).toEqual(['2025-11-22', 1000, 1]);
    expect(grid[2]).toEqual(['2025-11-23', 1001, '']);
  });

  it('appends new days after existing ones in one block without inserting rows', () => {
    const first = sync([], dayRows('2026-11-01', '2026-11-10')).grid;
    const { plan, grid } = sync(first, dayRows('2026-11-11', '2026-11-21'));
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0].row).toBe(12);
    expect(plan.insertRows).toEqual([]);
    expect(dates(grid)).toEqual(eachDay({ start: '2026-11-01', end: '2026-11-21' }));
  });

  it('re-syncs an overlapping window in place and appends the rest, in one block', () => {
    const first = sync([], dayRows('2026-11-01', '2026-11-20')).grid;
    const { plan, grid } = sync(first, dayRows('2026-11-15', '2026-11-22', 7));
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0]).toMatchObject({ row: 16, column: 1 });
    expect(dates(grid)).toEqual(eachDay({ start: '2026-11-01', end: '2026-11-22' }));
    expect(grid[15]).toEqual(['2026-11-15', 7000, 7]);
    expect(grid[14]).toEqual(['2026-11-14', 1013, 2.3]);
  });

  it('leaves an identical sheet after re-syncing identical data', () => {
    const first = sync([], dayRows('2026-11-01', '2026-11-20')).grid;
    const again = sync(first, dayRows('2026-11-01', '2026-11-20')).grid;
    expect(again).toEqual(first);
    const lastTen = dayRows('2026-11-01', '2026-11-20').filter((r) => r.date >= '2026-11-10');
    expect(sync(again, lastTen).plan.writes).toHaveLength(1);
    expect(sync(again, lastTen).grid).toEqual(first);
  });

  it('keeps the number of blocks constant as the number of days grows', () => {
    for (const n of [2, 30, 1000]) {
      const base = sync([], dayRows('2020-01-01', addDays('2020-01-01', n - 1))).grid;
      const last = addDays('2020-01-01', n - 1);
      expect(sync([], dayRows('2020-01-01', last)).plan.writes).toHaveLength(1);
      expect(sync(base, dayRows(addDays(last, 1), addDays(last, n))).plan.writes).toHaveLength(1);
      expect(
        sync(base, dayRows(addDays(last, -Math.floor(n / 2)), addDays(last, 3))).plan.writes,
      ).toHaveLength(1);
      const older = sync(base, dayRows(addDays('2020-01-01', -n), '2019-12-31'));
      expect(older.plan.writes).toHaveLength(1);
      expect(older.plan.insertRows).toHaveLength(1);
    }
  });

  it('inserts older days above existing ones and fills gaps in ascending order', () => {
    const base = sync(
      [],
      [...dayRows('2026-11-10', '2026-11-12'), ...dayRows('2026-11-15', '2026-11-16')],
    ).grid;
    const { plan, grid } = sync(base, dayRows('2026-11-08', '2026-11-16', 3));
    expect(dates(grid)).toEqual(eachDay({ start: '2026-11-08', end: '2026-11-16' }));
    expect(plan.insertRows).toEqual([
      { beforeRow: 5, count: 2 },
      { beforeRow: 2, count: 2 },
    ]);
    expect(plan.writes).toHaveLength(1);
  });

  it('never touches columns the person added, wherever they are', () => {
    const base = sync([], dayRows('2026-11-01', '2026-11-05')).grid;
    // The person adds a notes column between the managed ones and one at the end.
    const withNotes = base.map((r, i) => [
      r[0],
      r[1],
      i === 0 ? 'Mood' : `m${i}`,
      r[2],
      i === 0 ? 'Note' : `n${i}`,
    ]);
    const { plan, grid } = sync(withNotes, dayRows('2026-11-04', '2026-11-07', 5));
    expect(plan.writes).toHaveLength(2);
    expect(grid[0]).toEqual(['Date', 'Steps', 'Mood', 'Distance (km)', 'Note']);
    expect(grid.slice(1, 6).map((r) => [r[2], r[4]])).toEqual(
      [1, 2, 3, 4, 5].map((i) => [`m${i}`, `n${i}`]),
    );
    expect(grid[6]).toEqual(['2026-11-06', 5002, '', 5.2, '']);
    expect(sync(grid, dayRows('2026-11-04', '2026-11-07', 5)).grid).toEqual(grid);
  });

  it('finds a managed column the person moved by its header name', () => {
    const base = sync([], dayRows('2026-11-01', '2026-11-03')).grid;
    const moved = base.map((r) => [r[2], r[0], r[1]]);
    const { plan, grid } = sync(moved, dayRows('2026-11-03', '2026-11-04', 9));
    expect(plan.columns).toEqual({ Date: 2, Steps: 3, 'Distance (km)': 1 });
    expect(grid[0]).toEqual(['Distance (km)', 'Date', 'Steps']);
    expect(grid[3]).toEqual([9, '2026-11-03', 9000]);
    expect(grid[4]).toEqual(['', '2026-11-04', 9001]);
  });

  it('re-adds a managed header the person renamed, at the right, leaving the renamed column alone', () => {
    const base = sync([], dayRows('2026-11-01', '2026-11-03')).grid;
    base[0][1] = 'My steps';
    const { plan, grid } = sync(base, dayRows('2026-11-03', '2026-11-03', 4));
    expect(grid[0]).toEqual(['Date', 'My steps', 'Distance (km)', 'Steps']);
    expect(grid.map((r) => r[1])).toEqual(['My steps', 1000, 1001, 1002]);
    expect(grid[3]).toEqual(['2026-11-03', 1002, 4, 4000]);
    expect(plan.minColumns).toBe(4);
    // The person's column now sits between managed ones: two column runs, header and one day.
    expect(plan.writes.map((w) => [w.row, w.column])).toEqual([
      [1, 1],
      [1, 3],
      [4, 1],
      [4, 3],
    ]);
  });

  it('updates the first row of a duplicated date, leaves the repeats untouched and names them', () => {
    const base = sync([], dayRows('2026-11-01', '2026-11-04')).grid;
    const pasted: Grid = [
      ...base,
      ['2026-11-02', 5, 5, 'mine'],
      ['2026-11-03', 6, 6, 'mine too'],
      [...base[1], 'also mine'],
    ];
    const { plan, grid } = sync(pasted, dayRows('2026-11-02', '2026-11-06', 2));
    // New days follow the add-on's last date, above the pasted rows.
    expect(plan.insertRows).toEqual([{ beforeRow: 6, count: 2 }]);
    expect(plan.duplicates).toEqual([
      { date: '2026-11-01', kept: 2, left: [10] },
      { date: '2026-11-02', kept: 3, left: [8] },
      { date: '2026-11-03', kept: 4, left: [9] },
    ]);
    expect(grid.map((r) => r[0])).toEqual([
      'Date',
      ...eachDay({ start: '2026-11-01', end: '2026-11-06' }),
      '2026-11-02',
      '2026-11-03',
      '2026-11-01',
    ]);
    // The first rows got the new values; the repeats, with the person's column, are as they were.
    expect(grid[2].slice(0, 3)).toEqual(['2026-11-02', 2000, 2]);
    expect(grid.slice(7, 10)).toEqual(pasted.slice(5, 8));
  });

  it('names duplicates in the rows they end up in after new dates are inserted above them', () => {
    const base = sync([], dayRows('2026-11-03', '2026-11-05')).grid;
    const pasted: Grid = [...base, ['2026-11-04', 9, 9]];
    const { plan, grid } = sync(pasted, dayRows('2026-11-01', '2026-11-02'));
    expect(plan.insertRows).toEqual([{ beforeRow: 2, count: 2 }]);
    expect(plan.duplicates).toEqual([{ date: '2026-11-04', kept: 5, left: [7] }]);
    expect(grid[4][0]).toBe('2026-11-04');
    expect(grid[6]).toEqual(['2026-11-04', 9, 9]);
  });

  it('keeps rows the person inserted and puts new days above a totals row', () => {
    const base = sync([], dayRows('2026-11-01', '2026-11-03')).grid;
    const edited: Grid = [
      base[0],
      base[1],
      ['holiday', '', ''],
      base[2],
      base[3],
      ['Total', 3003, 3.3],
    ];
    const { plan, grid } = sync(edited, dayRows('2026-11-03', '2026-11-05', 2));
    expect(grid.map((r) => r[0])).toEqual([
      'Date',
      '2026-11-01',
      'holiday',
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      'Total',
    ]);
    expect(grid[7]).toEqual(['Total', 3003, 3.3]);
    expect(plan.insertRows).toEqual([{ beforeRow: 6, count: 2 }]);
    expect(plan.writes).toHaveLength(1);
  });

  it('leaves cells alone for metrics not fetched and clears cells of absent days', () => {
    const base = sync([], dayRows('2026-11-01', '2026-11-03')).grid;
    const { grid } = sync(base, [
      { date: '2026-11-02', cells: { Steps: 42 } },
      { date: '2026-11-03', cells: { Steps: null, 'Distance (km)': undefined } },
    ]);
    expect(grid[2]).toEqual(['2026-11-02', 42, '']);
    expect(grid[3]).toEqual(['2026-11-03', '', 1.2]);
  });

  it('never loses a row, writes every date, leaves repeats alone and converges, on random messy sheets', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let trial = 0; trial < 200; trial++) {
      const grid: Grid = [['Date', 'Steps', 'Note', 'Distance (km)']];
      for (let i = 0; i < rand(15); i++) {
        grid.push(
          rand(5) === 0
            ? ['person', '', `p${i}`, '']
            : [addDays('2026-11-01', rand(12)), i, `n${i}`, i],
        );
      }
      const start = addDays('2026-11-01', rand(14) - 2);
      const rows = dayRows(start, addDays(start, rand(6)), 3);
      const { plan, grid: once } = sync(grid, rows);
      // Every row of the sheet is still there, in the same order, with the person's note.
      const notes = (g: Grid) => g.slice(1).map((r) => r[2]);
      expect(notes(once).filter((n) => n !== '')).toEqual(notes(grid));
      const firstRow = new Map<string, number>();
      once.forEach((r, i) => {
        if (i > 0 && r[0] !== 'person' && !firstRow.has(String(r[0])))
          firstRow.set(String(r[0]), i + 1);
      });
      for (const r of rows) {
        const written = once[firstRow.get(r.date)! - 1];
        expect(written[1]).toBe(r.cells.Steps);
      }
      // Repeats are whole rows of the original sheet, named where they now are.
      for (const d of plan.duplicates) {
        expect(d.kept).toBe(firstRow.get(d.date));
        for (const left of d.left) {
          expect(once[left - 1][0]).toBe(d.date);
          expect(grid).toContainEqual(once[left - 1]);
        }
      }
      expect(sync(once, rows).grid).toEqual(once);
      expect(sync(once, rows).plan.insertRows).toEqual([]);
    }
  });

  it('plans nothing for an empty sheet with nothing to write', () => {
    const plan = planUpsert({
      header: [],
      keys: [],
      lastRow: 0,
      keyHeader: KEY,
      managedHeaders: MANAGED,
      rows: [],
    });
    expect(plan.writes).toEqual([]);
  });
});
