// Fitbit data routes of the simulator: series shape and string values, absent days, units, range
// caps with Fitbit's 400 body, the daily summary, rate-limit headers and 429, and token errors.
import type { Simulator } from '../../../dev/simulator/index';
import { type Answer, fitbitTokens, get, startSimulator, NOON_LA } from './helpers';

let sim: Simulator;
let bearer: Record<string, string>;

beforeEach(async () => {
  sim = await startSimulator({ atMs: NOON_LA });
  bearer = { authorization: `Bearer ${(await fitbitTokens(sim)).access_token}` };
});
afterEach(async () => {
  await sim.close();
});

const series = (path: string, headers: Record<string, string> = {}) =>
  get(sim, `api.fitbit.com/1/user/-/activities/${path}`, { ...bearer, ...headers });

function expectValidation(r: Answer) {
  expect(r.status).toBe(400);
  expect(r.body.success).toBe(false);
  expect(r.body.errors[0].errorType).toBe('validation');
}

test('steps series: oldest first, one string value per day, equal to dataFor', async () => {
  const r = await series('steps/date/2026-10-01/2026-10-31.json');
  expect(r.status).toBe(200);
  const days = r.body['activities-steps'];
  expect(days).toHaveLength(31);
  expect(days[0].dateTime).toBe('2026-10-01');
  expect(days[30].dateTime).toBe('2026-10-31');
  for (const d of days) {
    expect(typeof d.value).toBe('string');
    expect(d.value).toBe(sim.dataFor('fitbit', 'user@example.com', 'steps', d.dateTime));
  }
});

test('worn days have realistic, consistent values; unworn days report "0" steps', async () => {
  const res = [
    'steps',
    'distance',
    'calories',
    'caloriesBMR',
    'minutesSedentary',
    'minutesLightlyActive',
    'minutesFairlyActive',
    'minutesVeryActive',
  ];
  const all: Record<string, { dateTime: string; value: string }[]> = {};
  for (const name of res)
    all[name] = (await series(`${name}/date/2025-11-22/2026-11-21.json`)).body[
      `activities-${name}`
    ];
  let zeros = 0;
  all.steps.forEach((d, i) => {
    const steps = Number(d.value);
    if (steps === 0) {
      zeros++;
      expect(all.minutesSedentary[i].value).toBe('1440');
      expect(all.calories[i].value).toBe(all.caloriesBMR[i].value);
      return;
    }
    expect(steps).toBeGreaterThanOrEqual(2000);
    expect(steps).toBeLessThanOrEqual(18000);
    const km = Number(all.distance[i].value);
    expect(km / steps).toBeGreaterThan(0.0006);
    expect(km / steps).toBeLessThan(0.0009);
    expect(Number(all.calories[i].value)).toBeGreaterThan(Number(all.caloriesBMR[i].value));
    const minutes = [
      'minutesSedentary',
      'minutesLightlyActive',
      'minutesFairlyActive',
      'minutesVeryActive',
    ].reduce((s, m) => s + Number(all[m][i].value), 0);
    expect(minutes).toBeLessThanOrEqual(1440);
  });
  expect(zeros).toBeGreaterThan(5);
  expect(zeros).toBeLessThan(80);
});

test('today is partial and future days are "0"', async () => {
  const r = await series('steps/date/2026-11-20/2026-11-24.json');
  const v = r.body['activities-steps'].map((d: { value: string }) => d.value);
  expect(v[3]).toBe('0');
  expect(v[4]).toBe('0');
  sim.clock.advance(6 * 3600 * 1000);
  const later = await series('steps/date/today/1d.json');
  expect(later.body['activities-steps'][0].dateTime).toBe('2026-11-22');
  if (v[2] !== '0')
    expect(Number(later.body['activities-steps'][0].value)).toBeGreaterThan(Number(v[2]));
});

test('the tracker variant and the period form answer the same values', async () => {
  const a = await series('tracker/steps/date/2026-11-15/2026-11-21.json');
  expect(Object.keys(a.body)).toEqual(['activities-tracker-steps']);
  const b = await series('steps/date/2026-11-21/7d.json');
  expect(b.body['activities-steps']).toEqual(a.body['activities-tracker-steps']);
  const m = await series('steps/date/2026-11-21/1m.json');
  expect(m.body['activities-steps'][0].dateTime).toBe('2026-10-22');
});

test('range caps: 1095 days pass, 1096 fail; activityCalories caps at 30', async () => {
  expect((await series('steps/date/2023-11-29/2026-11-27.json')).status).toBe(200);
  expectValidation(await series('steps/date/2023-11-28/2026-11-27.json'));
  expect((await series('activityCalories/date/2026-10-23/2026-11-21.json')).status).toBe(200);
  expectValidation(await series('activityCalories/date/2026-10-22/2026-11-21.json'));
  expectValidation(await series('activityCalories/date/2026-11-21/3m.json'));
  expectValidation(await series('steps/date/2026-11-21/2026-11-01.json'));
  expectValidation(await series('steps/date/2026-02-30/2026-03-01.json'));
});

test('units follow Accept-Language', async () => {
  const path = 'distance/date/2026-11-01/2026-11-21.json';
  const km = (await series(path)).body['activities-distance'];
  const mi = (await series(path, { 'accept-language': 'en_US' })).body['activities-distance'];
  const gb = (await series(path, { 'accept-language': 'en_GB' })).body['activities-distance'];
  km.forEach((d: { value: string }, i: number) => {
    expect(Number(mi[i].value)).toBeCloseTo(Number(d.value) / 1.609344, 1);
    expect(gb[i].value).toBe(d.value);
  });
  const wKg = (
    await get(sim, 'api.fitbit.com/1/user/-/body/weight/date/2026-11-01/2026-11-21.json', bearer)
  ).body['body-weight'];
  const wSt = (
    await get(sim, 'api.fitbit.com/1/user/-/body/weight/date/2026-11-01/2026-11-21.json', {
      ...bearer,
      'accept-language': 'en_GB',
    })
  ).body['body-weight'];
  const i = wKg.findIndex((d: { value: string }) => d.value !== '0');
  expect(Number(wSt[i].value)).toBeCloseTo(Number(wKg[i].value) / 6.35029318, 0);
});

test('daily summary carries numbers and a total distance', async () => {
  const date = '2026-11-21';
  const r = await get(sim, `api.fitbit.com/1/user/-/activities/date/${date}.json`, bearer);
  expect(r.status).toBe(200);
  const s = r.body.summary;
  expect(s.steps).toBe(Number(sim.dataFor('fitbit', 'user@example.com', 'steps', date)));
  expect(s.caloriesOut).toBe(Number(sim.dataFor('fitbit', 'user@example.com', 'calories', date)));
  expect(s.distances.find((d: { activity: string }) => d.activity === 'total').distance).toBe(
    Number(sim.dataFor('fitbit', 'user@example.com', 'distance', date)),
  );
  for (const k of [
    'caloriesBMR',
    'floors',
    'elevation',
    'sedentaryMinutes',
    'lightlyActiveMinutes',
    'fairlyActiveMinutes',
    'veryActiveMinutes',
  ]) {
    expect(typeof s[k]).toBe('number');
  }
  expect(s.caloriesOut).toBe(s.caloriesBMR + s.activityCalories);
  expect(r.body.activities).toEqual([]);
  expect(r.body.goals.steps).toBe(10000);
});

test('body weight series is keyed body-weight with string values and needs the weight scope', async () => {
  const r = await get(
    sim,
    'api.fitbit.com/1/user/-/body/weight/date/2026-08-01/2026-11-21.json',
    bearer,
  );
  expect(r.status).toBe(200);
  expect(r.body['body-weight']).toHaveLength(113);
  for (const d of r.body['body-weight'])
    expect(d.value).toBe(sim.dataFor('fitbit', 'user@example.com', 'weight', d.dateTime));
});

test('profile needs the profile scope and tells the user id and time zone', async () => {
  const r = await get(sim, 'api.fitbit.com/1/user/-/profile.json', bearer);
  expect(r.body.user.encodedId).toBe(sim.user('user@example.com').fitbitUserId);
  expect(r.body.user.timezone).toBe('America/Los_Angeles');
  const narrow = await fitbitTokens(sim, { scopes: ['activity'] });
  const denied = await get(sim, 'api.fitbit.com/1/user/-/profile.json', {
    authorization: `Bearer ${narrow.access_token}`,
  });
  expect(denied.status).toBe(403);
});

test('every answer carries rate-limit headers; request 151 of the hour is 429; the top of the hour resets', async () => {
  sim.settings.fitbitRateLimitPerHour = 5;
  const first = await series('steps/date/today/1d.json');
  expect(first.headers.get('fitbit-rate-limit-limit')).toBe('5');
  expect(first.headers.get('fitbit-rate-limit-remaining')).toBe('4');
  const reset = Number(first.headers.get('fitbit-rate-limit-reset'));
  expect(reset).toBeGreaterThan(0);
  expect(reset).toBeLessThanOrEqual(3600);
  for (let i = 0; i < 4; i++) expect((await series('steps/date/today/1d.json')).status).toBe(200);
  const limited = await series('steps/date/today/1d.json');
  expect(limited.status).toBe(429);
  expect(limited.body.errors[0].message).toBe('Too Many Requests');
  expect(limited.headers.get('fitbit-rate-limit-remaining')).toBe('0');
  sim.clock.advance(reset * 1000);
  expect((await series('steps/date/today/1d.json')).status).toBe(200);
});

test('the default limit is 150 per hour', async () => {
  expect(sim.settings.fitbitRateLimitPerHour).toBe(150);
  const r = await series('steps/date/today/1d.json');
  expect(r.headers.get('fitbit-rate-limit-remaining')).toBe('149');
});

test('expired, revoked and missing tokens get Fitbit 401s', async () => {
  sim.expireAccessTokens();
  const expired = await series('steps/date/today/1d.json');
  expect(expired.status).toBe(401);
  expect(expired.body.errors[0].errorType).toBe('expired_token');
  const fresh = await fitbitTokens(sim);
  sim.revokeAllTokens('user@example.com');
  const revoked = await get(sim, 'api.fitbit.com/1/user/-/activities/steps/date/today/1d.json', {
    authorization: `Bearer ${fresh.access_token}`,
  });
  expect(revoked.body.errors[0].errorType).toBe('invalid_token');
  expect(
    (await get(sim, 'api.fitbit.com/1/user/-/activities/steps/date/today/1d.json')).status,
  ).toBe(401);
});

test('data is deterministic per seed and differs between users', async () => {
  const other = await startSimulator({ atMs: NOON_LA });
  try {
    expect(other.dataFor('fitbit', 'user@example.com', 'steps', '2026-11-01')).toBe(
      sim.dataFor('fitbit', 'user@example.com', 'steps', '2026-11-01'),
    );
  } finally {
    await other.close();
  }
  sim.addUser({ email: 'b@example.com' });
  const a = [...Array(20)].map((_, i) =>
    sim.dataFor('fitbit', 'user@example.com', 'steps', `2026-10-${String(i + 1).padStart(2, '0')}`),
  );
  const b = [...Array(20)].map((_, i) =>
    sim.dataFor('fitbit', 'b@example.com', 'steps', `2026-10-${String(i + 1).padStart(2, '0')}`),
  );
  expect(a).not.toEqual(b);
});
