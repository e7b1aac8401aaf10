// Daily sleep columns on the built bundle with Google Health: each column holds the simulator's
// figure for the local wake day (the night that ended that day, its naps apart), clock times as
// fractions of a day shown as HH:mm, one row per local day across a trip over the date line, and
// exactly one `list` page per 25 sessions the filter selects (plus the empty page after a full one).
import { roundTo } from '../../../src/core/units';
import {
  addDays,
  backfill,
  dataRequests,
  localDate,
  settledRows,
  sheetRows,
  startSyncBed,
  syncNow,
  useNewSpreadsheet,
  USER,
  type SyncBed,
} from './bed';

const ZONE = 'America/Los_Angeles';
const SLEEP_METRICS = [
  'sleepAsleep',
  'sleepInBed',
  'sleepDeep',
  'sleepLight',
  'sleepRem',
  'sleepAwake',
  'sleepEfficiency',
  'bedtime',
  'wakeTime',
  'sleepLatency',
  'napCount',
  'napMinutes',
];
const HEADER = [
  'Date',
  'Steps',
  'Time asleep (min)',
  'Time in bed (min)',
  'Deep sleep (min)',
  'Light sleep (min)',
  'REM sleep (min)',
  'Awake in bed (min)',
  'Sleep efficiency (%)',
  'Bedtime',
  'Wake time',
  'Time to fall asleep (min)',
  'Naps',
  'Nap time (min)',
];

/* eslint-disable @typescript-eslint/no-explicit-any */
const seconds = (offset: string) => Number(/^(-?\d+)s$/.exec(offset)![1]);
/** Minutes since local midnight of an instant read at its own offset. */
const clockMinute = (instant: string, offset: string) => {
  const iso = new Date(Date.parse(instant) + seconds(offset) * 1000).toISOString();
  return Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
};

/** The sleep cells of a day, from the simulator's own points for that wake day. */
function expectedSleep(bed: SyncBed, day: string): unknown[] {
  const points = bed.sim.sleepFor(USER, day).map((p: any) => p.sleep);
  if (points.length === 0) return SLEEP_METRICS.map(() => '');
  const naps = points.filter((s: any) => s.metadata.nap);
  const nights = points.filter((s: any) => !s.metadata.nap);
  const napCells = [
    naps.length,
    naps.reduce((n: number, s: any) => n + Number(s.summary.minutesAsleep ?? 0), 0),
  ];
  if (nights.length === 0) return [...SLEEP_METRICS.slice(2).map(() => ''), ...napCells];
  expect(nights).toHaveLength(1);
  const s = nights[0];
  const inBed = (Date.parse(s.interval.endTime) - Date.parse(s.interval.startTime)) / 60000;
  const asleep = Number(s.summary.minutesAsleep ?? 0);
  const stage = (type: string) =>
    s.type !== 'STAGES'
      ? ''
      : Number(s.summary.stagesSummary.find((e: any) => e.type === type)?.minutes ?? 0);
  return [
    asleep,
    inBed,
    stage('DEEP'),
    stage('LIGHT'),
    stage('REM'),
    Number(s.summary.minutesAwake ?? 0),
    roundTo((100 * asleep) / inBed, 0),
    roundTo(clockMinute(s.interval.startTime, s.interval.startUtcOffset) / 1440, 8),
    roundTo(clockMinute(s.interval.endTime, s.interval.endUtcOffset) / 1440, 8),
    Number(s.summary.minutesToFallAsleep ?? 0),
    ...napCells,
  ];
}

/** Sessions the add-on's end-time filter selects for a range: what the pages hold. */
function sessionsInFilter(bed: SyncBed, start: string, end: string): number {
  const from = Date.parse(`${addDays(start, -1)}T10:00:00Z`);
  const until = Date.parse(`${addDays(end, 1)}T12:00:00Z`);
  let n = 0;
  for (let d = addDays(start, -2); d <= addDays(end, 2); d = addDays(d, 1))
    for (const p of bed.sim.sleepFor(USER, d) as any[]) {
      const at = Date.parse(p.sleep.interval.endTime);
      if (at >= from && at < until) n++;
    }
  return n;
}

function sleepRequests(bed: SyncBed) {
  return dataRequests(bed).filter((r) => r.path.includes('/dataTypes/sleep/'));
}

describe('google: sleep columns', () => {
  let bed: SyncBed;
  let today: string;
  beforeAll(async () => {
    bed = await startSyncBed('google', { timeZone: ZONE, metrics: ['steps', ...SLEEP_METRICS] });
    today = localDate(bed.clock.now(), ZONE);
  });
  afterAll(async () => bed?.close());

  it('30 days: every sleep column holds the simulator’s figure for its wake day; pages = floor(sessions / 25) + 1', async () => {
    const reply = await syncNow(bed);
    expect(reply.ok).toBe(true);
    expect(reply.state.sync.notes).toEqual([]);
    const rows = sheetRows(bed);
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(31);
    const settled = settledRows(rows.slice(1), today).filter((r) => r.length > 1);
    for (const row of settled)
      expect([row[0], ...row.slice(2)]).toEqual([row[0], ...expectedSleep(bed, row[0] as string)]);
    // What the parser had to handle: no device, a nap beside a night, a CLASSIC night.
    const col = (h: string) => HEADER.indexOf(h);
    expect(settled.some((r) => r[col('Time asleep (min)')] === '')).toBe(true);
    expect(settled.some((r) => (r[col('Naps')] as number) > 0)).toBe(true);
    expect(settled.some((r) => r[col('Naps')] === 0)).toBe(true);
    const n = sessionsInFilter(bed, addDays(today, -29), today);
    const requests = sleepRequests(bed);
    expect(requests).toHaveLength(Math.floor(n / 25) + 1);
    expect(requests[0].query).toEqual({
      pageSize: '25',
      filter: `sleep.interval.end_time >= "${addDays(today, -30)}T10:00:00Z" AND sleep.interval.end_time < "${addDays(today, 1)}T12:00:00Z"`,
    });
  });

  it('clock times are written as fractions of a day with an HH:mm format', () => {
    const model = bed.rt.sheets.get(bed.spreadsheetId);
    const sheet = model.sheet(
      Number(bed.rt.properties.document(bed.spreadsheetId).get('sync.sheetId')),
    );
    const display = sheet.displayValues() as string[][];
    const values = sheet.values() as unknown[][];
    const bed_ = HEADER.indexOf('Bedtime');
    const row = values.findIndex((r, i) => i > 0 && typeof r[bed_] === 'number');
    const minutes = Math.round((values[row][bed_] as number) * 1440);
    expect(display[row][bed_]).toBe(
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
    );
  });

  it.each([
    [1, 0],
    [365, 364],
    [1095, 1094],
  ])(
    '%i days: one sleep list for the range, one request per 25 sessions and the page after a full one; one row per local day across trips',
    async (days, back) => {
      await useNewSpreadsheet(bed);
      bed.sim.clearLog();
      const start = addDays(today, -back);
      const reply = await backfill(bed, start);
      expect(reply.ok).toBe(true);
      expect(reply.state.sync.lastSync?.days).toBe(days);
      const n = sessionsInFilter(bed, start, today);
      expect(sleepRequests(bed)).toHaveLength(Math.floor(n / 25) + 1);
      expect(dataRequests(bed).filter((r) => r.path.includes('/steps/'))).toHaveLength(
        Math.ceil(days / 90),
      );
      const rows = sheetRows(bed);
      expect(rows).toHaveLength(days + 1);
      expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(days);
      for (const row of settledRows(rows.slice(1), today).filter((r) => r.length > 1))
        expect([row[0], ...row.slice(2)]).toEqual([
          row[0],
          ...expectedSleep(bed, row[0] as string),
        ]);
      if (days === 1095) {
        // Nights in Tokyo wake on a UTC day before their local day: still on the local day.
        const tokyo = rows
          .slice(1)
          .filter((r) =>
            (bed.sim.sleepFor(USER, r[0] as string) as any[]).some(
              (p) => p.sleep.interval.endUtcOffset === '32400s' && p.sleep.metadata.mainSleep,
            ),
          );
        expect(tokyo.length).toBeGreaterThan(40);
        for (const r of tokyo) expect(typeof r[HEADER.indexOf('Time asleep (min)')]).toBe('number');
      }
    },
  );
});

describe('google: the sleep permission refused at consent', () => {
  let bed: SyncBed;
  beforeAll(async () => {
    bed = await startSyncBed('google', {
      timeZone: ZONE,
      metrics: ['steps', ...SLEEP_METRICS],
      scopes: ['https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly'],
    });
  });
  afterAll(async () => bed?.close());

  it('leaves the sleep columns out, says which, fills steps and asks nothing of sleep', async () => {
    const reply = await syncNow(bed);
    expect(reply.ok).toBe(true);
    expect(sheetRows(bed)[0]).toEqual(['Date', 'Steps']);
    expect(reply.state.sync.notes).toEqual([
      expect.stringContaining(
        'No permission for: Time asleep, Time in bed, Deep sleep, Light sleep, REM sleep, Awake in bed, Sleep efficiency, Bedtime, Wake time, Time to fall asleep, Naps, Nap time',
      ),
    ]);
    expect(sleepRequests(bed)).toHaveLength(0);
  });
});
