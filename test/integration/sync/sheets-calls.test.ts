// Exact SpreadsheetApp call counts of the sync on the built bundle: the writer reads the header
// and the key column once and writes one setValues per contiguous block, whatever the day count;
// the dashboard refresh that ends a sync that wrote rows adds a constant number of its own.
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

/**
 * The dashboard's refresh that ends a sync that wrote rows (the activity metrics: the steps chart
 * and the active minutes chart, 4 ranges each), the first time: reads the daily sheet's header row
 * and dates, creates the Dashboard, Weekly and Monthly sheets, one setFormulas and one
 * setNumberFormats per block, and inserts the charts. Constant in the days.
 */
const DASHBOARD_NEW = {
  'Spreadsheet.getSpreadsheetTimeZone': 1,
  // The new sheets become active when inserted: the daily sheet is put back in front.
  'Spreadsheet.setActiveSheet': 1,
  'Spreadsheet.getSheetById': 2,
  'Spreadsheet.getSheetByName': 3,
  'Spreadsheet.insertSheet': 3,
  'Sheet.getSheetId': 3,
  'Sheet.getName': 1,
  'Sheet.getLastRow': 1,
  'Sheet.getLastColumn': 1,
  'Sheet.getMaxRows': 3,
  'Sheet.getMaxColumns': 3,
  // Header row and dates, 4 blocks, 4 bold header ranges, 8 chart ranges.
  'Sheet.getRange': 2 + 4 + 4 + 8,
  'Range.getValues': 2,
  'Range.setFormulas': 4,
  'Range.setNumberFormats': 4,
  'Range.setFontWeight': 4,
  'Sheet.setFrozenRows': 2,
  'Sheet.getCharts': 2,
  'Sheet.newChart': 2,
  'Sheet.insertChart': 2,
};

/** The same refresh once the dashboard exists: the add-on's areas cleared, its charts updated. */
const DASHBOARD_EXISTING = {
  'Spreadsheet.getSpreadsheetTimeZone': 1,
  'Spreadsheet.getSheetById': 5,
  'Sheet.getName': 1,
  'Sheet.getLastRow': 1,
  'Sheet.getLastColumn': 1,
  'Sheet.getMaxRows': 3,
  'Sheet.getMaxColumns': 3,
  'Sheet.getRange': 2 + 4 + 4 + 4 + 8,
  'Range.getValues': 2,
  'Range.clearContent': 4,
  'Range.setFormulas': 4,
  'Range.setNumberFormats': 4,
  'Range.setFontWeight': 4,
  'Sheet.getCharts': 1,
  'Sheet.updateChart': 2,
};

function plus(...maps: Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of maps) for (const [k, v] of Object.entries(m)) out[k] = (out[k] ?? 0) + v;
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}

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

  it("a first sync makes exactly 15 Sheets calls and a re-sync exactly 16, plus the dashboard's 62 and 58", async () => {
    await useNewSpreadsheet(bed);
    const first = await counted(() => syncNow(bed));
    expect(first.byMethod).toEqual(plus(NEW_SHEET_CALLS, DASHBOARD_NEW));
    expect(total(NEW_SHEET_CALLS)).toBe(15);
    expect(total(DASHBOARD_NEW)).toBe(62);
    expect(first.total).toBe(15 + 62);

    const again = await counted(() => syncNow(bed));
    expect(again.byMethod).toEqual(plus(EXISTING_SHEET_CALLS, DASHBOARD_EXISTING));
    expect(total(EXISTING_SHEET_CALLS)).toBe(16);
    expect(total(DASHBOARD_EXISTING)).toBe(58);
    expect(again.total).toBe(16 + 58);
  });

  it('30-, 365- and 1095-day backfills into an empty sheet make the same calls, one setValues (1095 days: one row growth for the daily sheet and one for the Dashboard)', async () => {
    const calls: Record<number, Awaited<ReturnType<typeof counted>>> = {};
    for (const days of [30, 365, 1095]) {
      await useNewSpreadsheet(bed);
      calls[days] = await counted(() => backfill(bed, addDays(today, -(days - 1))));
      expect(sheetRows(bed)).toHaveLength(days + 1);
    }
    expect(calls[30].byMethod).toEqual(plus(NEW_SHEET_CALLS, DASHBOARD_NEW));
    expect(calls[365].byMethod).toEqual(plus(NEW_SHEET_CALLS, DASHBOARD_NEW));
    // A new sheet has 1000 rows and setValues outside the grid throws: 1096 rows need exactly
    // one growth call, and the Dashboard's helper rows (one per daily row) one more.
    expect(calls[1095].byMethod).toEqual(
      plus(NEW_SHEET_CALLS, DASHBOARD_NEW, { 'Sheet.insertRowsAfter': 2 }),
    );
    expect(calls[1095].total).toBe(calls[30].total + 2);
  });

  it('an append of new days after updated ones is one block: exactly one Range.setValues', async () => {
    await useNewSpreadsheet(bed);
    await syncNow(bed);
    const before = sheetRows(bed);
    // Two days later "Sync now" re-reads the late-upload window and appends the two new days.
    bed.clock.advance(2 * DAY_MS);
    const now = localDate(bed.clock.now(), ZONE);
    const append = await counted(() => syncNow(bed));
    expect(append.byMethod).toEqual(plus(EXISTING_SHEET_CALLS, DASHBOARD_EXISTING));
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
    expect(split.byMethod).toEqual(
      plus(EXISTING_SHEET_CALLS, DASHBOARD_EXISTING, { 'Sheet.getRange': 1, 'Range.setValues': 1 }),
    );
    expect(split.total).toBe(total(EXISTING_SHEET_CALLS) + total(DASHBOARD_EXISTING) + 2);
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
    // Four metrics draw only the steps chart: one chart and four chart ranges fewer.
    const stepsOnly = plus(DASHBOARD_EXISTING, { 'Sheet.getRange': -4, 'Sheet.updateChart': -1 });
    expect(changed.byMethod).toEqual(
      plus(EXISTING_SHEET_CALLS, stepsOnly, {
        'Sheet.getRange': 4 + 1,
        'Range.getValues': 2,
        'Range.setValues': 2 + 1,
        'Sheet.setFrozenRows': 1,
      }),
    );
    expect(sheetRows(bed)[0]).toEqual([
      'Date',
      'Steps',
      'Distance (mi)',
      'Floors',
      'Elevation (ft)',
    ]);
    // Once converted, a sync in the same units costs what any re-sync costs.
    const again = await counted(() => syncNow(bed));
    expect(again.byMethod).toEqual(plus(EXISTING_SHEET_CALLS, stepsOnly));
  });
});
