// A date the person typed twice in the date column, on the built bundle: the sync updates the
// first row of that date, leaves the repeat and the person's own cells exactly as they are, and
// names both rows in its result and in the sidebar's notes.
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

  const steps = (day: string) => {
    const raw =
      provider === 'fitbit'
        ? bed.sim.dataFor('fitbit', USER, 'steps', day)
        : (bed.sim.dataFor('google', USER, 'steps', day) as { countSum?: string } | undefined)
            ?.countSum;
    return raw === undefined ? '' : Number(raw);
  };

  it('a date typed twice: the first row is updated, the repeat and the person’s cells are kept and named', async () => {
    expect((await syncNow(bed)).ok).toBe(true);
    const first = sheetRows(bed);
    expect(first[0]).toEqual(['Date', 'Steps']);
    const model = bed.rt.sheets.get(bed.spreadsheetId);
    const sheet = model.sheet(dataSheetId(bed));
    // The person's own column, a stale step count in the add-on's row of a day the next sync
    // re-reads, and that day typed again in a row of their own below the table.
    const today = localDate(bed.clock.now(), bed.timeZone);
    const repeated = addDays(today, -2);
    const keptRow = first.findIndex((r) => r[0] === repeated) + 1;
    const notes = first.map((_, i) => [i === 0 ? 'Notes' : `note ${i}`]);
    sheet.setValues({ row: 1, column: 3, numRows: notes.length, numColumns: 1 }, notes);
    sheet.setValues({ row: keptRow, column: 2, numRows: 1, numColumns: 1 }, [[1]]);
    const repeatRow = first.length + 2;
    sheet.setValues({ row: repeatRow, column: 1, numRows: 1, numColumns: 3 }, [
      [repeated, 12345, 'my walk that day'],
    ]);
    const before = sheetRows(bed);

    bed.clock.advance(3_600_000);
    const reply = await syncNow(bed);
    expect(reply.ok).toBe(true);
    const after = sheetRows(bed);
    // Nothing deleted, nothing moved: the person's row and every note are where they were.
    expect(after).toHaveLength(before.length);
    expect(after.map((r) => r[0])).toEqual(before.map((r) => r[0]));
    expect(after.map((r) => r[2])).toEqual(before.map((r) => r[2]));
    expect(after[repeatRow - 1]).toEqual([repeated, 12345, 'my walk that day']);
    // The add-on's row of that date holds the provider's count again.
    expect(after[keptRow - 1][1]).toBe(steps(repeated));
    expect(after[keptRow - 1][1]).not.toBe(1);

    const named = `Rows ${keptRow} and ${repeatRow} both hold ${repeated}: the add-on updates row ${keptRow} and leaves row ${repeatRow} as it is.`;
    expect(reply.message).toContain(named);
    expect(reply.state.sync.notes.join(' ')).toContain(named);
    expect(reply.state.sync.notes.join(' ')).toContain('Nothing was deleted');

    // Once the person removes the repeat, the note goes with the next sync.
    sheet.setValues({ row: repeatRow, column: 1, numRows: 1, numColumns: 3 }, [['', '', '']]);
    bed.clock.advance(3_600_000);
    const clean = await syncNow(bed);
    expect(clean.state.sync.notes.join(' ')).not.toContain('hold');
  });
});
