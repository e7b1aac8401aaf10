// Plans how day rows land in the sheet: which rows to update in place, where new dates are
// inserted in ascending order, which columns move to a new unit, and the fewest rectangular
// blocks (one setValues each) that write it all. It never plans to delete a row.
/**
 * API: `planUpsert(input)` -> `UpsertPlan`; `findColumn(header, name)`.
 *
 * Input (what the gas layer reads: the header row and the key column, nothing else):
 * - `header`: row 1 as read ([] for an empty sheet). Columns are matched by header NAME (trimmed,
 *   case-insensitive), so a column the person moved is still found; a managed header that is
 *   missing (never written, or renamed by the person) is appended at the right.
 * - `keys`: the key column below the header (rows 2..), as 'yyyy-MM-dd' or null for anything
 *   else (a blank or a row the person inserted). Non-date rows are never touched.
 * - `lastRow`: sheet.getLastRow().
 * - `keyHeader` ('Date') and `managedHeaders` (metric headers in order).
 * - `unitColumns` (optional): the managed headers that carry a unit. A header naming the same
 *   metric in another unit ('Distance (km)' when 'Distance (mi)' is wanted) is that column: it
 *   is converted in place (see unit-columns.ts), so a change of units keeps one column per metric.
 * - `rows`: { date, cells: { header: number | string | null | undefined } }: a value is written, null
 *   clears the cell (asked for, provider had no data), undefined leaves the cell alone.
 *
 * Output, applied in this order:
 * 1. `conversions` (original row numbers): columns found under another unit; the gas layer reads
 *    each one's cells and writes `conversionWrites` (new header, the add-on's rows converted).
 * 2. `insertRows` (bottom-up): `insertRowsBefore(beforeRow, count)` for new dates that belong
 *    between existing rows. New dates after the last used row need no insertion, only `minRows`.
 * 3. `writes`: { row, column, values } blocks in final row numbers; the header row is included
 *    when a column was added or renamed. Rows with the same written columns that are adjacent
 *    share a block, so appending, re-syncing the last N days or backfilling an empty sheet is one
 *    block whatever the number of days (times the number of column runs when the person put a
 *    column between managed ones). Columns the person added are never written.
 * 4. `minRows` / `minColumns`: the sheet must be at least this large before the writes.
 * `duplicates`: dates the key column holds more than once, in final row numbers. The first row of
 * a date is the add-on's (updated, converted); the others are left exactly as they are, since
 * they may hold the person's own columns, and are named so the person can tidy them.
 * Dates are written as 'yyyy-MM-dd' strings; the gas layer may convert them to its date cells.
 * Replaying the same input on the resulting sheet yields only in-place writes of the same values.
 */
import { isCivilDate, type CivilDate } from './dates';
import { otherUnitOf, type ColumnConversion, type UnitColumn } from './unit-columns';
import type { CellValue, WriteBlock } from './write-block';

export type { CellValue, WriteBlock };

export interface UpsertRow {
  date: CivilDate;
  cells: Record<string, number | string | null | undefined>;
}

export interface UpsertInput {
  header: readonly unknown[];
  keys: readonly (string | null)[];
  lastRow: number;
  keyHeader: string;
  managedHeaders: readonly string[];
  unitColumns?: readonly UnitColumn[];
  rows: readonly UpsertRow[];
}

/** A date found in more than one row: `kept` is updated, `left` are not touched. */
export interface DuplicateDate {
  date: CivilDate;
  kept: number;
  left: number[];
}

export interface UpsertPlan {
  conversions: ColumnConversion[];
  insertRows: { beforeRow: number; count: number }[];
  writes: WriteBlock[];
  minRows: number;
  minColumns: number;
  duplicates: DuplicateDate[];
  /** 1-based column of the key and of each managed header after the plan is applied. */
  columns: Record<string, number>;
}

function normalize(value: unknown): string {
  return String(value ?? '')
    .trim()
    .toLowerCase();
}

/** 1-based column of the first header cell matching the name (trimmed, case-insensitive), or null. */
export function findColumn(header: readonly unknown[], name: string): number | null {
  const wanted = normalize(name);
  const index = header.findIndex((cell) => normalize(cell) === wanted);
  return index < 0 ? null : index + 1;
}

interface Placement {
  columns: Record<string, number>;
  /** Header text to write per column when the header row needs writing. */
  headerCells: Map<number, string>;
  headerChanged: boolean;
  /** Columns found under another unit (rows filled in by the caller). */
  conversions: ColumnConversion[];
}

function placeColumns(input: UpsertInput): Placement {
  const header = input.header.every((c) => normalize(c) === '') ? [] : input.header;
  const columns: Record<string, number> = {};
  const headerCells = new Map<number, string>();
  const conversions: ColumnConversion[] = [];
  const claimed = new Set<number>();
  let next = header.length + 1;
  let headerChanged = false;
  const names = [input.keyHeader, ...input.managedHeaders];
  // Exact names first, so a column already in the wanted unit is never taken for another one.
  for (const name of names) {
    if (columns[name] !== undefined) continue;
    const found = findColumn(header, name);
    if (found === null || claimed.has(found)) continue;
    columns[name] = found;
    claimed.add(found);
    // Keep the person's spelling of a matched header so a re-sync changes nothing.
    headerCells.set(found, String(header[found - 1]));
  }
  for (const name of names) {
    if (columns[name] !== undefined) continue;
    const unitColumn = input.unitColumns?.find((u) => u.header === name);
    const index = unitColumn
      ? header.findIndex((cell, i) => !claimed.has(i + 1) && otherUnitOf(cell, unitColumn) !== null)
      : -1;
    if (unitColumn && index >= 0) {
      const column = index + 1;
      columns[name] = column;
      claimed.add(column);
      headerCells.set(column, name);
      headerChanged = true;
      conversions.push({
        column,
        header: name,
        quantity: unitColumn.quantity,
        from: otherUnitOf(header[index], unitColumn) as string,
        to: unitColumn.unit,
        decimals: unitColumn.decimals,
        rows: [],
      });
    } else {
      columns[name] = next;
      headerCells.set(next, name);
      next += 1;
      headerChanged = true;
    }
  }
  return { columns, headerCells, headerChanged, conversions };
}

/** Greatest index i with sorted[i] < date, or -1. */
function predecessorIndex(sorted: readonly CivilDate[], date: CivilDate): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < date) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

interface RowWrite {
  row: number;
  cells: Map<number, CellValue>;
}

function maskKey(cells: Map<number, CellValue>): string {
  return [...cells.keys()].sort((a, b) => a - b).join(',');
}

function toBlocks(rowWrites: RowWrite[]): WriteBlock[] {
  const sorted = [...rowWrites].sort((a, b) => a.row - b.row);
  const blocks: WriteBlock[] = [];
  let i = 0;
  while (i < sorted.length) {
    const key = maskKey(sorted[i].cells);
    let j = i + 1;
    while (
      j < sorted.length &&
      sorted[j].row === sorted[j - 1].row + 1 &&
      maskKey(sorted[j].cells) === key
    )
      j++;
    const run = sorted.slice(i, j);
    const columns = [...run[0].cells.keys()].sort((a, b) => a - b);
    let c = 0;
    while (c < columns.length) {
      let d = c + 1;
      while (d < columns.length && columns[d] === columns[d - 1] + 1) d++;
      const cols = columns.slice(c, d);
      blocks.push({
        row: run[0].row,
        column: cols[0],
        values: run.map((w) => cols.map((col) => w.cells.get(col) as CellValue)),
      });
      c = d;
    }
    i = j;
  }
  return blocks;
}

function mergeInputRows(rows: readonly UpsertRow[]): Map<CivilDate, UpsertRow['cells']> {
  const merged = new Map<CivilDate, UpsertRow['cells']>();
  for (const row of rows) {
    if (!isCivilDate(row.date)) throw new RangeError(`Not a yyyy-MM-dd date: ${row.date}`);
    merged.set(row.date, { ...(merged.get(row.date) ?? {}), ...row.cells });
  }
  return merged;
}

export function planUpsert(input: UpsertInput): UpsertPlan {
  const placement = placeColumns(input);
  const { columns } = placement;
  const hasHeader = input.header.some((c) => normalize(c) !== '');
  const usedRows = Math.max(input.lastRow, hasHeader ? 1 : 0);
  const dataRows = Math.max(usedRows - 1, input.keys.length);
  const keyColumnExisted = findColumn(input.header, input.keyHeader) !== null;

  // Existing dated rows: the first row of each date is the add-on's; later repeats are the
  // person's business (a paste, a typo) and are only reported.
  const rowOf = new Map<CivilDate, number>();
  const repeats = new Map<CivilDate, number[]>();
  if (keyColumnExisted) {
    input.keys.forEach((key, i) => {
      if (!isCivilDate(key)) return;
      if (!rowOf.has(key)) rowOf.set(key, i + 2);
      else repeats.set(key, [...(repeats.get(key) ?? []), i + 2]);
    });
  }
  const existingDates = [...rowOf.keys()].sort();
  const addOnRows = [...rowOf.values()].sort((a, b) => a - b);
  const conversions = placement.conversions.map((c) => ({ ...c, rows: addOnRows }));

  // New dates go right after the row of the closest earlier date, or before the earliest date.
  const wanted = mergeInputRows(input.rows);
  const appendAnchor = dataRows + 2;
  const groups = new Map<number, CivilDate[]>();
  for (const date of [...wanted.keys()].sort()) {
    if (rowOf.has(date)) continue;
    const p = predecessorIndex(existingDates, date);
    const anchor =
      p >= 0
        ? rowOf.get(existingDates[p])! + 1
        : existingDates.length > 0
          ? rowOf.get(existingDates[0])!
          : appendAnchor;
    const group = groups.get(anchor) ?? [];
    group.push(date);
    groups.set(anchor, group);
  }

  // Final layout: every original row in order, new groups before their anchor row.
  const finalRowOfDate = new Map<CivilDate, number>();
  const finalRowOf = new Map<number, number>();
  let finalRow = 2;
  for (let r = 2; r <= appendAnchor; r++) {
    for (const date of groups.get(r) ?? []) finalRowOfDate.set(date, finalRow++);
    if (r < appendAnchor) {
      const date = input.keys[r - 2];
      if (keyColumnExisted && isCivilDate(date) && rowOf.get(date) === r)
        finalRowOfDate.set(date, finalRow);
      finalRowOf.set(r, finalRow);
      finalRow++;
    }
  }
  const finalRowCount = finalRow - 1;

  const insertRows = [...groups.entries()]
    .filter(([anchor]) => anchor < appendAnchor)
    .sort((a, b) => b[0] - a[0])
    .map(([anchor, dates]) => ({ beforeRow: anchor, count: dates.length }));

  const rowWrites: RowWrite[] = [];
  const needsHeader = wanted.size > 0 && (placement.headerChanged || !hasHeader);
  if (needsHeader) rowWrites.push({ row: 1, cells: new Map(placement.headerCells) });
  for (const [date, cells] of wanted) {
    const row = new Map<number, CellValue>([[columns[input.keyHeader], date]]);
    for (const name of input.managedHeaders) {
      const value = cells[name];
      if (value === undefined) continue;
      row.set(columns[name], value === null ? '' : value);
    }
    rowWrites.push({ row: finalRowOfDate.get(date)!, cells: row });
  }

  const duplicates: DuplicateDate[] = [...repeats.entries()]
    .map(([date, rows]) => ({
      date,
      kept: finalRowOf.get(rowOf.get(date)!)!,
      left: rows.map((r) => finalRowOf.get(r)!),
    }))
    .sort((a, b) => a.kept - b.kept);

  const allColumns = Object.values(columns);
  return {
    conversions,
    insertRows,
    writes: toBlocks(rowWrites),
    minRows: Math.max(finalRowCount, needsHeader ? 1 : 0),
    minColumns: Math.max(input.header.length, ...allColumns),
    duplicates,
    columns,
  };
}
