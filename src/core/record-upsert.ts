// Plans how records land in a record sheet (one row per key): rows whose record has a newer
// version are rewritten in place, new keys are appended in order below the last row, nothing else
// is touched, and the whole plan is a fixed number of rectangular writes whatever the row count.
/**
 * API: `planRecordUpsert(input)` -> `RecordUpsertPlan`.
 *
 * Input:
 * - `table`: the sheet's used range as read (row 1 the header; [] for an empty sheet), date-time
 *   cells already turned into their 'yyyy-MM-dd HH:mm' text by the reader.
 * - `layout`: `keyHeader`, `versionHeader` (null: rows are compared by content instead),
 *   optional `orderHeader` (new rows are appended sorted by it, then by key), and `headers`, every
 *   managed header in order (key and version included). Columns are found by header text
 *   (trimmed, case-insensitive), so a column the person moved is still found; a missing one is
 *   added at the right.
 * - `records`: the records of this sheet (several per key: the newest version is taken).
 *
 * Output, applied in this order (each block one setValues):
 * 1. The header cells of columns added now (row 1).
 * 2. In-place updates: one block per run of adjacent managed columns, spanning the first to the
 *    last updated row; rows in between get back what was read. The run holding the version column
 *    comes last, so an interrupted update leaves the old version and is redone by the next run.
 * 3. Appends: one block from the first to the last managed column (new rows have nothing of the
 *    person's), so an interrupted append is all or nothing: never a row without its key.
 * `minRows`/`minColumns`: the sheet must be at least this large before the writes. `textColumns`:
 * key and version columns, to be kept as plain text (Sheets would parse some keys as dates).
 * `duplicates`: keys the sheet holds more than once; the first row is the add-on's, others stay.
 * A row is rewritten when the incoming version is newer than the one it holds, or when a managed
 * column was added by this plan (a change of units adds one), so a re-sync of unchanged records
 * plans no write at all. A managed header a record does not name in its cells is not the record's:
 * an update keeps what the row holds there, a new row leaves it blank (intraday's heart rate and
 * steps fill one row from two requests that may come in different runs).
 */
import { findColumn } from './upsert-plan';
import { isNewerVersion, latestPerKey, type RecordCell, type SheetRecord } from './records';

/** What a cell holds as the planner sees it (the reader turns dates into text). */
export type TableValue = string | number | boolean;

export interface RecordBlock {
  row: number;
  column: number;
  values: TableValue[][];
}

export interface RecordLayout {
  keyHeader: string;
  versionHeader: string | null;
  orderHeader?: string;
  headers: readonly string[];
}

export interface RecordUpsertInput {
  table: readonly (readonly TableValue[])[];
  layout: RecordLayout;
  records: readonly SheetRecord[];
}

export interface RecordUpsertPlan {
  writes: RecordBlock[];
  minRows: number;
  minColumns: number;
  /** 1-based column of each managed header once the plan is applied. */
  columns: Record<string, number>;
  textColumns: number[];
  updated: number;
  appended: number;
  duplicates: string[];
}

function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

function cellValue(value: RecordCell | undefined): TableValue {
  return value === null || value === undefined ? '' : value;
}

function keyText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

/** Adjacent runs of the given 1-based columns, ascending. */
function columnRuns(columns: number[]): number[][] {
  const runs: number[][] = [];
  for (const c of [...columns].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

function compareCells(a: RecordCell | undefined, b: RecordCell | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = a === null || a === undefined ? '' : String(a);
  const y = b === null || b === undefined ? '' : String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function sameContent(
  row: readonly TableValue[],
  record: SheetRecord,
  layout: RecordLayout,
  columns: Record<string, number>,
): boolean {
  return layout.headers.every((h) => {
    // A column the record does not name is not its to compare (nor to write).
    if (h !== layout.keyHeader && h !== layout.versionHeader && !(h in record.cells)) return true;
    const want = h === layout.keyHeader ? record.key : cellValue(record.cells[h]);
    const have = row[columns[h] - 1];
    return (isBlank(have) && want === '') || have === want;
  });
}

export function planRecordUpsert(input: RecordUpsertInput): RecordUpsertPlan {
  const { layout } = input;
  const headerRow = input.table[0] ?? [];
  const header = headerRow.every(isBlank) ? [] : headerRow;
  const columns: Record<string, number> = {};
  const added: number[] = [];
  let next = header.length + 1;
  for (const name of layout.headers) {
    const found = findColumn(header, name);
    const taken = found !== null && Object.values(columns).includes(found);
    if (found !== null && !taken) columns[name] = found;
    else {
      columns[name] = next++;
      added.push(columns[name]);
    }
  }
  const keyColumn = columns[layout.keyHeader];
  const versionColumn = layout.versionHeader === null ? null : columns[layout.versionHeader];
  const managed = layout.headers.map((h) => columns[h]);
  const lastRow = header.length === 0 ? 1 : Math.max(1, input.table.length);

  // Where each key sits (the first row holding it), and which keys are there twice.
  const rowOf = new Map<string, number>();
  const duplicates = new Set<string>();
  for (let r = 2; r <= input.table.length && header.length > 0; r++) {
    const key = keyText(input.table[r - 1][keyColumn - 1]);
    if (key === null) continue;
    if (rowOf.has(key)) duplicates.add(key);
    else rowOf.set(key, r);
  }

  /** A row's managed cells; a header the record does not name keeps what `read` holds. */
  const rowCells = (
    record: SheetRecord,
    read: readonly TableValue[] = [],
  ): Map<number, TableValue> => {
    const cells = new Map<number, TableValue>();
    for (const h of layout.headers)
      cells.set(
        columns[h],
        h in record.cells ? cellValue(record.cells[h]) : (read[columns[h] - 1] ?? ''),
      );
    cells.set(keyColumn, record.key);
    if (versionColumn !== null) cells.set(versionColumn, record.version ?? '');
    return cells;
  };

  const updates = new Map<number, Map<number, TableValue>>();
  const fresh: SheetRecord[] = [];
  for (const record of latestPerKey(input.records)) {
    const row = rowOf.get(record.key);
    if (row === undefined) {
      fresh.push(record);
      continue;
    }
    const read = input.table[row - 1];
    const stored = versionColumn === null ? null : keyText(read[versionColumn - 1]);
    const rewrite =
      added.length > 0 ||
      (versionColumn === null
        ? !sameContent(read, record, layout, columns)
        : record.version !== stored && isNewerVersion(record.version, stored));
    if (rewrite) updates.set(row, rowCells(record, read));
  }

  const writes: RecordBlock[] = [];
  if (added.length > 0) {
    const first = Math.min(...added);
    const names = new Map(layout.headers.map((h) => [columns[h], h]));
    writes.push({
      row: 1,
      column: first,
      values: [added.map((c) => names.get(c) as string)],
    });
  }

  if (updates.size > 0) {
    const rows = [...updates.keys()];
    const top = Math.min(...rows);
    const bottom = Math.max(...rows);
    const runs = columnRuns(managed).sort(
      (a, b) => Number(a.includes(versionColumn ?? -1)) - Number(b.includes(versionColumn ?? -1)),
    );
    for (const run of runs) {
      const values: TableValue[][] = [];
      for (let r = top; r <= bottom; r++) {
        const update = updates.get(r);
        const read = input.table[r - 1] ?? [];
        values.push(run.map((c) => (update ? (update.get(c) as TableValue) : (read[c - 1] ?? ''))));
      }
      writes.push({ row: top, column: run[0], values });
    }
  }

  const orderHeader = layout.orderHeader;
  fresh.sort(
    (a, b) =>
      (orderHeader ? compareCells(a.cells[orderHeader], b.cells[orderHeader]) : 0) ||
      compareCells(a.key, b.key),
  );
  const first = Math.min(...managed);
  const last = Math.max(...managed);
  if (fresh.length > 0) {
    writes.push({
      row: lastRow + 1,
      column: first,
      values: fresh.map((record) => {
        const cells = rowCells(record);
        const out: TableValue[] = [];
        for (let c = first; c <= last; c++) out.push(cells.get(c) ?? '');
        return out;
      }),
    });
  }

  const textColumns = [keyColumn, ...(versionColumn === null ? [] : [versionColumn])];
  return {
    writes,
    minRows: lastRow + fresh.length,
    minColumns: Math.max(last, header.length),
    columns,
    textColumns,
    updated: updates.size,
    appended: fresh.length,
    duplicates: [...duplicates],
  };
}
