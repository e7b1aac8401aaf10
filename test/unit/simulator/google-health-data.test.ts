// Google Health data routes of the simulator: dailyRollUp shape, newest-first order with absent
// days, paging, range caps, identity, the per-minute limit and ACCOUNT_NOT_LINKED.
import type { Simulator } from '../../../dev/simulator/index';
import { METRICS } from '../../../src/providers/metrics';
import {
  G_ACTIVITY,
  G_METRICS,
  googleTokens,
  postJson,
  get,
  startSimulator,
  NOON_LA,
} from './helpers';

let sim: Simulator;
let bearer: Record<string, string>;

beforeEach(async () => {
  sim = await startSimulator({ atMs: NOON_LA });
  bearer = { authorization: `Bearer ${(await googleTokens(sim)).access_token}` };
});
afterEach(async () => {
  await sim.close();
});

const d = (s: string) => {
  const [year, month, day] = s.split('-').map(Number);
  return { date: { year, month, day } };
};
const rollUp = (
  type: string,
  start: string,
  end: string,
  extra: Record<string, unknown> = {},
  headers = bearer,
) =>
  postJson(
    sim,
    `health.googleapis.com/v4/users/me/dataTypes/${type}/dataPoints:dailyRollUp`,
    { range: { start: d(start), end: d(end) }, windowSizeDays: 1, ...extra },
    headers,
  );
const dateOf = (p: { civilStartTime: { date: { year: number; month: number; day: number } } }) => {
  const x = p.civilStartTime.date;
  return `${x.year}-${String(x.month).padStart(2, '0')}-${String(x.day).padStart(2, '0')}`;
};

test('steps: newest first, end exclusive, int64 as strings, unworn days absent', async () => {
  const r = await rollUp('steps', '2026-08-24', '2026-11-22', { pageSize: 90 });
  expect(r.status).toBe(200);
  const points = r.body.rollupDataPoints;
  const dates = points.map(dateOf);
  expect([...dates].sort().reverse()).toEqual(dates);
  expect(dates).not.toContain('2026-11-22');
  expect(points.length).toBeLessThan(90);
  expect(points.length).toBeGreaterThan(70);
  for (const p of points) {
    expect(typeof p.steps.countSum).toBe('string');
    expect(p.steps).toEqual(sim.dataFor('google', 'user@example.com', 'steps', dateOf(p)));
  }
  const absent = [...Array(90)]
    .map((_, i) => new Date(Date.UTC(2026, 7, 24 + i)).toISOString().slice(0, 10))
    .filter((x) => !dates.includes(x));
  for (const a of absent) {
    expect(sim.dataFor('google', 'user@example.com', 'steps', a)).toBeUndefined();
    expect(sim.dataFor('fitbit', 'user@example.com', 'steps', a)).toBe('0');
  }
  const first = points[points.length - 1];
  expect(first.civilEndTime).toEqual(
    d(new Date(Date.parse(dateOf(first)) + 86400000).toISOString().slice(0, 10)),
  );
});

test('each data type answers its documented member and value types', async () => {
  const cases: [string, (v: Record<string, unknown>) => void][] = [
    ['distance', (v) => expect(v.millimetersSum).toMatch(/^\d+$/)],
    ['floors', (v) => expect(v.countSum).toMatch(/^\d+$/)],
    ['altitude', (v) => expect(v.gainMillimetersSum).toMatch(/^\d+$/)],
    ['total-calories', (v) => expect(typeof v.kcalSum).toBe('number')],
    ['active-energy-burned', (v) => expect(typeof v.kcalSum).toBe('number')],
    ['sedentary-period', (v) => expect(v.durationSum).toMatch(/^\d+s$/)],
    // proto3 JSON leaves a zero zone out; what is present is an int64 string.
    [
      'active-zone-minutes',
      (v) => {
        expect(v.sumInFatBurnHeartZone).toMatch(/^[1-9]\d*$/);
        for (const f of ['sumInCardioHeartZone', 'sumInPeakHeartZone'])
          if (f in v) expect(v[f]).toMatch(/^[1-9]\d*$/);
      },
    ],
    ['heart-rate', (v) => expect(typeof v.beatsPerMinuteAvg).toBe('number')],
    [
      'active-minutes',
      (v) =>
        expect(
          (v.activeMinutesRollupByActivityLevel as { activityLevel: string }[]).map(
            (x) => x.activityLevel,
          ),
        ).toEqual(['LIGHT', 'MODERATE', 'VIGOROUS']),
    ],
  ];
  const member: Record<string, string> = {
    distance: 'distance',
    floors: 'floors',
    altitude: 'altitude',
    'total-calories': 'totalCalories',
    'active-energy-burned': 'activeEnergyBurned',
    'sedentary-period': 'sedentaryPeriod',
    'active-zone-minutes': 'activeZoneMinutes',
    'heart-rate': 'heartRate',
    'active-minutes': 'activeMinutes',
  };
  for (const [type, check] of cases) {
    const r = await rollUp(type, '2026-11-08', '2026-11-22');
    expect(r.status).toBe(200);
    expect(r.body.rollupDataPoints.length).toBeGreaterThan(5);
    for (const p of r.body.rollupDataPoints) check(p[member[type]]);
  }
});

test('every roll-up data type and member the add-on reads is served', async () => {
  for (const m of METRICS) {
    if (!m.google || m.google.read !== 'daily-rollup') continue;
    const r = await rollUp(m.google.dataType, '2026-11-08', '2026-11-22');
    expect({ type: m.google.dataType, status: r.status }).toEqual({
      type: m.google.dataType,
      status: 200,
    });
    const withMember = r.body.rollupDataPoints.filter(
      (p: Record<string, unknown>) => p[m.google!.member] !== undefined,
    );
    expect(withMember.length).toBeGreaterThan(0);
  }
});

test('Google and Fitbit tell the same story for a day', async () => {
  const r = await rollUp('total-calories', '2026-11-01', '2026-11-15');
  for (const p of r.body.rollupDataPoints) {
    expect(p.totalCalories.kcalSum).toBe(
      Number(sim.dataFor('fitbit', 'user@example.com', 'calories', dateOf(p))),
    );
  }
});

test('weight appears only on weigh-in days and needs the metrics scope', async () => {
  const r = await rollUp('weight', '2026-09-01', '2026-11-22');
  expect(r.status).toBe(200);
  expect(r.body.rollupDataPoints.length).toBeGreaterThan(10);
  expect(r.body.rollupDataPoints.length).toBeLessThan(50);
  for (const p of r.body.rollupDataPoints) expect(p.weight.weightGramsAvg).toBeGreaterThan(40000);
  const narrow = await googleTokens(sim, { scopes: [G_ACTIVITY] });
  const denied = await rollUp(
    'weight',
    '2026-09-01',
    '2026-11-22',
    {},
    { authorization: `Bearer ${narrow.access_token}` },
  );
  expect(denied.status).toBe(403);
  const metricsOnly = await googleTokens(sim, { scopes: [G_METRICS] });
  expect(
    (
      await rollUp(
        'steps',
        '2026-11-01',
        '2026-11-02',
        {},
        { authorization: `Bearer ${metricsOnly.access_token}` },
      )
    ).status,
  ).toBe(403);
});

test('today is included and partial; days after today are absent', async () => {
  const r = await rollUp('steps', '2026-11-20', '2026-11-26');
  const dates = r.body.rollupDataPoints.map(dateOf);
  expect(dates.every((x: string) => x <= '2026-11-22')).toBe(true);
  const today = sim.dataFor('google', 'user@example.com', 'steps', '2026-11-22');
  if (today) expect(dates[0]).toBe('2026-11-22');
});

test('paging: pageSize smaller than the days gives nextPageToken and the rest on the next page', async () => {
  const all = (await rollUp('steps', '2026-10-01', '2026-11-01', { pageSize: 100 })).body
    .rollupDataPoints;
  const p1 = await rollUp('steps', '2026-10-01', '2026-11-01', { pageSize: 10 });
  expect(p1.body.rollupDataPoints).toHaveLength(10);
  expect(typeof p1.body.nextPageToken).toBe('string');
  const collected = [...p1.body.rollupDataPoints];
  let token = p1.body.nextPageToken;
  let pages = 1;
  while (token) {
    const next = await rollUp('steps', '2026-10-01', '2026-11-01', {
      pageSize: 10,
      pageToken: token,
    });
    collected.push(...next.body.rollupDataPoints);
    token = next.body.nextPageToken;
    pages++;
  }
  expect(collected).toEqual(all);
  expect(pages).toBe(Math.ceil(all.length / 10));
  const wrong = await rollUp('floors', '2026-10-01', '2026-11-01', {
    pageSize: 10,
    pageToken: p1.body.nextPageToken,
  });
  expect(wrong.status).toBe(400);
});

test('range caps: 90 days, 14 for total-calories, active-minutes and heart-rate', async () => {
  expect((await rollUp('steps', '2026-08-24', '2026-11-22')).status).toBe(200);
  const tooLong = await rollUp('steps', '2026-08-23', '2026-11-22');
  expect(tooLong.status).toBe(400);
  expect(tooLong.body.error.status).toBe('INVALID_ARGUMENT');
  for (const t of ['total-calories', 'active-minutes', 'heart-rate']) {
    expect((await rollUp(t, '2026-11-08', '2026-11-22')).status).toBe(200);
    expect((await rollUp(t, '2026-11-07', '2026-11-22')).body.error.status).toBe(
      'INVALID_ARGUMENT',
    );
  }
  expect((await rollUp('steps', '2026-11-22', '2026-11-22')).status).toBe(400);
  expect(
    (
      await postJson(
        sim,
        'health.googleapis.com/v4/users/me/dataTypes/steps/dataPoints:dailyRollUp',
        '{not json',
        bearer,
      )
    ).status,
  ).toBe(400);
});

test('a multi-day window sums the days it covers', async () => {
  const daily = (await rollUp('steps', '2026-11-01', '2026-11-08')).body.rollupDataPoints;
  const weekly = (await rollUp('steps', '2026-11-01', '2026-11-08', { windowSizeDays: 7 })).body
    .rollupDataPoints;
  expect(weekly).toHaveLength(1);
  const sum = daily.reduce(
    (s: number, p: { steps: { countSum: string } }) => s + Number(p.steps.countSum),
    0,
  );
  expect(weekly[0].steps.countSum).toBe(String(sum));
  expect(weekly[0].civilEndTime).toEqual(d('2026-11-08'));
});

test('identity names the health and legacy Fitbit user ids', async () => {
  const r = await get(sim, 'health.googleapis.com/v4/users/me/identity', bearer);
  expect(r.status).toBe(200);
  const u = sim.user('user@example.com');
  expect(r.body).toEqual({
    name: 'users/me/identity',
    healthUserId: u.healthUserId,
    legacyUserId: u.fitbitUserId,
  });
});

test('a user without a health profile gets 400 FAILED_PRECONDITION ACCOUNT_NOT_LINKED with a sign-up link', async () => {
  sim.addUser({ email: 'new@example.com', healthLinked: false });
  const t = await googleTokens(sim, { user: 'new@example.com' });
  const r = await rollUp(
    'steps',
    '2026-11-01',
    '2026-11-08',
    {},
    { authorization: `Bearer ${t.access_token}` },
  );
  expect(r.status).toBe(400);
  expect(r.body.error.status).toBe('FAILED_PRECONDITION');
  const info = r.body.error.details[0];
  expect(info['@type']).toBe('type.googleapis.com/google.rpc.ErrorInfo');
  expect(info.reason).toBe('ACCOUNT_NOT_LINKED');
  expect(info.domain).toBe('health.googleapis.com');
  expect(info.metadata.redirect_uri).toMatch(/^https:\/\//);
  const signup = await fetch(`${sim.url}/accounts.google.com/health/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'user=new%40example.com',
  });
  expect(signup.status).toBe(200);
  expect(
    (
      await rollUp(
        'steps',
        '2026-11-01',
        '2026-11-08',
        {},
        { authorization: `Bearer ${t.access_token}` },
      )
    ).status,
  ).toBe(200);
});

test('300 requests per user per minute, then 429 RESOURCE_EXHAUSTED until the next minute', async () => {
  // Start at the top of a minute so all 301 requests fall in one window.
  sim.clock.advance(60000 - (sim.clock.now() % 60000));
  const statuses: number[] = [];
  for (let i = 0; i < 301; i++)
    statuses.push((await get(sim, 'health.googleapis.com/v4/users/me/identity', bearer)).status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(300);
  expect(statuses[300]).toBe(429);
  const limited = await get(sim, 'health.googleapis.com/v4/users/me/identity', bearer);
  expect(limited.body.error.status).toBe('RESOURCE_EXHAUSTED');
  sim.clock.advance(60000);
  expect((await get(sim, 'health.googleapis.com/v4/users/me/identity', bearer)).status).toBe(200);
});

test('a missing token is 401 UNAUTHENTICATED with WWW-Authenticate', async () => {
  const r = await get(sim, 'health.googleapis.com/v4/users/me/identity');
  expect(r.status).toBe(401);
  expect(r.body.error.status).toBe('UNAUTHENTICATED');
  expect(r.headers.get('www-authenticate')).toContain('Bearer');
});
