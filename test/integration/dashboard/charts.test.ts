// The Dashboard's native charts on the built bundle: refreshing never duplicates them, the
// person's own chart and the add-on's chart they moved survive, ranges follow a moved column and
// skip the person's own, a deleted Dashboard comes back, and a metric added later gets its chart.
import {
  addDays,
  backfill,
  dataSheetId,
  localDate,
  ok,
  startSyncBed,
  syncNow,
  type SyncBed,
} from '../sync/bed';

const ACTIVITY = [
  'steps',
  'distance',
  'minutesLightlyActive',
  'minutesFairlyActive',
  'minutesVeryActive',
  'restingHeartRate',
  'hrvAverage',
  'azmFatBurn',
  'azmCardio',
  'azmPeak',
  'azmTotal',
];
const STATE_KEY = 'dashboard.state';

interface Reply {
  ok: boolean;
  message: string;
}

describe('Dashboard charts', () => {
  let bed: SyncBed;
  beforeAll(async () => {
    bed = await startSyncBed('google', { metrics: ACTIVITY, timeZone: 'UTC' });
    const today = localDate(bed.clock.now(), 'UTC');
    const reply = await backfill(bed, addDays(today, -59));
    if (!reply.ok) throw new Error(reply.message);
  }, 120_000);
  afterAll(async () => bed?.close());

  const model = () => bed.rt.sheets.get(bed.spreadsheetId);
  const charts = () => bed.rt.sheets.charts(bed.spreadsheetId, 'Dashboard');
  const stored = () =>
    JSON.parse(bed.rt.properties.document(bed.spreadsheetId).get(STATE_KEY) as string) as {
      charts: Record<string, number>;
      sheets: Record<string, number>;
    };
  const refresh = () => ok<Reply>(bed, 'refreshDashboard');
  const addonCharts = () => {
    const ids = new Set(Object.values(stored().charts));
    return charts().filter((c) => ids.has(c.chartId));
  };
  const title = (c: { options: unknown }) => (c.options as { title?: string }).title;
  /** The header text above each range of a chart (the series' names). */
  const headersOf = (c: ReturnType<typeof charts>[number]) =>
    c.ranges.map((r) => model().sheet(r.sheetId).values()[r.row - 1][r.column - 1]);

  it('draws the charts of the synced metrics after the sync, with titles and axis titles', () => {
    expect(charts().map(title)).toEqual([
      'Steps per day',
      'Active minutes per week',
      'Resting heart rate and HRV',
      'Active zone minutes per week',
    ]);
    const steps = charts()[0];
    expect(steps.chartType).toBe('COMBO');
    expect(headersOf(steps)).toEqual(['Date', 'Steps', 'Steps, 7-day average', 'Step goal']);
    expect(steps.options).toMatchObject({
      hAxis: { title: 'Date' },
      vAxis: { title: 'Steps' },
      width: 720,
      height: 340,
    });
    expect(headersOf(charts()[2])).toEqual(['Date', 'Resting heart rate (bpm)', 'HRV (ms)']);
  });

  it("ten refreshes leave exactly one set of the add-on's charts", async () => {
    const before = charts().map((c) => c.chartId);
    for (let i = 0; i < 10; i++) expect((await refresh()).ok).toBe(true);
    expect(charts().map((c) => c.chartId)).toEqual(before);
    expect(Object.values(stored().charts).sort()).toEqual([...before].sort());
  });

  it("keeps the person's own chart and the place and size of the add-on's chart they moved", async () => {
    const mine = bed.rt.sheets.addChartByHand(bed.spreadsheetId, 'Dashboard', {
      chartType: 'PIE',
      ranges: ["'Weekly'!A1:B5"],
    });
    const steps = stored().charts.steps;
    bed.rt.sheets.moveChartByHand(bed.spreadsheetId, steps, { anchorRow: 60, anchorColumn: 3 });
    bed.rt.sheets.resizeChartByHand(bed.spreadsheetId, steps, 900, 500);
    await refresh();
    await refresh();
    const after = charts();
    expect(after.filter((c) => c.chartId === mine)).toHaveLength(1);
    expect(after.find((c) => c.chartId === mine)?.chartType).toBe('PIE');
    const moved = after.find((c) => c.chartId === steps)!;
    expect(moved.position).toMatchObject({ anchorRow: 60, anchorColumn: 3 });
    expect(moved.options).toMatchObject({ width: 900, height: 500 });
    expect(after).toHaveLength(5);
  });

  it('points each chart at the right columns after the person moved a column and added their own', async () => {
    const sheetId = dataSheetId(bed);
    bed.rt.sheets.editByHand(bed.spreadsheetId, 'moveColumns', (m) => {
      const s = m.sheet(sheetId);
      // Steps to the far right, then a column of the person's own at B.
      s.moveLines('COLUMNS', 2, 1, s.lastColumn() + 1);
      s.insertColumns(2, 1);
      s.setValues({ row: 1, column: 2, numRows: 1, numColumns: 1 }, [['Steps (my own count)']]);
    });
    await refresh();
    const byTitle = new Map(addonCharts().map((c) => [title(c), c]));
    expect(headersOf(byTitle.get('Steps per day')!)).toEqual([
      'Date',
      'Steps',
      'Steps, 7-day average',
      'Step goal',
    ]);
    expect(headersOf(byTitle.get('Resting heart rate and HRV')!)).toEqual([
      'Date',
      'Resting heart rate (bpm)',
      'HRV (ms)',
    ]);
    // The Weekly sums read the moved column too.
    const weekly = model().sheet('Weekly');
    const formulas = weekly.getFormulas({ row: 2, column: 1, numRows: 1, numColumns: 4 })[0];
    const stepsLetter = String.fromCharCode(
      64 + model().sheet(sheetId).values()[0].indexOf('Steps') + 1,
    );
    expect(formulas[3]).toContain(`$${stepsLetter}:$${stepsLetter}`);
  });

  it('puts a deleted Dashboard back at the next refresh, with its charts', async () => {
    bed.rt.sheets.editByHand(bed.spreadsheetId, 'deleteSheet', (m) =>
      m.deleteSheet(m.sheet('Dashboard')),
    );
    expect((await refresh()).ok).toBe(true);
    expect(charts().map(title)).toEqual([
      'Steps per day',
      'Active minutes per week',
      'Resting heart rate and HRV',
      'Active zone minutes per week',
    ]);
    expect(model().sheet('Dashboard').values()[1][1]).toBe('Steps a day');
  });

  it('gives a metric added later its chart at the next sync', async () => {
    await ok(bed, 'saveSyncSettings', [{ metrics: [...ACTIVITY, 'weight'], units: 'metric' }]);
    bed.clock.advance(3_600_000);
    const reply = await syncNow(bed);
    expect(reply.ok).toBe(true);
    expect(charts().map(title)).toContain('Weight and body fat');
    const weight = charts().find((c) => title(c) === 'Weight and body fat')!;
    expect(headersOf(weight)).toEqual(['Date', 'Weight (kg)']);
  });
});
