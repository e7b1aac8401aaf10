// Google Health `dataPoints:rollUp` in the simulator: per-minute heart rate and steps in the
// discovery document's shapes, absent minutes, a day that looks like a day, range caps, paging.
import fs from 'node:fs';
import path from 'node:path';
import type { Simulator } from '../../../dev/simulator/index';
import { rollUpPoints } from '../../../dev/simulator/google-intraday';
import { localMinute } from '../../../dev/simulator/synthetic-intraday';
import { G_ACTIVITY, G_METRICS, googleTokens, postJson, startSimulator, NOON_LA } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any */
const discovery: any = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, '..', '..', '..', 'specs', 'google-health-v4.discovery.json'),
    'utf8',
  ),
);

/** Every key of a value is a field of the schema, recursively (arrays by their item schema). */
function expectSchemaFields(value: any, schemaName: string, where: string): void {
  const schema = discovery.schemas[schemaName];
  if (!schema) throw new Error(`no schema ${schemaName}`);
  for (const [k, v] of Object.entries(value)) {
    const prop = schema.properties[k];
    if (!prop) throw new Error(`${where}.${k} is not a field of ${schemaName}`);
    const ref = prop.$ref ?? prop.items?.$ref;
    if (ref && v && typeof v === 'object')
      for (const item of Array.isArray(v) ? v : [v]) expectSchemaFields(item, ref, `${where}.${k}`);
  }
}

// Midnight 2026-11-14 to midnight 2026-11-21 in Los Angeles (PST, UTC-8): seven whole days.
const WEEK = { startTime: '2026-11-14T08:00:00Z', endTime: '2026-11-21T08:00:00Z' };
const WEEK_MS = [Date.parse(WEEK.startTime), Date.parse(WEEK.endTime)] as const;

let sim: Simulator;
let bearer: Record<string, string>;
beforeAll(async () => {
  sim = await startSimulator({ atMs: NOON_LA });
  bearer = { authorization: `Bearer ${(await googleTokens(sim)).access_token}` };
});
afterAll(async () => {
  await sim.close();
});

const rollUp = (type: string, body: unknown, headers = bearer) =>
  postJson(
    sim,
    `health.googleapis.com/v4/users/me/dataTypes/${type}/dataPoints:rollUp`,
    body,
    headers,
  );

test('the request fields sent are RollUpDataPointsRequest fields, the range an Interval of instants', () => {
  const req = discovery.schemas.RollUpDataPointsRequest.properties;
  for (const f of ['range', 'windowSize', 'pageSize', 'pageToken']) expect(req[f]).toBeDefined();
  expect(req.range.$ref).toBe('Interval');
  expect(Object.keys(discovery.schemas.Interval.properties).sort()).toEqual([
    'endTime',
    'startTime',
  ]);
  expect(req.range.description).toContain('`heart-rate`');
  expect(req.range.description).toContain('14 days');
  expect(req.pageSize.description).toContain('10000');
});

test('heart rate per minute for a week: one point per minute with data, avg/min/max, in the schema', async () => {
  const r = await rollUp('heart-rate', { range: WEEK, windowSize: '60s', pageSize: 10000 });
  expect(r.status).toBe(200);
  expectSchemaFields(r.body, 'RollUpDataPointsResponse', 'heart-rate');
  const points: any[] = r.body.rollupDataPoints;
  // 10,080 minutes less those without a device (the charger, days not worn).
  expect(points.length).toBeGreaterThan(8000);
  expect(points.length).toBeLessThan(10080);
  expect(r.body.nextPageToken).toBeUndefined();
  // Plain checks, one expect: thousands of expect calls would idle the HTTP connection too long.
  const bad = points.filter(
    (p) =>
      Date.parse(p.endTime) - Date.parse(p.startTime) !== 60_000 ||
      !/^2026-11-\d\dT\d\d:\d\d:00Z$/.test(p.startTime) ||
      p.heartRate.beatsPerMinuteMin > p.heartRate.beatsPerMinuteAvg ||
      p.heartRate.beatsPerMinuteMax < p.heartRate.beatsPerMinuteAvg,
  );
  expect(bad).toEqual([]);
  // Newest first, and equal to what the simulator's data says.
  expect(points[0].startTime > points[points.length - 1].startTime).toBe(true);
  const user = sim.user('user@example.com');
  expect(points).toEqual(rollUpPoints(user, 'heart-rate', WEEK_MS[0], WEEK_MS[1], 60_000, NOON_LA));
});

test('the day has a shape: asleep low, a run high, an hour on the charger absent', () => {
  const user = sim.user('user@example.com');
  const points = rollUpPoints(user, 'heart-rate', WEEK_MS[0], WEEK_MS[1], 60_000, NOON_LA);
  const byHour = new Map<number, number[]>();
  for (const p of points as any[]) {
    const h = Math.floor(localMinute(Date.parse(p.startTime), user.timeZone).minuteOfDay / 60);
    byHour.set(h, [...(byHour.get(h) ?? []), p.heartRate.beatsPerMinuteAvg]);
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  expect(mean(byHour.get(3)!)).toBeLessThan(mean(byHour.get(15)!) - 10);
  expect(Math.max(...(points as any[]).map((p) => p.heartRate.beatsPerMinuteMax))).toBeGreaterThan(
    140,
  );
  // Every worn day has minutes without data (the charger): fewer than 1,440 points per day.
  const perDay = new Map<string, number>();
  for (const p of points as any[]) {
    const d = localMinute(Date.parse(p.startTime), user.timeZone).date;
    perDay.set(d, (perDay.get(d) ?? 0) + 1);
  }
  for (const n of perDay.values()) expect(n).toBeLessThan(1440);
});

test('steps per minute: countSum as an int64 string, a zero minute as {} (proto3), present while worn', async () => {
  const r = await rollUp('steps', { range: WEEK, windowSize: '60s', pageSize: 10000 });
  expect(r.status).toBe(200);
  expectSchemaFields(r.body, 'RollUpDataPointsResponse', 'steps');
  const points: any[] = r.body.rollupDataPoints;
  expect(points.some((p) => p.steps.countSum === undefined)).toBe(true);
  const counts = points.filter((p) => p.steps.countSum !== undefined).map((p) => p.steps.countSum);
  expect(counts.filter((c) => !/^[1-9]\d*$/.test(c))).toEqual([]);
  expect(Math.max(...counts.map(Number))).toBeGreaterThan(120);
  // The same minutes carry heart rate and steps: both come from the device being worn.
  const hr = await rollUp('heart-rate', { range: WEEK, windowSize: '60s', pageSize: 10000 });
  expect(points.map((p) => p.startTime)).toEqual(
    hr.body.rollupDataPoints.map((p: any) => p.startTime),
  );
});

test('pages of 1000 with nextPageToken give the same points as one page of 10000', async () => {
  const whole = await rollUp('heart-rate', { range: WEEK, windowSize: '60s', pageSize: 10000 });
  const paged: any[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const r = await rollUp('heart-rate', {
      range: WEEK,
      windowSize: '60s',
      pageSize: 1000,
      ...(token ? { pageToken: token } : {}),
    });
    expect(r.status).toBe(200);
    paged.push(...r.body.rollupDataPoints);
    token = r.body.nextPageToken;
    pages++;
  } while (token);
  expect(JSON.stringify(paged)).toBe(JSON.stringify(whole.body.rollupDataPoints));
  expect(pages).toBe(Math.ceil(paged.length / 1000));
  // A page size over the maximum is truncated to 10000; none asks for the default 1440.
  const big = await rollUp('steps', {
    range: { startTime: '2026-10-01T07:00:00Z', endTime: '2026-10-20T07:00:00Z' },
    windowSize: '60s',
    pageSize: 50000,
  });
  expect(big.body.rollupDataPoints.length).toBe(10000);
  expect(big.body.nextPageToken).toEqual(expect.any(String));
  const dflt = await rollUp('steps', { range: WEEK, windowSize: '60s' });
  expect(dflt.body.rollupDataPoints.length).toBe(1440);
});

test('a page token used with other fields is refused with 400', async () => {
  const first = await rollUp('heart-rate', { range: WEEK, windowSize: '60s', pageSize: 100 });
  const r = await rollUp('heart-rate', {
    range: WEEK,
    windowSize: '120s',
    pageSize: 100,
    pageToken: first.body.nextPageToken,
  });
  expect(r.status).toBe(400);
  expect(r.body.error.status).toBe('INVALID_ARGUMENT');
});

test('range caps: heart rate 14 days, steps 90; one minute past the cap is 400 INVALID_ARGUMENT', async () => {
  const start = Date.parse('2026-08-01T07:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString();
  const range = (days: number, extraMs = 0) => ({
    startTime: iso(start),
    endTime: iso(start + days * 86_400_000 + extraMs),
  });
  const body = (r: unknown) => ({ range: r, windowSize: '3600s', pageSize: 10000 });
  expect((await rollUp('heart-rate', body(range(14)))).status).toBe(200);
  const over = await rollUp('heart-rate', body(range(14, 60_000)));
  expect(over.status).toBe(400);
  expect(over.body.error.status).toBe('INVALID_ARGUMENT');
  expect(over.body.error.message).toContain('14 days');
  expect((await rollUp('steps', body(range(90)))).status).toBe(200);
  expect((await rollUp('steps', body(range(90, 60_000)))).status).toBe(400);
});

test('bad requests: no windowSize, a civil-date range, an end before the start, another data type', async () => {
  expect((await rollUp('heart-rate', { range: WEEK })).status).toBe(400);
  expect(
    (
      await rollUp('heart-rate', {
        range: { start: { date: { year: 2026, month: 11, day: 1 } } },
        windowSize: '60s',
      })
    ).status,
  ).toBe(400);
  expect(
    (
      await rollUp('steps', {
        range: { startTime: WEEK.endTime, endTime: WEEK.startTime },
        windowSize: '60s',
      })
    ).status,
  ).toBe(400);
  expect((await rollUp('sleep', { range: WEEK, windowSize: '60s' })).status).toBe(400);
});

test('scopes: heart rate needs health metrics, steps activity (Google scope table)', async () => {
  const activityOnly = await googleTokens(sim, { scopes: [G_ACTIVITY] });
  const metricsOnly = await googleTokens(sim, { scopes: [G_METRICS] });
  const auth = (t: { access_token: string }) => ({ authorization: `Bearer ${t.access_token}` });
  const body = { range: WEEK, windowSize: '60s', pageSize: 10 };
  const hr = await rollUp('heart-rate', body, auth(activityOnly));
  expect(hr.status).toBe(403);
  expect(hr.body.error.details[0].reason).toBe('ACCESS_TOKEN_SCOPE_INSUFFICIENT');
  expect((await rollUp('steps', body, auth(activityOnly))).status).toBe(200);
  expect((await rollUp('heart-rate', body, auth(metricsOnly))).status).toBe(200);
  expect((await rollUp('steps', body, auth(metricsOnly))).status).toBe(403);
});

test('minutes not yet lived have no data: a range running past now ends at now', () => {
  const user = sim.user('user@example.com');
  const from = NOON_LA - 3_600_000;
  const points = rollUpPoints(user, 'steps', from, NOON_LA + 3_600_000, 60_000, NOON_LA);
  expect(points.length).toBeGreaterThan(0);
  expect((points as any[]).filter((p) => Date.parse(p.endTime) > NOON_LA)).toEqual([]);
});
