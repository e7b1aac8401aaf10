// A managed column found under another unit (the person switched metric / US / UK): which header
// cell names the same metric, and the writes that put that column's values in the new unit.
/**
 * API:
 * - `UnitColumn`: a managed column whose header carries a unit ('Distance (mi)': name 'Distance',
 *   unit 'mi', its quantity and decimals).
 * - `otherUnitOf(cell, column)`: the unit label when a header cell names the same metric in
 *   another unit of its quantity ('Distance (km)'), else null. Only the known labels count, so a
 *   header the person wrote ('Distance (my notes)') is never taken for the add-on's column.
 * - `ColumnConversion`: one column to convert (planned by `planUpsert`).
 * - `conversionWrites(conversion, values)`: the write blocks for it, given the column's cells from
 *   row 1 down (index 0 = row 1): row 1 gets the new header, the add-on's rows their numbers
 *   converted and rounded to the metric's decimals. Blank cells stay blank; a cell holding
 *   anything but a number (text the person typed) is not written, and neither is any row that is
 *   not the add-on's (the person's rows, duplicate dates): the blocks skip them.
 *
 * Why convert in place rather than fetch the history again in the new unit: the header and every
 * value of the column change in one setValues when the add-on's rows are contiguous (the usual
 * sheet), so the column is never half in one unit. (Where the person's own rows or repeated dates
 * split them, each run is its own setValues, one after the other in the same execution; an
 * execution killed between two of them would leave the runs below in the old unit, which is not
 * repaired automatically: a backfill rewrites them.) no request is spent (a 10-year history in Google Health is
 * about 80 requests per converted metric, spread over hours by the rate limit, with the column
 * mixed in the meantime); and it works for days the provider no longer serves. The price is one
 * rounding per change: the factors are exact, but the cell kept only the metric's decimals, so a
 * converted value can differ from a fresh fetch by one unit of its last decimal (1 m in km,
 * 1.6 m in mi, 1 cm in m, 3 mm in ft, 10 g in kg, 4.5 g in lb, 64 g in st). Each later change
 * back and forth adds at most that again; every sync replaces the days it covers with the
 * provider's own values, and a backfill replaces all of them.
 */
import { convertBetween, roundTo, unitLabels, type Quantity } from './units';
import type { CellValue, WriteBlock } from './write-block';

export interface UnitColumn {
  /** The header as written now, e.g. 'Distance (mi)'. */
  header: string;
  /** The header without the unit: 'Distance'. */
  name: string;
  quantity: Quantity;
  /** The unit in the header now ('mi'). */
  unit: string;
  decimals: number;
}

export interface ColumnConversion {
  /** 1-based column, before and after the plan (conversions never move columns). */
  column: number;
  /** The header cell's new text. */
  header: string;
  quantity: Quantity;
  from: string;
  to: string;
  decimals: number;
  /** The add-on's rows (first row of each date), ascending, as numbered before the plan. */
  rows: number[];
}

function normalize(value: unknown): string {
  return String(value ?? '')
    .trim()
    .toLowerCase();
}

export function otherUnitOf(cell: unknown, column: UnitColumn): string | null {
  const text = normalize(cell);
  for (const label of unitLabels(column.quantity)) {
    if (label === column.unit) continue;
    if (text === normalize(`${column.name} (${label})`)) return label;
  }
  return null;
}

/** The last row the conversion reads and may write (the span the adapter reads in one call). */
export function conversionSpan(conversion: ColumnConversion): number {
  return Math.max(1, ...conversion.rows);
}

export function conversionWrites(
  conversion: ColumnConversion,
  values: readonly unknown[],
): WriteBlock[] {
  const cells = new Map<number, CellValue>([[1, conversion.header]]);
  for (const row of conversion.rows) {
    const value = values[row - 1];
    if (value === '' || value === null || value === undefined) cells.set(row, '');
    else if (typeof value === 'number' && Number.isFinite(value))
      cells.set(
        row,
        roundTo(
          convertBetween(conversion.quantity, value, conversion.from, conversion.to),
          conversion.decimals,
        ),
      );
  }
  const rows = [...cells.keys()].sort((a, b) => a - b);
  const blocks: WriteBlock[] = [];
  for (const row of rows) {
    const last = blocks[blocks.length - 1];
    const value = cells.get(row) as CellValue;
    if (last && last.row + last.values.length === row) last.values.push([value]);
    else blocks.push({ row, column: conversion.column, values: [[value]] });
  }
  return blocks;
}
