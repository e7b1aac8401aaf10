// Unit systems on the built bundle: US units give miles and feet (Fitbit answers in them for
// en_US; Google's mm are converted), the unit is in the header, and a change of units keeps one
// column per metric: the header moves to the new unit and every day in it is in the new unit,
// the person's own column and rows untouched.
import {
  addDays,
  dataSheetId,
  localDate,
  ok,
  sheetRows,
  startSyncBed,
  syncNow,
  USER,
  type ProviderKey,
  type SyncBed,
} from './bed';

const MM_PER_MILE = 1_609_344;
const MM_PER_FOOT = 304.8;
const METRICS = ['steps', 'distance', 'elevation'];

describe.each<ProviderKey>(['google', 'fitbit'])('%s', (provider) => {
  let bed: SyncBed;
  beforeEach(async () => {
    bed = await startSyncBed(provider);
  });
  afterEach(async () => bed?.close());

  const settle = (units: string) => ok(bed, 'saveSyncSettings', [{ metrics: METRICS, units }]);

  /** The provider's own value of a day in the sheet's units, and how close the cell must be. */
  function expected(resource: 'distance' | 'elevation', day: string) {
    if (provider === 'fitbit')
      return { value: Number(bed.sim.dataFor('fitbit', USER, resource, day, 'en_US')), within: 0 };
    const type = resource === 'distance' ? 'distance' : 'altitude';
    const member = bed.sim.dataFor('google', USER, type, day) as Record<string, string> | undefined;
    if (!member) return { value: '', within: 0 };
    const mm = Number(resource === 'distance' ? member.millimetersSum : member.gainMillimetersSum);
    // Converted from mm and rounded to the column's decimals (3 for mi, 2 for ft).
    return resource === 'distance'
      ? { value: mm / MM_PER_MILE, within: 0.0005 }
      : { value: mm / MM_PER_FOOT, within: 0.005 };
  }

  it('US units: miles and feet with the unit in the header, matching the provider for every day', async () => {
    await settle('us');
    expect((await syncNow(bed)).ok).toBe(true);
    const rows = sheetRows(bed);
    expect(rows[0]).toEqual(['Date', 'Steps', 'Distance (mi)', 'Elevation (ft)']);
    expect(rows).toHaveLength(31);
    let compared = 0;
    for (const row of rows.slice(1)) {
      const day = row[0] as string;
      for (const [column, resource] of [
        [2, 'distance'],
        [3, 'elevation'],
      ] as const) {
        const { value, within } = expected(resource, day);
        if (typeof value === 'string' || within === 0) expect(row[column]).toBe(value);
        else {
          expect(typeof row[column]).toBe('number');
          expect(Math.abs((row[column] as number) - value)).toBeLessThanOrEqual(within);
          compared++;
        }
      }
    }
    if (provider === 'google') expect(compared).toBeGreaterThan(30);
  });

  it('a change of units keeps one column per metric, every day in the new unit, the person’s cells untouched', async () => {
    await settle('metric');
    await syncNow(bed);
    const metric = sheetRows(bed);
    expect(metric[0]).toEqual(['Date', 'Steps', 'Distance (km)', 'Elevation (m)']);
    // The person's own column, and a row of their own between two days.
    const model = bed.rt.sheets.get(bed.spreadsheetId);
    const sheet = model.sheet(dataSheetId(bed));
    const notes = metric.map((_, i) => [i === 0 ? 'Notes' : `note ${i}`]);
    sheet.setValues({ row: 1, column: 5, numRows: notes.length, numColumns: 1 }, notes);
    sheet.insertRows(10, 1);
    sheet.setValues({ row: 10, column: 1, numRows: 1, numColumns: 5 }, [
      ['race day', '', 'half marathon', '', 'mine'],
    ]);
    const before = sheetRows(bed);

    await settle('us');
    bed.clock.advance(3_600_000);
    const reply = await syncNow(bed);
    expect(reply.ok).toBe(true);
    const after = sheetRows(bed);
    expect(after[0]).toEqual(['Date', 'Steps', 'Distance (mi)', 'Elevation (ft)', 'Notes']);
    expect(after).toHaveLength(before.length);
    expect(after.map((r) => r[0])).toEqual(before.map((r) => r[0]));
    expect(after.map((r) => r[4])).toEqual(before.map((r) => r[4]));
    expect(after[9]).toEqual(before[9]);
    // Every day in miles and feet: the days synced again hold the provider's own values, the
    // older ones their metric value converted (one rounding: within a unit of the last decimal).
    const today = localDate(bed.clock.now(), bed.timeZone);
    const windowStart = addDays(today, -3);
    let converted = 0;
    for (const row of after.slice(1)) {
      const day = row[0] as string;
      if (day === 'race day' || day === today) continue;
      expect(row[1]).toBe(before.find((b) => b[0] === day)?.[1]);
      for (const [column, resource] of [
        [2, 'distance'],
        [3, 'elevation'],
      ] as const) {
        const { value, within } = expected(resource, day);
        if (typeof value === 'string') {
          expect(row[column]).toBe('');
          continue;
        }
        if (day >= windowStart) {
          expect(Math.abs((row[column] as number) - value)).toBeLessThanOrEqual(within);
          continue;
        }
        // Older days: exactly the metric cell converted and rounded to the column's decimals,
        // and for Google (mm at the source) within one unit of that decimal of the true value.
        const old = before.find((b) => b[0] === day)?.[column] as number;
        const [factor, decimals] = resource === 'distance' ? [MM_PER_MILE / 1e6, 3] : [0.3048, 2];
        expect(row[column]).toBeCloseTo(old / factor, decimals);
        expect(Math.abs((row[column] as number) - old / factor)).toBeLessThanOrEqual(
          0.5 * 10 ** -decimals + 1e-9,
        );
        if (provider === 'google')
          expect(Math.abs((row[column] as number) - value)).toBeLessThanOrEqual(
            10 ** -decimals + 1e-9,
          );
        converted++;
      }
    }
    expect(converted).toBeGreaterThan(40);

    // Back to metric: the same columns again, in km and m, close to the first sync's values.
    await settle('metric');
    bed.clock.advance(3_600_000);
    expect((await syncNow(bed)).ok).toBe(true);
    const back = sheetRows(bed);
    expect(back[0]).toEqual(['Date', 'Steps', 'Distance (km)', 'Elevation (m)', 'Notes']);
    for (const row of back.slice(1)) {
      const first = before.find((b) => b[0] === row[0]);
      if (!first || row[0] === 'race day' || row[0] === today || first[2] === '') continue;
      expect(Math.abs((row[2] as number) - (first[2] as number))).toBeLessThanOrEqual(0.002);
      expect(Math.abs((row[3] as number) - (first[3] as number))).toBeLessThanOrEqual(0.02);
    }
  });
});
