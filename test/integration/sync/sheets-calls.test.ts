// Exact SpreadsheetApp call counts of the sync on the built bundle: the writer reads the header
// and the key column once and writes one setValues per contiguous block, whatever the day count.
import {
  addDays,
  backfill,
  dataSheetId,
  localDate,
  ok,
  sheetRows,
  startSyncBed,
  syncNow,
  useNewSpreadsheet,
  type ProviderKey,
  type SyncBed,
} from './bed';

const ZONE = 'America/Los_Angeles';
const DAY_MS = 86_400_000;

/** Every call of a sync that creates the data sheet and fills it with one block. */
const NEW_SHEET_CALLS = {
  'SpreadsheetApp.getActive': 1,
  'Spreadsheet.getId': 1,
  'Spreadsheet.getSpreadsheetTimeZone': 1,
  'Spreadsheet.getSheetByName': 1,
  'Spreadsheet.insertSheet': 1,
  'Sheet.getSheetId': 1,
  'Sheet.getLastRow': 1,
  'Sheet.getLastColumn': 1,
  'Sheet.getMaxRows': 1,
  'Sheet.getMaxColumns': 1,
  // The range of the one block and the range of its date cells' number format.
  'Sheet.getRange': 2,
  'Range.setValues': 1,
  'Range.setNumberFormat': 1,
  'Sheet.setFrozenRows': 1,
};

/** Every call of a sync into the existing data sheet that writes one block. */
const EXISTING_SHEET_CALLS = {
  'SpreadsheetApp.getActive': 1,
  'Spreadsheet.getId': 1,
  'Spreadsheet.getSpreadsheetTimeZone': 1,
  'Spreadsheet.getSheetById': 1,
  'Sheet.getLastRow': 1,
  'Sheet.getLastColumn': 1,
  'Sheet.getMaxRows': 1,
  'Sheet.getMaxColumns': 1,
  // Header row and key column read, then the block and its date format.
  'Sheet.getRange': 4,
  'Range.getValues': 2,
  'Range.setValues': 1,
  'Range.setNumberFormat': 1,
};

const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

describe.each<ProviderKey>(['google', 'fitbit'])('%s', (provider) => {
  let bed: SyncBed;
  let today: string;
  beforeAll(async () => {
    bed = await startSyncBed(provider, { timeZone: ZONE });
    today = localDate(bed.clock.now(), ZONE);
  });
  afterAll(async () => bed?.close());

  /** Runs a sync with fresh counters and a fresh rate window; returns its Sheets calls. */
  async function counted(run: () => Promise<{ ok: boolean }>) {
    bed.clock.advance(3_600_000);
    bed.rt.sheets.resetCalls();
    expect((await run()).ok).toBe(true);
    return { total: bed.rt.sheets.calls.total, byMethod: { ...bed.rt.sheets.calls.byMethod } };
  }

  it('a first sync makes exactly 15 Sheets calls and a re-sync exactly 16', async () => {
    await useNewSpreadsheet(bed);
    const first = await counted(() => syncNow(bed));
    expect(first.byMethod).toEqual(NEW_SHEET_CALLS);
    expect(first.total).toBe(15);
    expect(total(NEW_SHEET_CALLS)).toBe(15);

    const again = await counted(() => syncNow(bed));
    expect(again.byMethod).toEqual(EXISTING_SHEET_CALLS);
    expect(again.total).toBe(16);
  });

  it('30-, 365- and 1095-day backfills into an empty sheet make the same calls, one setValues (1095 days: plus one row growth)', async () => {
    const calls: Record<number, Awaited<ReturnType<typeof counted>>> = {};
    for (const days of [30, 365, 1095]) {
      await useNewSpreadsheet(bed);
      calls[days] = await counted(() => backfill(bed, addDays(today, -(days - 1))));
      expect(sheetRows(bed)).toHaveLength(days + 1);
    }
    expect(calls[30].byMethod).toEqual(NEW_SHEET_CALLS);
    expect(calls[365].byMethod).toEqual(NEW_SHEET_CALLS);
    // A new sheet has 1000 rows and setValues outside the grid throws: 1096 rows need exactly
    // one growth call, and nothing else changes.
    expect(calls[1095].byMethod).toEqual({ ...NEW_SHEET_CALLS, 'Sheet.insertRowsAfter': 1 });
    expect(calls[1095].total).toBe(calls[30].total + 1);
  });

  it('an append of new days after updated ones is one block: exactly one Range.setValues', async () => {
    await useNewSpreadsheet(bed);
    await syncNow(bed);
    const before = sheetRows(bed);
    // Two days later "Sync now" re-reads the late-upload window and appends the two new days.
    bed.clock.advance(2 * DAY_MS);
    const now = localDate(bed.clock.now(), ZONE);
    const append = await counted(() => syncNow(bed));
    expect(append.byMethod).toEqual(EXISTING_SHEET_CALLS);
    const after = sheetRows(bed);
    expect(after).toHaveLength(before.length + 2);
    expect(after.slice(-2).map((r) => r[0])).toEqual([addDays(now, -1), now]);
  });

  it('a column the person put between managed ones splits a re-sync into exactly two blocks', async () => {
    await useNewSpreadsheet(bed);
    await syncNow(bed);
    const sheet = bed.rt.sheets.get(bed.spreadsheetId).sheet(dataSheetId(bed));
    sheet.insertColumns(3, 1);
    sheet.setValues({ row: 1, column: 3, numRows: 1, numColumns: 1 }, [['My notes']]);
    const split = await counted(() => syncNow(bed));
    // The second block costs its range and its setValues; only the block holding the key
    // column sets the date format.
    expect(split.byMethod).toEqual({
      ...EXISTING_SHEET_CALLS,
      'Sheet.getRange': 5,
      'Range.setValues': 2,
    });
    expect(split.total).toBe(total(EXISTING_SHEET_CALLS) + 2);
    expect(sheetRows(bed).every((r, i) => r[2] === (i === 0 ? 'My notes' : ''))).toBe(true);
  });

  it('a change of units costs one read and one write per converted column, plus the header row', async () => {
    await useNewSpreadsheet(bed);
    const metrics = ['steps', 'distance', 'floors', 'elevation'];
    await ok(bed, 'saveSyncSettings', [{ metrics, units: 'metric' }]);
    await syncNow(bed);
    await ok(bed, 'saveSyncSettings', [{ metrics, units: 'us' }]);
    const changed = await counted(() => syncNow(bed));
    // Distance and elevation each: the column read (range, values) and written with its new
    // header (range, setValues). The header row is then written as its own block (it is not
    // next to the re-synced days), so the frozen header row is set again.
    expect(changed.byMethod).toEqual({
      ...EXISTING_SHEET_CALLS,
      'Sheet.getRange': 4 + 4 + 1,
      'Range.getValues': 2 + 2,
      'Range.setValues': 1 + 2 + 1,
      'Sheet.setFrozenRows': 1,
    });
    expect(sheetRows(bed)[0]).toEqual([
      'Date',
      'Steps',
      'Distance (mi)',
      'Floors',
      'Elevation (ft)',
    ]);
    // Once converted, a sync in the same units costs what any re-sync costs.
    const again = await counted(() => syncNow(bed));
    expect(again.byMethod).toEqual(EXISTING_SHEET_CALLS);
  });
});
