// The sheet the person changed (renamed, own column, moved column, deleted), time zones far from
// UTC and across a DST change, and the daily trigger switched on and off.
import {
  addDays,
  backfill,
  dataSheetId,
  localDate,
  ok,
  sheetRows,
  startSyncBed,
  syncNow,
  USER,
  type SyncBed,
  type SyncReply,
} from './bed';

describe('the person changed the sheet', () => {
  let bed: SyncBed;
  beforeAll(async () => {
    bed = await startSyncBed('fitbit');
  });
  afterAll(async () => bed?.close());

  it('renamed sheet, own column, moved column: still right, their column intact', async () => {
    await syncNow(bed);
    const model = bed.rt.sheets.get(bed.spreadsheetId);
    const sheet = model.sheet(dataSheetId(bed));
    const before = sheetRows(bed);
    model.renameSheet(sheet, 'My steps');
    // Their own column between Date and Steps, with a note on every row.
    sheet.insertColumns(2, 1);
    const notes = before.map((_, i) => [i === 0 ? 'My notes' : `note ${i}`]);
    sheet.setValues({ row: 1, column: 2, numRows: notes.length, numColumns: 1 }, notes);
    // Steps moved to the far right: swap it with the last column.
    const width = before[0].length + 1;
    const values = sheet.values();
    const steps = values.map((r) => r[2]);
    const last = values.map((r) => r[width - 1]);
    sheet.setValues(
      { row: 1, column: 3, numRows: values.length, numColumns: 1 },
      last.map((v) => [v]),
    );
    sheet.setValues(
      { row: 1, column: width, numRows: values.length, numColumns: 1 },
      steps.map((v) => [v]),
    );

    bed.clock.advance(3_600_000);
    const reply = await syncNow(bed);
    expect(reply.ok).toBe(true);
    // The renamed sheet is still the data sheet: no second "Activity" beside the dashboard's own.
    expect(model.sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      'My steps',
      'Weekly',
      'Monthly',
      'Dashboard',
    ]);
    const after = sheetRows(bed);
    expect(after[0][1]).toBe('My notes');
    expect(after[0][width - 1]).toBe('Steps');
    expect(after.slice(1).map((r) => r[1])).toEqual(notes.slice(1).map((n) => n[0]));
    const today = localDate(bed.clock.now(), bed.timeZone);
    for (const row of after.slice(1, -1)) {
      expect(row[width - 1]).toBe(
        Number(bed.sim.dataFor('fitbit', USER, 'steps', row[0] as string)),
      );
      expect(row[0]).not.toBe(today);
    }
    expect(after).toHaveLength(before.length);
  });

  it('a deleted data sheet is created again', async () => {
    const model = bed.rt.sheets.get(bed.spreadsheetId);
    const old = dataSheetId(bed);
    model.deleteSheet(model.sheet(old));
    await syncNow(bed);
    expect(dataSheetId(bed)).not.toBe(old);
    expect(sheetRows(bed)[0][0]).toBe('Date');
  });
});

describe.each([
  ['Pacific/Tongatapu', Date.UTC(2026, 10, 22, 12), '2026-11-23'],
  ['Pacific/Honolulu', Date.UTC(2026, 10, 22, 8), '2026-11-21'],
])('a person in %s', (zone, atMs, today) => {
  it.each(['google', 'fitbit'] as const)(
    '%s: the last row is their today, every date once',
    async (provider) => {
      const bed = await startSyncBed(provider, {
        timeZone: zone,
        atMs,
        metrics: ['steps', 'distance'],
      });
      try {
        await syncNow(bed);
        const dates = sheetRows(bed)
          .slice(1)
          .map((r) => r[0]);
        expect(dates).toHaveLength(30);
        expect(dates[29]).toBe(today);
        expect(dates[0]).toBe(addDays(today, -29));
        expect(new Set(dates).size).toBe(30);
      } finally {
        await bed.close();
      }
    },
  );
});

it('across a DST change (Los Angeles, 1 Nov 2026) every date appears once, at local midnight', async () => {
  const bed = await startSyncBed('google', { metrics: ['steps'] });
  try {
    await backfill(bed, '2026-10-25');
    const rows = sheetRows(bed).slice(1);
    const today = localDate(bed.clock.now(), bed.timeZone);
    const expected: string[] = [];
    for (let d = '2026-10-25'; d <= today; d = addDays(d, 1)) expected.push(d);
    expect(rows.map((r) => r[0])).toEqual(expected);
    const raw = bed.rt.sheets.get(bed.spreadsheetId).sheet(dataSheetId(bed)).values();
    const hours = raw.slice(1).map((r) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: bed.timeZone,
        hour: '2-digit',
        hourCycle: 'h23',
      }).format(r[0] as Date),
    );
    expect(new Set(hours)).toEqual(new Set(['00']));
  } finally {
    await bed.close();
  }
});

describe('daily sync', () => {
  it('is created once per user and document, remembered by id, and removed when switched off', async () => {
    const bed = await startSyncBed('google', { metrics: ['steps'] });
    try {
      const list = () => bed.rt.triggers.list({ user: USER, spreadsheetId: bed.spreadsheetId });
      const on = await ok<SyncReply>(bed, 'setDailySync', [true]);
      await ok(bed, 'setDailySync', [true]);
      expect(on.state.sync.daily).toBe(true);
      expect(list()).toHaveLength(1);
      expect(list()[0].handler).toBe('runScheduledSync');
      expect(list()[0].oneOff).toBe(false);

      bed.clock.advance((list()[0].nextRunAt as number) - bed.clock.now());
      const runs = await bed.rt.triggers.fireDue();
      expect(runs.map((r) => r.ok)).toEqual([true]);
      expect(sheetRows(bed).length).toBeGreaterThan(1);
      expect(list()).toHaveLength(1);

      const off = await ok<SyncReply>(bed, 'setDailySync', [false]);
      expect(off.state.sync.daily).toBe(false);
      expect(list()).toHaveLength(0);
    } finally {
      await bed.close();
    }
  });
});
