// A record sheet over SpreadsheetApp: read whole in one call, written by a record upsert plan with
// a fixed number of calls; local date-times become date-time cells in the spreadsheet's zone, and
// key and version columns stay plain text (Sheets would read some keys as dates).
import { localClockInstant } from './zone-time';
import { asCellText } from '../core/cell-text';
import type { RecordUpsertPlan, TableValue } from '../core/record-upsert';
import type { RecordSheetPort } from '../app/sync/ports';

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const PLAIN_TEXT = '@';

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export class RecordTable implements RecordSheetPort {
  private maxRows = 0;
  private maxColumns = 0;

  constructor(
    private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet,
    private readonly timeZone: string,
    readonly sheetId: number,
    readonly created: boolean,
  ) {}

  readTable(): TableValue[][] {
    const lastRow = this.sheet.getLastRow();
    const lastColumn = this.sheet.getLastColumn();
    this.maxRows = this.sheet.getMaxRows();
    this.maxColumns = this.sheet.getMaxColumns();
    if (lastRow === 0 || lastColumn === 0) return [];
    return this.sheet
      .getRange(1, 1, lastRow, lastColumn)
      .getValues()
      .map((row) =>
        row.map((cell: unknown): TableValue => {
          if (isDate(cell)) return Utilities.formatDate(cell, this.timeZone, 'yyyy-MM-dd HH:mm');
          if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
          return cell === null || cell === undefined ? '' : String(cell);
        }),
      );
  }

  apply(plan: RecordUpsertPlan, opts: { ownColumnsOnly?: boolean } = {}): void {
    if (opts.ownColumnsOnly && this.created && this.maxColumns > plan.minColumns) {
      this.sheet.deleteColumns(plan.minColumns + 1, this.maxColumns - plan.minColumns);
      this.maxColumns = plan.minColumns;
    }
    if (plan.minRows > this.maxRows) {
      this.sheet.insertRowsAfter(this.maxRows, plan.minRows - this.maxRows);
      this.maxRows = plan.minRows;
    }
    if (plan.minColumns > this.maxColumns) {
      this.sheet.insertColumnsAfter(this.maxColumns, plan.minColumns - this.maxColumns);
      this.maxColumns = plan.minColumns;
    }
    const text = new Set(plan.textColumns);
    for (const block of plan.writes) {
      const rows = block.values.length;
      const width = block.values[0].length;
      const dateColumns = new Set<number>();
      const values = block.values.map((row) =>
        row.map((cell, c) => {
          const column = block.column + c;
          if (block.row === 1 || text.has(column)) return cell;
          if (typeof cell !== 'string' || !DATE_TIME.test(cell)) return asCellText(cell);
          dateColumns.add(column);
          return localClockInstant(cell, this.timeZone);
        }),
      );
      // Text format first: a value written into a plain-text cell stays the text it is.
      if (block.row > 1)
        for (const column of text)
          if (column >= block.column && column < block.column + width)
            this.sheet.getRange(block.row, column, rows, 1).setNumberFormat(PLAIN_TEXT);
      this.sheet.getRange(block.row, block.column, rows, width).setValues(values);
      for (const column of dateColumns)
        this.sheet.getRange(block.row, column, rows, 1).setNumberFormat(DATE_TIME_FORMAT);
    }
    if (this.created) this.sheet.setFrozenRows(1);
  }
}
