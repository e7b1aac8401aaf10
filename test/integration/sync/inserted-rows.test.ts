// Rows the add-on inserts for older dates are blank until its next setValues. An execution killed
// in between leaves them blank, and the next sync deletes them: only those still entirely empty,
// so a cell the person typed into one of them in the meantime is kept.
import {
  addDays,
  dataSheetId,
  localDate,
  sheetRows,
  startSyncBed,
  syncNow,
  USER,
  type ProviderKey,
  type SyncBed,
} from './bed';

describe.each<ProviderKey>(['google', 'fitbit'])('%s', (provider) => {
  let bed: SyncBed;
  beforeEach(async () => {
    bed = await startSyncBed(provider, { metrics: ['steps'] });
  });
  afterEach(async () => bed?.close());

  it('killed right after inserting rows: the next sync deletes the empty ones and keeps one the person typed in', async () => {
    expect((await syncNow(bed)).ok).toBe(true);
    const today = localDate(bed.clock.now(), bed.timeZone);
    bed.clock.advance(3_600_000);
    let inserted = false;
    const killed = await bed.rt.runFromClient('startBackfill', [addDays(today, -39)], {
      user: USER,
      spreadsheetId: bed.spreadsheetId,
      killWhen: (call) => {
        if (inserted) return true;
        inserted = call.service === 'spreadsheet' && /insertRowsBefore/.test(call.method);
        return false;
      },
    });
    expect(inserted).toBe(true);
    expect(killed.ok).toBe(false);
    const blank = sheetRows(bed);
    expect(blank.slice(1, 11).every((r) => r.every((c) => c === ''))).toBe(true);
    // The person writes in the third inserted row, away from the date column.
    const sheet = bed.rt.sheets.get(bed.spreadsheetId).sheet(dataSheetId(bed));
    sheet.setValues({ row: 4, column: 3, numRows: 1, numColumns: 1 }, [['keep me']]);

    bed.clock.advance(3_600_000);
    expect((await syncNow(bed)).ok).toBe(true);
    const after = sheetRows(bed);
    const dates = after
      .slice(1)
      .map((r) => r[0])
      .filter((d) => d !== '');
    expect(dates).toHaveLength(40);
    expect(new Set(dates).size).toBe(40);
    expect(after.filter((r) => r[2] === 'keep me')).toEqual([['', '', 'keep me']]);
    // The other nine inserted rows are gone: the header, the person's row and 40 days.
    expect(after).toHaveLength(42);
  });
});
