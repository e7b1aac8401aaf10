// Unit systems on the built bundle: US units give miles and feet (Fitbit answers in them for
// en_US; Google's mm are converted), the unit is in the header, and a change of units adds new
// columns while the old ones are left as they were.
import {
  addDays,
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

  it('a change of units adds new columns for the synced days and leaves the old columns alone', async () => {
    await settle('metric');
    await syncNow(bed);
    const metric = sheetRows(bed);
    expect(metric[0]).toEqual(['Date', 'Steps', 'Distance (km)', 'Elevation (m)']);

    await settle('us');
    bed.clock.advance(3_600_000);
    expect((await syncNow(bed)).ok).toBe(true);
    const after = sheetRows(bed);
    expect(after[0]).toEqual([
      'Date',
      'Steps',
      'Distance (km)',
      'Elevation (m)',
      'Distance (mi)',
      'Elevation (ft)',
    ]);
    expect(after).toHaveLength(metric.length);
    // The metric columns are exactly as they were, even on the days synced again.
    expect(after.map((r) => r.slice(2, 4))).toEqual(metric.map((r) => r.slice(2, 4)));
    // "Sync now" re-reads the late-upload window (the last synced day and 3 before): only those
    // days get the new columns; older days keep them blank until a backfill covers them.
    const today = localDate(bed.clock.now(), bed.timeZone);
    const windowStart = addDays(today, -3);
    for (const row of after.slice(1)) {
      const inWindow = (row[0] as string) >= windowStart;
      if (!inWindow) expect(row.slice(4)).toEqual(['', '']);
      else if (row[0] !== today) {
        const { value, within } = expected('distance', row[0] as string);
        if (typeof value === 'string') expect(row[4]).toBe('');
        else expect(Math.abs((row[4] as number) - value)).toBeLessThanOrEqual(within);
      }
    }
    expect(after.filter((r) => r[4] !== '' && r[0] !== 'Date').length).toBeGreaterThan(0);
  });
});
