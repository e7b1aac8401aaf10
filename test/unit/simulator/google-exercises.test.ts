// Google Health workouts in the simulator: `exercise` DataPoints in the discovery document's
// shapes, the civil start filter (400 INVALID_ARGUMENT for anything else), at most 25 a page
// newest first with the empty last page, the activity scope, and an edit with a newer updateTime.
import type { Simulator } from '../../../dev/simulator/index';
import { undeclaredFields } from '../providers/spec-surface';
import { G_ACTIVITY, G_METRICS, get, googleTokens, NOON_LA, startSimulator } from './helpers';

let sim: Simulator;
let bearer: Record<string, string>;

beforeEach(async () => {
  sim = await startSimulator({ atMs: NOON_LA });
  bearer = { authorization: `Bearer ${(await googleTokens(sim)).access_token}` };
});
afterEach(async () => {
  await sim.close();
});

const FIELD = 'exercise.interval.civil_start_time';
const range = (from: string, until: string) => `${FIELD} >= "${from}" AND ${FIELD} < "${until}"`;
const list = (query: Record<string, string>, headers = bearer) =>
  get(
    sim,
    `health.googleapis.com/v4/users/me/dataTypes/exercise/dataPoints?${new URLSearchParams(query)}`,
    headers,
  );
type Exercise = {
  name: string;
  exercise: {
    exerciseType: string;
    interval: { startTime: string };
    metricsSummary: Record<string, unknown>;
    updateTime: string;
  };
};

test('workouts are DataPoints in the discovery shapes: int64 as strings, no zero fields, several types', async () => {
  const r = await list({ pageSize: '25', filter: range('2026-08-01', '2026-11-23') });
  expect(r.status).toBe(200);
  const points = r.body.dataPoints as Exercise[];
  expect(points).toHaveLength(25);
  for (const p of points) {
    expect(undeclaredFields(p, 'DataPoint')).toEqual([]);
    const m = p.exercise.metricsSummary;
    for (const f of ['steps', 'averageHeartRateBeatsPerMinute', 'activeZoneMinutes'])
      if (m[f] !== undefined) expect(typeof m[f]).toBe('string');
    expect(Object.values(m)).not.toContain(0);
    expect(Object.values(m)).not.toContain('0');
    expect(typeof m.caloriesKcal).toBe('number');
  }
  const all = sim.exercises(
    'user@example.com',
    '2025-11-23',
    '2026-11-22',
  ) as unknown as Exercise[];
  expect(new Set(all.map((p) => p.exercise.exerciseType)).size).toBeGreaterThanOrEqual(6);
  // Newest start first, as the discovery doc says `list` orders them.
  const starts = points.map((p) => p.exercise.interval.startTime);
  expect([...starts].sort().reverse()).toEqual(starts);
});

test('pages of 25 follow nextPageToken; a full last page is followed by {}; a larger pageSize is truncated to 25', async () => {
  const filter = range('2025-11-23', '2026-11-23');
  const expected = sim.exercises('user@example.com', '2025-11-23', '2026-11-22');
  const seen: string[] = [];
  let token: string | undefined;
  let requests = 0;
  do {
    const r = await list({ pageSize: '1000', filter, ...(token ? { pageToken: token } : {}) });
    expect(r.status).toBe(200);
    requests++;
    const page = (r.body.dataPoints ?? []) as Exercise[];
    expect(page.length).toBeLessThanOrEqual(25);
    if (page.length === 0) expect(r.body).toEqual({});
    seen.push(...page.map((p) => p.name));
    token = r.body.nextPageToken;
  } while (token);
  expect(seen).toEqual(expected.map((p) => p.name));
  expect(requests).toBe(Math.floor(expected.length / 25) + 1);
});

test('the filter grammar: civil start with optional time; a timestamp field, other operators and OR are 400', async () => {
  const day = await list({ filter: range('2026-11-19T12:00:00', '2026-11-20') });
  expect(day.status).toBe(200);
  for (const bad of [
    `exercise.interval.start_time >= "2026-11-01T00:00:00Z"`,
    `${FIELD} > "2026-11-01"`,
    `${FIELD} >= "2026-11-01" OR ${FIELD} < "2026-11-05"`,
    `${FIELD} >= "2026-02-30"`,
    `sleep.interval.civil_start_time >= "2026-11-01"`,
  ]) {
    const r = await list({ filter: bad });
    expect(r.status).toBe(400);
    expect(r.body.error.status).toBe('INVALID_ARGUMENT');
  }
});

test('exercise needs the activity and fitness scope', async () => {
  const metricsOnly = {
    authorization: `Bearer ${(await googleTokens(sim, { scopes: [G_METRICS] })).access_token}`,
  };
  const r = await list({ filter: range('2026-11-01', '2026-11-23') }, metricsOnly);
  expect(r.status).toBe(403);
  const activity = {
    authorization: `Bearer ${(await googleTokens(sim, { scopes: [G_ACTIVITY] })).access_token}`,
  };
  expect((await list({ filter: range('2026-11-01', '2026-11-23') }, activity)).status).toBe(200);
});

test('an edit in the app changes the workout and gives it a newer updateTime; the others stay', async () => {
  const before = sim.exercises(
    'user@example.com',
    '2026-11-01',
    '2026-11-22',
  ) as unknown as Exercise[];
  const target = before[3];
  sim.clock.advance(3_600_000);
  const editedAt = sim.clock.now();
  sim.editExercise(target.name);
  const after = sim.exercises(
    'user@example.com',
    '2026-11-01',
    '2026-11-22',
  ) as unknown as Exercise[];
  const edited = after[3];
  expect(edited.name).toBe(target.name);
  // The shared clock runs on: the edit happened between these two readings.
  expect(Date.parse(edited.exercise.updateTime)).toBeGreaterThanOrEqual(Math.floor(editedAt));
  expect(Date.parse(edited.exercise.updateTime)).toBeLessThanOrEqual(sim.clock.now());
  expect(edited.exercise.metricsSummary.caloriesKcal).toBe(
    (target.exercise.metricsSummary.caloriesKcal as number) + 40,
  );
  after.forEach((p, i) => {
    if (i !== 3) expect(p).toEqual(before[i]);
  });
});
