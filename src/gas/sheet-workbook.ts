// The data sheet over SpreadsheetApp: found by its stored sheet id, dates written as Date objects
// at midnight in the spreadsheet's zone and read back in that zone, the upsert plan applied with a
// fixed number of calls (one read of the header and of the key column, one setValues per block;
// a column changing units adds one read of that column and its blocks).
import { activeSpreadsheet } from './active-spreadsheet';
import { RecordTable } from './record-sheet';
import { midnightIn } from './zone-time';
import { asCellText } from '../core/cell-text';
import type { CivilDate } from '../core/dates';
import { conversionSpan, conversionWrites } from '../core/unit-columns';
import { findColumn, type CellValue, type UpsertPlan } from '../core/upsert-plan';
import { blankRuns } from '../app/sync/insert-repair';
import type {
  DataSheet,
  RecordSheetPort,
  RowRange,
  SheetSnapshot,
  Workbook,
} from '../app/sync/ports';

const DATE_FORMAT = 'yyyy-mm-dd';
const CIVIL = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: unknown): value is Date {
  // Cells come back as Dates of the script's realm; toString tag works across realms too.
  return Object.prototype.toString.call(value) === '[object Date]';
}

function keyOf(value: unknown, timeZone: string): string | null {
  if (isDate(value)) return Utilities.formatDate(value, timeZone, 'yyyy-MM-dd');
  if (typeof value === 'string' && CIVIL.test(value.trim())) return value.trim();
  return null;
}

class SheetTable implements DataSheet {
  private maxRows = 0;
  private maxColumns = 0;

  constructor(
    private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet,
    private readonly timeZone: string,
    readonly sheetId: number,
    readonly created: boolean,
  ) {}

  read(keyHeader: string): SheetSnapshot {
    const lastRow = this.sheet.getLastRow();
    const lastColumn = this.sheet.getLastColumn();
    this.maxRows = this.sheet.getMaxRows();
    this.maxColumns = this.sheet.getMaxColumns();
    if (lastRow === 0 || lastColumn === 0) return { header: [], keys: [], lastRow: 0 };
    const header = this.sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
    const keyColumn = findColumn(header, keyHeader);
    let keys: (string | null)[] = [];
    if (keyColumn !== null && lastRow > 1) {
      keys = this.sheet
        .getRange(2, keyColumn, lastRow - 1, 1)
        .getValues()
        .map((row) => keyOf(row[0], this.timeZone));
    }
    return { header, keys, lastRow };
  }

  deleteBlankRows(ranges: readonly RowRange[]): void {
    const width = Math.max(1, this.sheet.getLastColumn());
    for (const range of ranges) {
      const values = this.sheet.getRange(range.row, 1, range.count, width).getValues();
      for (const run of blankRuns(range.row, values)) {
        this.sheet.deleteRows(run.row, run.count);
        this.maxRows -= run.count;
      }
    }
  }

  apply(plan: UpsertPlan, keyHeader: string, numberFormats: Record<string, string> = {}): void {
    // Before the insertions: the conversions are planned in the rows as read.
    for (const conversion of plan.conversions) {
      const values = this.sheet
        .getRange(1, conversion.column, conversionSpan(conversion), 1)
        .getValues()
        .map((row) => row[0]);
      for (const block of conversionWrites(conversion, values))
        this.sheet
          .getRange(block.row, block.column, block.values.length, 1)
          .setValues(block.values);
    }
    for (const ins of plan.insertRows) {
      this.sheet.insertRowsBefore(ins.beforeRow, ins.count);
      this.maxRows += ins.count;
    }
    if (plan.minRows > this.maxRows) {
      this.sheet.insertRowsAfter(this.maxRows, plan.minRows - this.maxRows);
      this.maxRows = plan.minRows;
    }
    if (plan.minColumns > this.maxColumns) {
      this.sheet.insertColumnsAfter(this.maxColumns, plan.minColumns - this.maxColumns);
      this.maxColumns = plan.minColumns;
    }
    const keyColumn = plan.columns[keyHeader];
    let headerWritten = false;
    for (const block of plan.writes) {
      const k = keyColumn - block.column;
      const values = block.values.map((row, r) =>
        row.map((cell: CellValue, c) =>
          c === k && block.row + r > 1 && typeof cell === 'string' && CIVIL.test(cell)
            ? midnightIn(cell, this.timeZone)
            : block.row + r > 1
              ? asCellText(cell)
              : cell,
        ),
      );
      this.sheet
        .getRange(block.row, block.column, values.length, values[0].length)
        .setValues(values);
      if (block.row === 1) headerWritten = true;
      const firstData = Math.max(2, block.row);
      const lastData = block.row + values.length - 1;
      if (k >= 0 && k < values[0].length && lastData >= firstData)
        this.sheet
          .getRange(firstData, keyColumn, lastData - firstData + 1, 1)
          .setNumberFormat(DATE_FORMAT);
      // Clock times are fractions of a day: without a time format they read 0.9375.
      for (const [header, format] of Object.entries(numberFormats)) {
        const column = plan.columns[header];
        const inBlock = column >= block.column && column < block.column + values[0].length;
        if (inBlock && lastData >= firstData)
          this.sheet
            .getRange(firstData, column, lastData - firstData + 1, 1)
            .setNumberFormat(format);
      }
    }
    if (headerWritten || this.created) this.sheet.setFrozenRows(1);
  }
}

class GasWorkbook implements Workbook {
  private ss: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  private zone: string | null = null;
  private docId: string | null = null;

  private spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    if (!this.ss) this.ss = activeSpreadsheet();
    return this.ss;
  }

  timeZone(): string {
    if (!this.zone) this.zone = this.spreadsheet().getSpreadsheetTimeZone();
    return this.zone;
  }

  id(): string {
    if (!this.docId) this.docId = this.spreadsheet().getId();
    return this.docId;
  }

  today(): CivilDate {
    return Utilities.formatDate(new Date(), this.timeZone(), 'yyyy-MM-dd');
  }

  /** The sheet by its stored id, else a new one under a free name ("Exercises 2" if taken). */
  private sheetFor(
    storedSheetId: number | null,
    preferredName: string,
  ): { sheet: GoogleAppsScript.Spreadsheet.Sheet; id: number; created: boolean } {
    const ss = this.spreadsheet();
    const found = storedSheetId === null ? null : ss.getSheetById(storedSheetId);
    if (found) return { sheet: found, id: storedSheetId as number, created: false };
    let name = preferredName;
    for (let n = 2; ss.getSheetByName(name); n++) name = `${preferredName} ${n}`;
    const sheet = ss.insertSheet(name);
    return { sheet, id: sheet.getSheetId(), created: true };
  }

  dataSheet(storedSheetId: number | null, preferredName: string): DataSheet {
    const { sheet, id, created } = this.sheetFor(storedSheetId, preferredName);
    return new SheetTable(sheet, this.timeZone(), id, created);
  }

  recordSheet(storedSheetId: number | null, preferredName: string): RecordSheetPort {
    const { sheet, id, created } = this.sheetFor(storedSheetId, preferredName);
    return new RecordTable(sheet, this.timeZone(), id, created);
  }
}

export function gasWorkbook(): Workbook {
  return new GasWorkbook();
}
