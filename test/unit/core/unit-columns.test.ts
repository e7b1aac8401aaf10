// A change of units on the sheet: the column of a metric is found under its old unit, its header
// and the add-on's rows move to the new unit in place, and nothing of the person's is written.
import { eachDay } from '../../../src/core/dates';
import {
  conversionWrites,
  otherUnitOf,
  type ColumnConversion,
  type UnitColumn,
} from '../../../src/core/unit-columns';
import { planUpsert, type UpsertRow } from '../../../src/core/upsert-plan';
import { unitColumnsFor } from '../../../src/providers/metrics';
import { applyPlan, readSheet, type Grid } from './sheet-model';

const KEY = 'Date';
const US = ['Steps', 'Distance (mi)', 'Elevation (ft)'];
const METRIC = ['Steps', 'Distance (km)', 'Elevation (m)'];

function sync(grid: Grid, managed: string[], rows: UpsertRow[]) {
  const plan = planUpsert({
    ...readSheet(grid, KEY),
    keyHeader: KEY,
    managedHeaders: managed,
    unitColumns: unitColumnsFor(managed),
    rows,
  });
  return { plan, grid: applyPlan(grid, plan) };
}

function days(start: string, end: string, managed: string[], values: (i: number) => number[]) {
  return eachDay({ start, end }).map((date, i) => ({
    date,
    cells: Object.fromEntries(managed.map((h, k) => [h, values(i)[k]])),
  }));
}

const DISTANCE_MI: UnitColumn = {
  header: 'Distance (mi)',
  name: 'Distance',
  quantity: 'distance',
  unit: 'mi',
  decimals: 3,
};

describe('unit columns', () => {
  it('recognises the same metric under another known unit only', () => {
    expect(otherUnitOf('Distance (km)', DISTANCE_MI)).toBe('km');
    expect(otherUnitOf(' distance (KM) ', DISTANCE_MI)).toBe('km');
    expect(otherUnitOf('Distance (mi)', DISTANCE_MI)).toBeNull();
    expect(otherUnitOf('Distance (my notes)', DISTANCE_MI)).toBeNull();
    expect(otherUnitOf('Elevation (m)', DISTANCE_MI)).toBeNull();
  });

  it('describes the unit-carrying headers with their metric, quantity and decimals', () => {
    expect(unitColumnsFor(['Steps', 'Weight (st)', 'Calories (kcal)'])).toEqual([
      { header: 'Weight (st)', name: 'Weight', quantity: 'weight', unit: 'st', decimals: 2 },
      {
        header: 'Calories (kcal)',
        name: 'Calories',
        quantity: 'energy',
        unit: 'kcal',
        decimals: 0,
      },
    ]);
  });

  it('converts the add-on rows in one block with the header, skipping text the person typed', () => {
    const conversion: ColumnConversion = {
      column: 3,
      header: 'Distance (mi)',
      quantity: 'distance',
      from: 'km',
      to: 'mi',
      decimals: 3,
      rows: [2, 3, 4, 6],
    };
    const values = ['Distance (km)', 1.609, '', 'n/a', 'person', 16.09344];
    expect(conversionWrites(conversion, values)).toEqual([
      { row: 1, column: 3, values: [['Distance (mi)'], [1], ['']] },
      { row: 6, column: 3, values: [[10]] },
    ]);
  });

  it('a change to US units rewrites the header and converts every day in place, one column per metric', () => {
    const metricDays = days('2026-11-01', '2026-11-05', METRIC, (i) => [1000 + i, 5 + i, 10 + i]);
    const before = sync([], METRIC, metricDays).grid.map((r) => [...r, '']);
    before[0][4] = 'Note';
    before[2][4] = 'mine';
    before.splice(3, 0, ['holiday', '', 'walked a lot', '', 'mine too']);
    before.push(['2026-11-02', 1, 2, 3, 'a pasted repeat']);

    // The new sync covers only the last two days; every older day is converted.
    const fresh = days('2026-11-04', '2026-11-05', US, (i) => [2000 + i, 3.5 + i, 40 + i]);
    const { plan, grid } = sync(before, US, fresh);
    expect(grid[0]).toEqual(['Date', 'Steps', 'Distance (mi)', 'Elevation (ft)', 'Note']);
    expect(plan.conversions.map((c) => [c.column, c.from, c.to])).toEqual([
      [3, 'km', 'mi'],
      [4, 'm', 'ft'],
    ]);
    expect(grid.map((r) => r[0])).toEqual(before.map((r) => r[0]));
    // 5 km = 3.107 mi, 10 m = 32.81 ft, and so on; steps are untouched by a change of units.
    expect(grid[1]).toEqual(['2026-11-01', 1000, 3.107, 32.81, '']);
    expect(grid[2]).toEqual(['2026-11-02', 1001, 3.728, 36.09, 'mine']);
    expect(grid[4]).toEqual(['2026-11-03', 1002, 4.35, 39.37, '']);
    expect(grid[5]).toEqual(['2026-11-04', 2000, 3.5, 40, '']);
    expect(grid[6]).toEqual(['2026-11-05', 2001, 4.5, 41, '']);
    // The person's row and the repeated date are exactly as they were.
    expect(grid[3]).toEqual(before[3]);
    expect(grid[7]).toEqual(before[7]);
    expect(plan.duplicates).toEqual([{ date: '2026-11-02', kept: 3, left: [8] }]);

    // Syncing again in US units finds the converted columns: nothing to convert, nothing added.
    const again = sync(grid, US, fresh);
    expect(again.plan.conversions).toEqual([]);
    expect(again.grid).toEqual(grid);
  });

  it('converting back and forth moves a value by at most one unit of its last decimal', () => {
    let grid = sync(
      [],
      METRIC,
      days('2026-11-01', '2026-11-01', METRIC, () => [1, 5.123, 12.34]),
    ).grid;
    for (let i = 0; i < 4; i++) {
      grid = sync(grid, US, []).grid;
      expect(grid[0]).toEqual(['Date', 'Steps', 'Distance (mi)', 'Elevation (ft)']);
      grid = sync(grid, METRIC, []).grid;
    }
    expect(grid[0]).toEqual(['Date', 'Steps', 'Distance (km)', 'Elevation (m)']);
    expect(Math.abs((grid[1][2] as number) - 5.123)).toBeLessThanOrEqual(0.001);
    expect(Math.abs((grid[1][3] as number) - 12.34)).toBeLessThanOrEqual(0.01);
  });

  it('keeps a column already in the wanted unit and leaves an old one of the same metric alone', () => {
    const grid: Grid = [
      ['Date', 'Distance (km)', 'Distance (mi)'],
      ['2026-11-01', 5, 3.107],
    ];
    const { plan, grid: after } = sync(
      grid,
      ['Distance (mi)'],
      [{ date: '2026-11-01', cells: { 'Distance (mi)': 3.2 } }],
    );
    expect(plan.conversions).toEqual([]);
    expect(after).toEqual([
      ['Date', 'Distance (km)', 'Distance (mi)'],
      ['2026-11-01', 5, 3.2],
    ]);
  });
});
