// A long backfill then a re-sync on the built bundle, both providers: the sheet ends identical,
// one row per date, values as the provider serves them; request counts are exact.
import {
  addDays,
  backfill,
  dataRequests,
  localDate,
  sheetRows,
  startSyncBed,
  syncNow,
  useNewSpreadsheet,
  USER,
  type ProviderKey,
  type SyncBed,
} from './bed';

const ZONE = 'America/Los_Angeles';
const GOOGLE_HEADER = [
  'Date',
  'Steps',
  'Distance (km)',
  'Calories (kcal)',
  'Activity calories (kcal)',
  'Floors',
  'Elevation (m)',
  'Sedentary (min)',
  'Lightly active (min)',
  'Fairly active (min)',
  'Very active (min)',
];
const FITBIT_HEADER = [
  ...GOOGLE_HEADER.slice(0, 5),
  'BMR calories (kcal)',
  ...GOOGLE_HEADER.slice(5),
];

describe.each<ProviderKey>(['google', 'fitbit'])('%s', (provider) => {
  let bed: SyncBed;
  let today: string;
  beforeAll(async () => {
    bed = await startSyncBed(provider, {
      timeZone: ZONE,
    });
    today = localDate(bed.clock.now(), ZONE);
  });
  afterAll(async () => bed?.close());

  it('a 1095-day backfill then a re-sync give the same sheet, one row per date in order', async () => {
    await useNewSpreadsheet(bed);
    const start = addDays(today, -1094);
    const reply = await backfill(bed, start);
    expect(reply.ok).toBe(true);
    expect(reply.state.sync.progress).toBeNull();
    expect(reply.state.sync.lastSync?.days).toBe(1095);
    const first = sheetRows(bed);
    expect(first).toHaveLength(1096);
    const dates = first.slice(1).map((r) => r[0]);
    expect(new Set(dates).size).toBe(1095);
    expect(dates[0]).toBe(start);
    expect(dates[1094]).toBe(today);
    expect([...dates].sort()).toEqual(dates);

    // Every default metric the provider supplies has a column; Google has no daily BMR roll-up.
    expect(first[0]).toEqual(provider === 'fitbit' ? FITBIT_HEADER : GOOGLE_HEADER);

    // The values are what the provider serves for that local date.
    const day = addDays(today, -200);
    const row = first.find((r) => r[0] === day)!;
    const col = (header: string) => first[0].indexOf(header);
    if (provider === 'fitbit') {
      expect(row[1]).toBe(Number(bed.sim.dataFor('fitbit', USER, 'steps', day)));
      expect(row[col('Elevation (m)')]).toBe(
        Number(bed.sim.dataFor('fitbit', USER, 'elevation', day)),
      );
    } else {
      const steps = bed.sim.dataFor('google', USER, 'steps', day) as
        { countSum: string } | undefined;
      expect(row[1]).toBe(steps ? Number(steps.countSum) : '');
      // Elevation comes from the altitude roll-up, in mm: metres with 2 decimals.
      const altitude = bed.sim.dataFor('google', USER, 'altitude', day) as
        { gainMillimetersSum: string } | undefined;
      expect(altitude).toBeDefined();
      expect(row[col('Elevation (m)')]).toBe(
        Math.round(Number(altitude!.gainMillimetersSum) / 10) / 100,
      );
    }

    const again = await syncNow(bed);
    expect(again.ok).toBe(true);
    const second = sheetRows(bed);
    expect(second.slice(0, -1)).toEqual(first.slice(0, -1));
    expect(second).toHaveLength(1096);
    expect(second[1095][0]).toBe(today);
  });

  it('writes dates as Date cells at midnight in the spreadsheet zone, formatted yyyy-mm-dd, header frozen', async () => {
    await useNewSpreadsheet(bed);
    await backfill(bed, addDays(today, -2));
    const id = Number(bed.rt.properties.document(bed.spreadsheetId).get('sync.sheetId'));
    const sheet = bed.rt.sheets.get(bed.spreadsheetId).sheet(id);
    const cell = sheet.values()[1][0] as Date;
    expect(Object.prototype.toString.call(cell)).toBe('[object Date]');
    const hm = new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(cell);
    expect(hm).toBe('00:00');
    expect(sheet.displayValues()[1][0]).toBe(addDays(today, -2));
    expect(sheet.frozenRows).toBe(1);
  });

  it('makes the documented number of requests for 1, 7, 30 and 365 days', async () => {
    const counts: Record<number, { requests: number }> = {};
    for (const days of [1, 7, 30, 365]) {
      await useNewSpreadsheet(bed);
      // A fresh rate window: Google allows 300 requests per rolling minute.
      bed.clock.advance(61_000);
      bed.sim.clearLog();
      const reply = await backfill(bed, addDays(today, -(days - 1)));
      expect(reply.ok).toBe(true);
      expect(reply.state.sync.lastSync?.days).toBe(days);
      counts[days] = { requests: dataRequests(bed).length };
    }
    if (provider === 'fitbit') {
      expect([1, 7, 30, 365].map((d) => counts[d].requests)).toEqual([1, 7, 11, 23]);
    } else {
      // The 10 default metrics Google rolls up read 8 data types: 6 of 90-day range (steps,
      // distance, active energy, floors, altitude, sedentary periods) and 2 of 14 days (total
      // calories, active minutes).
      const expected = (d: number) => 6 * Math.ceil(d / 90) + 2 * Math.ceil(d / 14);
      expect([1, 7, 30, 365].map((d) => counts[d].requests)).toEqual([1, 7, 30, 365].map(expected));
    }
  });
});
