// The ports the sync use case needs beyond the connect ones: the data sheet, triggers, the
// document lock and a pause for backoff. src/gas implements them over Apps Script.
import type { CivilDate } from '../../core/dates';
import type { KeyValueStore } from '../../core/ports';
import type { UpsertPlan } from '../../core/upsert-plan';
import type { RecordUpsertPlan, TableValue } from '../../core/record-upsert';
import type { DashboardWorkbook } from '../dashboard/ports';
import type { SheetGrid } from '../../core/cell-limit';
import type { ZoneOffsets } from '../../core/zone-offsets';
import type { ExpiringStore } from './carry';

/** What the upsert planner needs from the sheet: the header row and the key column. */
export interface SheetSnapshot {
  header: unknown[];
  /** The key column below the header as 'yyyy-MM-dd' read in the spreadsheet's zone, or null. */
  keys: (string | null)[];
  lastRow: number;
}

export interface RowRange {
  row: number;
  count: number;
}

export interface DataSheet {
  readonly sheetId: number;
  /** True when the sheet was (re)created in this execution. */
  readonly created: boolean;
  read(keyHeader: string): SheetSnapshot;
  /**
   * Applies the plan in order: unit conversions, insertions, growth, one setValues per block;
   * `numberFormats` (header -> format, e.g. clock times 'HH:mm') are set on the written cells of
   * those columns, one call per column and block.
   */
  apply(plan: UpsertPlan, keyHeader: string, numberFormats?: Record<string, string>): void;
  /**
   * Deletes the rows of these bottom-up ranges (rows the add-on inserted and never filled) that
   * are still entirely empty; a row with anything in it stays.
   */
  deleteBlankRows(ranges: readonly RowRange[]): void;
}

/** A record sheet (one row per key): read whole, written by a record upsert plan. */
export interface RecordSheetPort {
  readonly sheetId: number;
  readonly created: boolean;
  /** The used range (row 1 the header; [] when empty), date-time cells as 'yyyy-MM-dd HH:mm'. */
  readTable(): TableValue[][];
  /** Grows the sheet as the plan needs, then one setValues per block; key/version kept as text. */
  /**
   * `ownColumnsOnly`: a sheet created in this execution first loses the columns beyond the plan's
   * (Sheets gives a new sheet 26, and every column costs a cell on every row).
   */
  apply(plan: RecordUpsertPlan, opts?: { ownColumnsOnly?: boolean }): void;
}

export interface Workbook {
  timeZone(): string;
  /** Today's date in the spreadsheet's time zone (the person's calendar). */
  today(): CivilDate;
  /** The data sheet by its stored id (a renamed sheet is still found), else a new one. */
  dataSheet(storedSheetId: number | null, preferredName: string): DataSheet;
  /** A record sheet by its stored id (a renamed sheet is still found), else a new one. */
  recordSheet(storedSheetId: number | null, preferredName: string): RecordSheetPort;
  id(): string;
}

export interface LiveTrigger {
  id: string;
  handler: string;
}

export interface TriggerPort {
  /** This user's clock triggers for this document, as Apps Script lists them now. */
  list(): LiveTrigger[];
  /** A daily time-driven trigger at about `hour` o'clock in the spreadsheet's zone. */
  createDaily(handler: string, hour: number): string;
  /** A one-off trigger at an instant. */
  createAt(handler: string, atMs: number): string;
  remove(id: string): void;
}

export interface DocumentLock {
  /** False when another execution holds the document lock for longer than `waitMs`. */
  tryLock(waitMs: number): boolean;
  release(): void;
}

/** The spreadsheet as an intraday fetch sizes it up: its zone's offsets and its cells. */
export interface SpreadsheetGrid {
  /** The spreadsheet zone's UTC offsets over [fromMs, toMs). */
  zoneOffsets(fromMs: number, toMs: number): ZoneOffsets;
  /** Every sheet's grid cells, and the grid of the sheet with this id (null: none, or gone). */
  census(sheetId: number | null): { spreadsheetCells: number; target: SheetGrid | null };
}

/** Everything the sync use case touches besides the connection: built by the composition root. */
export interface SyncPorts {
  workbook: Workbook;
  triggers: TriggerPort;
  lock: DocumentLock;
  sleep(ms: number): void;
  userStore: KeyValueStore;
  grid: SpreadsheetGrid;
  /** The user cache: fetched values a paused job has not written yet wait there. */
  cache?: ExpiringStore;
  /** The dashboard's sheets and charts, refreshed after a sync that wrote rows. */
  dashboard?: DashboardWorkbook;
}
