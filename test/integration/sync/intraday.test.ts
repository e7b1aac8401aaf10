// Intraday on the built bundle with Google Health: per-minute heart rate and steps for a range of
// days into the Intraday sheet, one row per minute equal to the simulator's minutes, requests
// exactly the floor (a roll-up per type and chunk, plus the pages the data needs), a re-run that
// changes nothing, a range past the cell limit refused with the reason and nothing written, a
// job already under way refused, and an interrupted fetch that resumes.
import { rollUpPoints } from '../../../dev/simulator/google-intraday';
import { ok, startSyncBed, syncNow, USER, type SyncBed, type SyncReply } from './bed';

const ZONE = 'America/Los_Angeles';
const METRICS = ['steps', 'restingHeartRate'];
const HEADER = [
  'Time',
  'Heart rate avg (bpm)',
  'Heart rate min (bpm)',
  'Heart rate max (bpm)',
  'Steps',
];
const ROLLUP = '/dataPoints:rollUp';
const PAGE = 10_000;

/* eslint-disable @typescript-eslint/no-explicit-any */
const intraday = (bed: SyncBed, start: string, end: string) =>
  ok<SyncReply>(bed, 'startIntraday', [start, end]);

function intradaySheetId(bed: SyncBed): number | null {
  const raw = bed.rt.properties.document(bed.spreadsheetId).get('sync.recordSheet.intraday');
  return raw === null ? null : Number(raw);
}

function intradayValues(bed: SyncBed): unknown[][] {
  const id = intradaySheetId(bed);
  if (id === null) return [];
  return bed.rt.sheets.get(bed.spreadsheetId).sheet(id).values() as unknown[][];
}

const rollUps = (bed: SyncBed) =>
  bed.sim.requests({ host: 'health.googleapis.com' }).filter((r) => r.path.endsWith(ROLLUP));

/** 'yyyy-MM-dd HH:mm' in Los Angeles (no DST change in these ranges). */
const stamp = (ms: number) => {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(ms));
  const p = (t: string) => f.find((x) => x.type === t)!.value;
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
};

/** The rows the simulator's minutes make for [startMs, endMs), and the pages each type needs. */
function expected(bed: SyncBed, startMs: number, endMs: number) {
  const user = bed.sim.user(USER);
  const now = bed.clock.now();
  const hr = rollUpPoints(user, 'heart-rate', startMs, endMs, 60_000, now) as any[];
  const steps = rollUpPoints(user, 'steps', startMs, endMs, 60_000, now) as any[];
  const hrAt = new Map(hr.map((p) => [Date.parse(p.startTime), p.heartRate]));
  const stepsAt = new Map(steps.map((p) => [Date.parse(p.startTime), p.steps]));
  const rows: unknown[][] = [];
  for (let ms = startMs; ms < endMs; ms += 60_000) {
    const h = hrAt.get(ms);
    const s = stepsAt.get(ms);
    rows.push([
      stamp(ms),
      h ? h.beatsPerMinuteAvg : '',
      h ? h.beatsPerMinuteMin : '',
      h ? h.beatsPerMinuteMax : '',
      s ? Number(s.countSum ?? 0) : '',
    ]);
  }
  const pages = (n: number) => Math.max(1, Math.ceil(n / PAGE));
  return {
    rows,
    points: { hr: hr.length, steps: steps.length },
    pages: pages(hr.length) + pages(steps.length),
  };
}

describe('intraday', () => {
  let bed: SyncBed;
  beforeAll(async () => {
    bed = await startSyncBed('google', { timeZone: ZONE, metrics: METRICS });
  });
  afterAll(async () => bed?.close());

  // Midnight 2026-11-14 to midnight 2026-11-21 in Los Angeles (PST).
  const WEEK = [Date.parse('2026-11-14T08:00:00Z'), Date.parse('2026-11-21T08:00:00Z')] as const;

  it('7 days: 10,080 rows, one per minute, equal to the simulator, in exactly 2 requests', async () => {
    bed.sim.clearLog();
    const reply = await intraday(bed, '2026-11-14', '2026-11-20');
    expect(reply.ok).toBe(true);
    expect(reply.message).toContain('10,080 minutes');
    const values = intradayValues(bed);
    expect(values[0]).toEqual(HEADER);
    expect(values).toHaveLength(1 + 10_080);
    const want = expected(bed, ...WEEK);
    // One comparison of the whole table (10,080 expect calls would be slow).
    expect(JSON.stringify(values.slice(1))).toBe(JSON.stringify(want.rows));
    // The floor: one roll-up per data type for 7 days (both under their cap), each one page
    // (fewer than 10,000 minutes carry data).
    expect(want.points.hr).toBeLessThan(PAGE);
    expect(want.pages).toBe(2);
    const sent = rollUps(bed);
    expect(sent).toHaveLength(2);
    expect(sent.map((r) => JSON.parse(r.body))).toEqual([
      {
        range: { startTime: '2026-11-14T08:00:00Z', endTime: '2026-11-21T08:00:00Z' },
        windowSize: '60s',
        pageSize: 10000,
      },
      {
        range: { startTime: '2026-11-14T08:00:00Z', endTime: '2026-11-21T08:00:00Z' },
        windowSize: '60s',
        pageSize: 10000,
      },
    ]);
    // The daily sheet is not touched, nor its last sync.
    expect(reply.state.sync.lastSync).toBeNull();
  });

  it('a re-run changes nothing: same rows, no cell written', async () => {
    const before = JSON.stringify(intradayValues(bed));
    bed.rt.sheets.resetCalls();
    const reply = await intraday(bed, '2026-11-14', '2026-11-20');
    expect(reply.ok).toBe(true);
    expect(JSON.stringify(intradayValues(bed))).toBe(before);
    expect(bed.rt.sheets.calls.byMethod['Range.setValues'] ?? 0).toBe(0);
  });

  it('14 days of heart rate and steps: one roll-up each plus the pages the minutes need', async () => {
    bed.sim.clearLog();
    const reply = await intraday(bed, '2026-11-01', '2026-11-13');
    expect(reply.ok).toBe(true);
    // 2026-11-01 is the autumn change: 13 days hold 13 x 1,440 + 60 minutes.
    const span = [Date.parse('2026-11-01T07:00:00Z'), Date.parse('2026-11-14T08:00:00Z')] as const;
    expect((span[1] - span[0]) / 60_000).toBe(13 * 1440 + 60);
    const want = expected(bed, ...span);
    expect(want.points.hr).toBeGreaterThan(PAGE);
    expect(rollUps(bed)).toHaveLength(want.pages);
    expect(want.pages).toBe(4);
    const values = intradayValues(bed);
    // Both ranges now: 13 days + 60 minutes, then the week, each minute once.
    expect(values).toHaveLength(1 + 13 * 1440 + 60 + 10_080);
    const keys = values.slice(1).map((r) => r[0] as string);
    expect(new Set(keys).size).toBe(keys.length);
    // The hour the clocks run twice: its minutes carry their offset.
    expect(keys).toContain('2026-11-01 01:30 -07:00');
    expect(keys).toContain('2026-11-01 01:30 -08:00');
  });

  it('a range past the cell limit is refused with the reason, and nothing is written or fetched', async () => {
    bed.sim.clearLog();
    const before = JSON.stringify(intradayValues(bed));
    // Grow Sheet1 to 8,800,000 cells: 30 more days (43,200 rows x 5 columns) would pass
    // 9,000,000, the limit less the margin.
    const model = bed.rt.sheets.get(bed.spreadsheetId);
    const sheet1 = model.sheet('Sheet1');
    sheet1.insertRows(
      sheet1.maxRows + 1,
      Math.ceil(8_800_000 / sheet1.maxColumns) - sheet1.maxRows,
    );
    // The Intraday sheet the add-on made has its own 5 columns only.
    expect(model.sheet(intradaySheetId(bed)!).maxColumns).toBe(5);
    const reply = await intraday(bed, '2026-09-01', '2026-09-30');
    expect(reply.ok).toBe(false);
    expect(reply.message).toMatch(
      /^Intraday for 30 days would take this spreadsheet to [\d,]+ cells/,
    );
    expect(reply.message).toContain("Sheets' limit of 10,000,000 cells");
    expect(reply.message).toContain('keeps 1,000,000 cells free');
    expect(rollUps(bed)).toHaveLength(0);
    expect(JSON.stringify(intradayValues(bed))).toBe(before);
    sheet1.deleteRows(1001, sheet1.maxRows - 1000);
  });

  it('today is not offered, and a job under way refuses an intraday fetch until it ends', async () => {
    const today = await ok<SyncReply>(bed, 'startIntraday', ['2026-11-21', '2026-11-22']);
    expect(today.ok).toBe(false);
    expect(today.message).toContain('up to yesterday (2026-11-21)');
    // A backfill paused by the rate limit stays under way.
    bed.sim.settings.googleRateLimitPerMinute = 3;
    const back = await ok<SyncReply>(bed, 'startBackfill', ['2025-11-01']);
    expect(back.state.sync.next?.kind).toBe('continuation');
    const refused = await intraday(bed, '2026-11-10', '2026-11-10');
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('backfill is still under way');
    bed.sim.settings.googleRateLimitPerMinute = 300;
    await ok(bed, 'cancelSync');
  });

  it('cut short by the 6-minute limit, the fetch resumes where it stopped and ends with every minute once', async () => {
    bed.spreadsheetId = bed.rt.sheets.createSpreadsheet('Intraday resume', ZONE);
    await ok(bed, 'saveSyncSettings', [{ metrics: METRICS, units: 'metric' }]);
    bed.sim.clearLog();
    // Each roll-up costs 90 s of the clock: the first batch (2 heart-rate chunks and 1 steps
    // chunk, their first pages) uses up one execution's time budget; the second pages wait.
    bed.sim.settings.slowRoute = {
      host: 'health.googleapis.com',
      pathPrefix: '/v4/users/me/dataTypes',
      clockMs: 90_000,
    };
    let reply: SyncReply;
    try {
      reply = await intraday(bed, '2026-10-01', '2026-10-16');
    } finally {
      bed.sim.settings.slowRoute = null;
    }
    expect(reply.ok).toBe(true);
    expect(reply.state.sync.next).toMatchObject({ kind: 'continuation', reason: 'time-budget' });
    expect(reply.state.sync.progress?.daysTotal).toBe(16);
    // The 2-day heart-rate chunk is one page: done, its days of heart rate written already.
    expect(reply.state.sync.progress?.daysDone).toBe(0);
    const firstRun = rollUps(bed).length;
    for (let i = 0; i < 10 && reply.state.sync.next?.kind === 'continuation'; i++)
      reply = await ok<SyncReply>(bed, 'continueFromSidebar');
    expect(reply.message).toContain('Intraday finished: 16 days, 23,040 minutes');
    const span = [Date.parse('2026-10-01T07:00:00Z'), Date.parse('2026-10-17T07:00:00Z')] as const;
    const values = intradayValues(bed);
    expect(values).toHaveLength(1 + 16 * 1440);
    const want = expected(bed, ...span);
    expect(JSON.stringify(values.slice(1))).toBe(JSON.stringify(want.rows));
    // The continuation sent only what the first run had not finished; a request whose pages the
    // pause cut short is read again from its first page (pages are not kept across runs).
    const sent = rollUps(bed).length;
    expect(firstRun).toBeLessThan(want.pages);
    expect(sent).toBeGreaterThanOrEqual(want.pages);
    expect(sent).toBeLessThan(2 * want.pages);
  }, 120_000);
});

describe('intraday with the legacy Fitbit provider', () => {
  let bed: SyncBed;
  beforeAll(async () => {
    bed = await startSyncBed('fitbit', { timeZone: ZONE });
  });
  afterAll(async () => bed?.close());

  it('is refused with a clear message, and nothing is fetched', async () => {
    bed.sim.clearLog();
    const reply = await intraday(bed, '2026-11-14', '2026-11-20');
    expect(reply.ok).toBe(false);
    expect(reply.message).toContain('legacy Fitbit Web API provider does not supply them');
    expect(bed.sim.requests({ host: 'api.fitbit.com' })).toHaveLength(0);
    expect(await syncNow(bed)).toMatchObject({ ok: true });
  });
});
