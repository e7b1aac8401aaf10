// What an intraday fetch asks of the spreadsheet before it starts: the time zone's offsets over the
// days picked (from Utilities.formatDate, once) and every sheet's grid, for Sheets' cell limit.
import { buildZoneOffsets } from '../core/zone-offsets';
import type { SpreadsheetGrid } from '../app/sync/ports';
import { activeSpreadsheet } from './active-spreadsheet';

/** Minutes east of UTC at an instant in the zone ('Z' gives +hhmm / -hhmm). */
function offsetMinutes(ms: number, timeZone: string): number {
  const z = Utilities.formatDate(new Date(ms), timeZone, 'Z');
  const m = /^([+-])(\d{2})(\d{2})$/.exec(z);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

export function gasSpreadsheetGrid(timeZone: () => string): SpreadsheetGrid {
  return {
    zoneOffsets(fromMs, toMs) {
      const zone = timeZone();
      return buildZoneOffsets(zone, fromMs, toMs, (ms) => offsetMinutes(ms, zone));
    },
    census(sheetId) {
      // Every sheet's grid counts toward the limit, empty cells included.
      let spreadsheetCells = 0;
      let target = null;
      for (const sheet of activeSpreadsheet().getSheets()) {
        const rows = sheet.getMaxRows();
        const columns = sheet.getMaxColumns();
        spreadsheetCells += rows * columns;
        if (sheetId !== null && sheet.getSheetId() === sheetId)
          target = { rows, columns, usedRows: sheet.getLastRow() };
      }
      return { spreadsheetCells, target };
    },
  };
}
