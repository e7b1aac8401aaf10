// Google Health sleep sessions in the simulator: the discovery document's Sleep shape, realistic
// nights (stages, CLASSIC, naps, no device, before midnight, a trip across the date line), the
// end-time filter with 400 INVALID_ARGUMENT for anything else, page size 25 with the empty last
// page, the sleep scope, and an edited session with a newer updateTime.
import fs from 'node:fs';
import path from 'node:path';
import type { Simulator } from '../../../dev/simulator/index';
import { G_ACTIVITY, G_METRICS, googleTokens, get, startSimulator } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any */
const discovery: any = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, '..', '..', '..', 'specs', 'google-health-v4.discovery.json'),
    'utf8',
  ),
);
const G_SLEEP = 'https://www.googleapis.com/auth/googlehealth.sleep.readonly';
/** 2026-11-30 12:00 in Los Angeles. */
const NOW = Date.UTC(2026, 10, 30, 20, 0, 0);

let sim: Simulator;
let bearer: Record<string, string>;

beforeEach(async () => {
  sim = await startSimulator({ atMs: NOW });
  const t = await googleTokens(sim, { scope: `${G_ACTIVITY} ${G_SLEEP}` });
  bearer = { authorization: `Bearer ${t.access_token}` };
});
afterEach(async () => {
  await sim.close();
});

const list = (query: Record<string, string>, headers = bearer) =>
  get(
    sim,
    `health.googleapis.com/v4/users/me/dataTypes/sleep/dataPoints?${new URLSearchParams(query)}`,
    headers,
  );
const endFilter = (from: string, until: string) =>
  `sleep.interval.end_time >= "${from}" AND sleep.interval.end_time < "${until}"`;

/** Every page of a list, following nextPageToken to the end. */
async function allPages(query: Record<string, string>): Promise<any[]> {
  const bodies: any[] = [];
  let token: string | undefined;
  do {
    const r = await list({ ...query, ...(token ? { pageToken: token } : {}) });
    expect(r.status).toBe(200);
    bodies.push(r.body);
    token = r.body.nextPageToken;
  } while (token);
  return bodies;
}

const offsetSeconds = (o: string) => Number(/^(-?\d+)s$/.exec(o)![1]);
/** 'yyyy-MM-ddTHH:mm' of an instant read at a duration offset. */
const localClock = (instant: string, offset: string) =>
  new Date(Date.parse(instant) + offsetSeconds(offset) * 1000).toISOString().slice(0, 16);
const wakeDate = (p: any) =>
  localClock(p.sleep.interval.endTime, p.sleep.interval.endUtcOffset).slice(0, 10);

function expectSchemaFields(value: any, schemaName: string, where: string): void {
  const schema = discovery.schemas[schemaName];
  expect(schema).toBeDefined();
  for (const [k, v] of Object.entries(value)) {
    const prop = schema.properties[k];
    if (!prop) throw new Error(`${where}.${k} is not a field of ${schemaName}`);
    const ref = prop.$ref ?? prop.items?.$ref;
    if (ref && v && typeof v === 'object') {
      for (const item of Array.isArray(v) ? v : [v]) expectSchemaFields(item, ref, `${where}.${k}`);
    }
  }
}

describe('a year of sleep', () => {
  let points: any[];
  beforeEach(async () => {
    const pages = await allPages({
      filter: endFilter('2025-12-01T00:00:00Z', '2026-12-01T00:00:00Z'),
      pageSize: '25',
    });
    points = pages.flatMap((b) => b.dataPoints ?? []);
  });

  test('points use only the discovery document’s fields and enums, int64 as strings, no civil times', () => {
    const enums = discovery['x-enums'];
    expect(points.length).toBeGreaterThan(300);
    for (const p of points) {
      expectSchemaFields(p, 'DataPoint', 'point');
      const s = p.sleep;
      expect(enums['Sleep.type']).toContain(s.type);
      expect(enums['SleepMetadata.stagesStatus']).toContain(s.metadata.stagesStatus);
      for (const st of s.stages) expect(enums['SleepStage.type']).toContain(st.type);
      for (const e of s.summary.stagesSummary) {
        expect(enums['StageSummary.type']).toContain(e.type);
        expect(e.minutes).toMatch(/^[1-9]\d*$/);
        expect(e.count).toMatch(/^[1-9]\d*$/);
      }
      for (const f of ['minutesAsleep', 'minutesAwake', 'minutesInSleepPeriod'])
        expect(s.summary[f]).toMatch(/^[1-9]\d*$/);
      // proto3 JSON: zero fields and false booleans are left out.
      if ('minutesAfterWakeUp' in s.summary) expect(s.summary.minutesAfterWakeUp).not.toBe('0');
      expect(Object.values(s.metadata)).not.toContain(false);
      expect(s.interval.civilStartTime).toBeUndefined();
      expect(s.interval.civilEndTime).toBeUndefined();
      expect(s.interval.endUtcOffset).toMatch(/^-?\d+s$/);
      expect(Date.parse(s.updateTime)).toBeGreaterThanOrEqual(Date.parse(s.createTime));
      expect(Date.parse(s.createTime)).toBeGreaterThan(Date.parse(s.interval.endTime));
      expect(p.name).toMatch(/^users\/\d+\/dataTypes\/sleep\/dataPoints\/\d+$/);
    }
    expect(new Set(points.map((p) => p.name)).size).toBe(points.length);
  });

  test('stages cover the session without gaps, and the summary adds them up as the discovery document says', () => {
    for (const { sleep: s } of points) {
      const minutes = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 60000;
      expect(s.stages[0].startTime).toBe(s.interval.startTime);
      expect(s.stages[s.stages.length - 1].endTime).toBe(s.interval.endTime);
      for (let i = 1; i < s.stages.length; i++)
        expect(s.stages[i].startTime).toBe(s.stages[i - 1].endTime);
      const byType: Record<string, number> = {};
      for (const st of s.stages)
        byType[st.type] = (byType[st.type] ?? 0) + minutes(st.startTime, st.endTime);
      const asleep =
        s.type === 'STAGES'
          ? (byType.LIGHT ?? 0) + (byType.DEEP ?? 0) + (byType.REM ?? 0)
          : (byType.ASLEEP ?? 0);
      expect(Number(s.summary.minutesAsleep)).toBe(asleep);
      expect(Number(s.summary.minutesAwake ?? 0)).toBe(byType.AWAKE ?? 0);
      expect(Number(s.summary.minutesInSleepPeriod)).toBe(
        minutes(s.interval.startTime, s.interval.endTime),
      );
      for (const e of s.summary.stagesSummary) expect(Number(e.minutes)).toBe(byType[e.type]);
      expect(Number(s.summary.minutesToFallAsleep ?? 0)).toBe(
        s.stages[0].type === 'AWAKE' ? minutes(s.stages[0].startTime, s.stages[0].endTime) : 0,
      );
    }
  });

  test('nights with stages, CLASSIC nights, naps beside a main sleep, and days without sleep', () => {
    const main = points.filter((p) => p.sleep.metadata.mainSleep);
    const naps = points.filter((p) => p.sleep.metadata.nap);
    expect(main.length + naps.length).toBe(points.length);
    expect(naps.every((p) => !p.sleep.metadata.mainSleep && p.sleep.type === 'CLASSIC')).toBe(true);
    expect(naps.every((p) => p.sleep.metadata.stagesStatus === 'REJECTED_NAP')).toBe(true);
    const classic = main.filter((p) => p.sleep.type === 'CLASSIC');
    expect(classic.length).toBeGreaterThan(5);
    expect(classic.length).toBeLessThan(main.length / 4);
    for (const p of classic) {
      const types = p.sleep.summary.stagesSummary.map((e: any) => e.type);
      expect(types).toContain('ASLEEP');
      expect(types).not.toContain('DEEP');
    }
    expect(naps.length).toBeGreaterThan(30);
    const mainDays = new Set(main.map(wakeDate));
    expect(mainDays.size).toBe(main.length); // one main sleep per local day
    expect(naps.filter((p) => mainDays.has(wakeDate(p))).length).toBeGreaterThan(20);
    expect(mainDays.size).toBeLessThan(335); // nights without a device, flight days
    expect(mainDays.size).toBeGreaterThan(290);
  });

  test('most nights start before midnight, some after, and the wake day is the day the night ends', () => {
    const main = points.filter((p) => p.sleep.metadata.mainSleep);
    const startDay = (p: any) =>
      localClock(p.sleep.interval.startTime, p.sleep.interval.startUtcOffset).slice(0, 10);
    const before = main.filter((p) => startDay(p) < wakeDate(p));
    expect(before.length).toBeGreaterThan(main.length * 0.6);
    expect(before.length).toBeLessThan(main.length);
  });

  test('a trip across the date line: other offsets, a wake instant on the UTC day before the local wake day, still one night per local day', () => {
    const offsets = new Set(points.map((p) => p.sleep.interval.endUtcOffset));
    expect(offsets).toEqual(new Set(['-28800s', '-25200s', '32400s']));
    const tokyo = points.filter((p) => p.sleep.interval.endUtcOffset === '32400s');
    expect(tokyo.length).toBeGreaterThanOrEqual(20);
    const earlierUtcDay = tokyo.filter(
      (p) => p.sleep.metadata.mainSleep && p.sleep.interval.endTime.slice(0, 10) < wakeDate(p),
    );
    expect(earlierUtcDay.length).toBeGreaterThan(10);
    // The clocks went back in Los Angeles on 2026-11-01 at 02:00: that night changes offset.
    const dst = points.find((p) => wakeDate(p) === '2026-11-01' && p.sleep.metadata.mainSleep)!;
    expect(dst.sleep.interval.startUtcOffset).toBe('-25200s');
    expect(dst.sleep.interval.endUtcOffset).toBe('-28800s');
  });

  test('sessions come newest start first and sleepFor(day) gives the same points', () => {
    const starts = points.map((p) => p.sleep.interval.startTime);
    expect([...starts].sort().reverse()).toEqual(starts);
    const day = wakeDate(points.find((p) => p.sleep.metadata.nap)!);
    const ofDay = points.filter((p) => wakeDate(p) === day).reverse();
    expect(sim.sleepFor('user@example.com', day)).toEqual(ofDay);
  });
});

test('the end-time filter selects by end instant; civil_end_time by the local clock at waking; OR joins ranges', async () => {
  const everything = (
    await allPages({ filter: endFilter('2026-09-01T00:00:00Z', '2026-12-01T00:00:00Z') })
  ).flatMap((b) => b.dataPoints ?? []);
  const inOctober = everything.filter(
    (p) => p.sleep.interval.endTime >= '2026-10-01' && p.sleep.interval.endTime < '2026-10-08',
  );
  const physical = (
    await allPages({ filter: endFilter('2026-10-01T00:00:00Z', '2026-10-08T00:00:00Z') })
  ).flatMap((b) => b.dataPoints ?? []);
  expect(physical).toEqual(inOctober);
  const civil = (
    await allPages({
      filter:
        'sleep.interval.civil_end_time >= "2026-10-01" AND sleep.interval.civil_end_time < "2026-10-08"',
    })
  ).flatMap((b) => b.dataPoints ?? []);
  expect(civil).toEqual(
    everything.filter((p) => wakeDate(p) >= '2026-10-01' && wakeDate(p) < '2026-10-08'),
  );
  const either = (
    await allPages({
      filter:
        'sleep.interval.civil_end_time >= "2026-10-01" AND sleep.interval.civil_end_time < "2026-10-03" OR sleep.interval.civil_end_time >= "2026-11-01T08:00:00" AND sleep.interval.civil_end_time < "2026-11-02"',
    })
  ).flatMap((b) => b.dataPoints ?? []);
  expect(either).toEqual(
    everything.filter((p) => {
      const local = localClock(p.sleep.interval.endTime, p.sleep.interval.endUtcOffset);
      return (
        (local >= '2026-10-01' && local < '2026-10-03') ||
        (local >= '2026-11-01T08:00' && local < '2026-11-02')
      );
    }),
  );
});

test.each([
  ['the start time', 'sleep.interval.start_time >= "2026-10-01T00:00:00Z"'],
  ['the civil start time (excluded for sleep)', 'sleep.interval.civil_start_time >= "2026-10-01"'],
  ['another data type’s field', 'exercise.interval.end_time >= "2026-10-01T00:00:00Z"'],
  ['the operator <=', 'sleep.interval.end_time <= "2026-10-01T00:00:00Z"'],
  ['an unquoted timestamp', 'sleep.interval.end_time >= 2026-10-01T00:00:00Z'],
  ['a date for the physical end time', 'sleep.interval.end_time >= "2026-10-01"'],
  ['a half-empty AND', 'sleep.interval.end_time >= "2026-10-01T00:00:00Z" AND '],
])('a sleep filter on %s is 400 INVALID_ARGUMENT', async (_what, filter) => {
  const r = await list({ filter });
  expect(r.status).toBe(400);
  expect(r.body.error.status).toBe('INVALID_ARGUMENT');
  expect(r.body.error.message).toMatch(/filter/i);
});

test('dataSourceFamily is refused for sleep (discovery doc)', async () => {
  const r = await list({
    filter: endFilter('2026-10-01T00:00:00Z', '2026-10-08T00:00:00Z'),
    dataSourceFamily: 'users/me/dataSourceFamilies/all-sources',
  });
  expect(r.status).toBe(400);
});

test('paging: at most 25 a page whatever pageSize asks, a full last page is followed by {}, tokens belong to their filter', async () => {
  const filter = endFilter('2026-06-01T00:00:00Z', '2026-12-01T00:00:00Z');
  const big = await allPages({ filter, pageSize: '10000' });
  const n = big.flatMap((b) => b.dataPoints ?? []).length;
  expect(n).toBeGreaterThan(150);
  for (const b of big.slice(0, -1)) expect(b.dataPoints).toHaveLength(25);
  expect(big).toHaveLength(Math.floor(n / 25) + 1);
  const noSize = await allPages({ filter });
  expect(noSize).toEqual(big);
  // A range with exactly 25 sessions: one full page with a token, then {}.
  const all = big.flatMap((b) => b.dataPoints);
  const oldestOf25 = all[24].sleep.interval.endTime;
  const newest = all[0].sleep.interval.endTime;
  const exact = await allPages({
    filter: endFilter(oldestOf25, new Date(Date.parse(newest) + 1000).toISOString()),
  });
  expect(exact).toHaveLength(2);
  expect(exact[0].dataPoints).toHaveLength(25);
  expect(exact[1]).toEqual({});
  const other = await list({
    filter: endFilter('2026-07-01T00:00:00Z', '2026-12-01T00:00:00Z'),
    pageToken: big[0].nextPageToken,
  });
  expect(other.status).toBe(400);
});

test('sleep needs the sleep scope', async () => {
  const t = await googleTokens(sim, { scope: `${G_ACTIVITY} ${G_METRICS}` });
  const r = await list(
    { filter: endFilter('2026-10-01T00:00:00Z', '2026-10-08T00:00:00Z') },
    { authorization: `Bearer ${t.access_token}` },
  );
  expect(r.status).toBe(403);
  expect(r.body.error.details[0].reason).toBe('ACCESS_TOKEN_SCOPE_INSUFFICIENT');
});

test('an edited session starts later, is marked manually edited and has a newer updateTime', async () => {
  const filter = endFilter('2026-11-20T00:00:00Z', '2026-11-27T00:00:00Z');
  const before = (await allPages({ filter })).flatMap((b) => b.dataPoints);
  const target = before.find((p) => p.sleep.metadata.mainSleep && p.sleep.type === 'STAGES');
  sim.clock.advance(600_000);
  sim.editSleepSession('user@example.com', target.name, 30);
  const after = (await allPages({ filter })).flatMap((b) => b.dataPoints);
  const edited = after.find((p) => p.name === target.name);
  expect(Date.parse(edited.sleep.updateTime)).toBeGreaterThanOrEqual(NOW + 600_000);
  expect(Date.parse(edited.sleep.updateTime)).toBeGreaterThan(Date.parse(target.sleep.updateTime));
  expect(edited.sleep.metadata.manuallyEdited).toBe(true);
  expect(Date.parse(edited.sleep.interval.startTime)).toBe(
    Date.parse(target.sleep.interval.startTime) + 30 * 60000,
  );
  expect(edited.sleep.interval.endTime).toBe(target.sleep.interval.endTime);
  expect(Number(edited.sleep.summary.minutesInSleepPeriod)).toBe(
    Number(target.sleep.summary.minutesInSleepPeriod) - 30,
  );
  expect(after.filter((p) => p.name !== target.name)).toEqual(
    before.filter((p) => p.name !== target.name),
  );
});
