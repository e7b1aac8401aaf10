// What a dashboard refresh costs in Sheets calls on the built bundle: the same for 30 days as for
// 1095 (every formula of a block in one setFormulas, every chart range one getRange), exactly.
import {
  addDays,
  backfill,
  localDate,
  ok,
  startSyncBed,
  useNewSpreadsheet,
  type SyncBed,
} from '../sync/bed';

/** "Refresh dashboard" in the sidebar on an existing dashboard (the activity metrics). */
const REFRESH_CALLS = {
  'SpreadsheetApp.getActive': 1,
  // Whose sync this is, and the sidebar state the reply carries.
  'Spreadsheet.getId': 1,
  'Spreadsheet.getSpreadsheetTimeZone': 2,
  'Spreadsheet.getSheetById': 5,
  'Sheet.getName': 1,
  'Sheet.getLastRow': 1,
  'Sheet.getLastColumn': 1,
  'Sheet.getMaxRows': 3,
  'Sheet.getMaxColumns': 3,
  // Header row and dates, 4 areas cleared, 4 blocks, 4 bold header ranges, 8 chart ranges.
  'Sheet.getRange': 2 + 4 + 4 + 4 + 8,
  'Range.getValues': 2,
  'Range.clearContent': 4,
  'Range.setFormulas': 4,
  'Range.setNumberFormats': 4,
  'Range.setFontWeight': 4,
  'Sheet.getCharts': 1,
  'Sheet.updateChart': 2,
};

describe('dashboard refresh Sheets calls', () => {
  let bed: SyncBed;
  beforeAll(async () => {
    bed = await startSyncBed('fitbit', { timeZone: 'UTC' });
  });
  afterAll(async () => bed?.close());

  it('are exactly the same for 30 and 1095 days', async () => {
    const today = localDate(bed.clock.now(), 'UTC');
    const calls: Record<number, { total: number; byMethod: Record<string, number> }> = {};
    for (const days of [30, 1095]) {
      await useNewSpreadsheet(bed);
      bed.clock.advance(3_600_000);
      const reply = await backfill(bed, addDays(today, -(days - 1)));
      expect(reply.state.sync.lastSync?.days).toBe(days);
      bed.rt.sheets.resetCalls();
      expect(await ok<{ ok: boolean }>(bed, 'refreshDashboard')).toMatchObject({ ok: true });
      calls[days] = {
        total: bed.rt.sheets.calls.total,
        byMethod: { ...bed.rt.sheets.calls.byMethod },
      };
      // Every day is summarised: the Dashboard's helper rows run to the daily sheet's last row.
      const dash = bed.rt.sheets.get(bed.spreadsheetId).sheet('Dashboard');
      expect(dash.lastRow()).toBe(days + 1);
    }
    expect(calls[30].byMethod).toEqual(REFRESH_CALLS);
    expect(calls[1095].byMethod).toEqual(REFRESH_CALLS);
    expect(calls[1095].total).toBe(calls[30].total);
  });
});
