// The bench's request floors agree with how the simulator pages and caps: reading a year of sleep
// or of a daily summary page by page at the largest page size takes exactly the floor's requests,
// a roll-up over its cap is refused; and a data type off its floor fails the bench.
import type { Simulator } from '../../../dev/simulator/index';
import { DEFAULT_USER } from '../../../dev/simulator/index';
import {
  catalogDataTypes,
  dailyFloor,
  intradayFloor,
  recordSheetNeeds,
  sleepFloor,
} from '../../../bench/breadth-floor';
import { breadthFailures } from '../../../bench/breadth-report';
import type { BreadthRow } from '../../../bench/breadth';
import { addDays, dateParts } from '../../../src/core/dates';
import {
  G_ACTIVITY,
  G_METRICS,
  googleTokens,
  get,
  postJson,
  startSimulator,
} from '../simulator/helpers';

const G_SLEEP = 'https://www.googleapis.com/auth/googlehealth.sleep.readonly';
/** 2026-11-22 12:00 in Los Angeles (the default user's zone). */
const NOW = Date.UTC(2026, 10, 22, 20, 0, 0);
const YEAR = { start: '2025-11-23', end: '2026-11-22' };
const API = 'health.googleapis.com/v4/users/me/dataTypes';

let sim: Simulator;
let bearer: Record<string, string>;

beforeAll(async () => {
  sim = await startSimulator({ atMs: NOW });
  const t = await googleTokens(sim, { scope: `${G_ACTIVITY} ${G_METRICS} ${G_SLEEP}` });
  bearer = { authorization: `Bearer ${t.access_token}` };
});
afterAll(async () => {
  await sim.close();
});

/** Requests a `list` takes when followed to the end, and the points it returned. */
async function readList(dataType: string, query: Record<string, string>) {
  let requests = 0;
  let points = 0;
  let token: string | undefined;
  do {
    const q = new URLSearchParams({ ...query, ...(token ? { pageToken: token } : {}) });
    const r = await get(sim, `${API}/${dataType}/dataPoints?${q}`, bearer);
    expect(r.status).toBe(200);
    requests++;
    points += (r.body.dataPoints ?? []).length;
    token = r.body.nextPageToken;
  } while (token);
  return { requests, points };
}

it('a year of sleep read 25 a page on the widest end-time window takes the sleep floor', async () => {
  const filter =
    `sleep.interval.end_time >= "${addDays(YEAR.start, -1)}T10:00:00Z" AND ` +
    `sleep.interval.end_time < "${addDays(YEAR.end, 1)}T12:00:00Z"`;
  const read = await readList('sleep', { pageSize: '25', filter });
  const floor = sleepFloor(sim, DEFAULT_USER, YEAR);
  expect(floor.basis).toBe(`${read.points} sessions / 25 a page`);
  expect(read.requests).toBe(floor.requests);
});

it('a year of workouts read 25 a page on their local start takes the Exercises sheet floor', async () => {
  const f = 'exercise.interval.civil_start_time';
  const filter = `${f} >= "${YEAR.start}" AND ${f} < "${addDays(YEAR.end, 1)}"`;
  const read = await readList('exercise', { pageSize: '25', filter });
  const needs = recordSheetNeeds(sim, DEFAULT_USER, 'exercises', YEAR);
  expect(needs.dataType).toBe('exercise');
  expect(needs.rows).toBe(read.points);
  expect(needs.floor.requests).toBe(read.requests);
});

it('per-minute heart rate read 10,000 a page takes the intraday floor, one page or two', async () => {
  // Midnight to midnight in Los Angeles (PST): 7 days under 10,000 minutes with data, 13 over.
  const start = Date.parse('2026-11-08T08:00:00Z');
  for (const days of [7, 13]) {
    const end = start + days * 86_400_000;
    let requests = 0;
    let points = 0;
    let token: string | undefined;
    do {
      const body = {
        range: {
          startTime: new Date(start).toISOString(),
          endTime: new Date(end).toISOString(),
        },
        windowSize: '60s',
        pageSize: 10000,
        ...(token ? { pageToken: token } : {}),
      };
      const r = await postJson(sim, `${API}/heart-rate/dataPoints:rollUp`, body, bearer);
      expect(r.status).toBe(200);
      requests++;
      points += (r.body.rollupDataPoints ?? []).length;
      token = r.body.nextPageToken;
    } while (token);
    const floor = intradayFloor(sim, DEFAULT_USER, 'heart-rate', start, end);
    expect(floor.points).toBe(points);
    expect(floor.requests).toBe(requests);
    expect(requests).toBe(days === 7 ? 1 : 2);
  }
});

it('a year of a daily summary read 10,000 a page takes the list floor', async () => {
  const f = 'daily_resting_heart_rate.date';
  const filter = `${f} >= "${YEAR.start}" AND ${f} < "${addDays(YEAR.end, 1)}"`;
  const read = await readList('daily-resting-heart-rate', { pageSize: '10000', filter });
  const floor = dailyFloor(sim, DEFAULT_USER, 'daily-resting-heart-rate', YEAR);
  expect(floor.basis).toBe(`${read.points} points / 10000 a page`);
  expect(read.requests).toBe(floor.requests);
});

it('a dailyRollUp one day past the floor’s cap is refused, at the cap it is answered', async () => {
  const body = (days: number, pageSize: number) => ({
    range: {
      start: { date: dateParts(YEAR.start) },
      end: { date: dateParts(addDays(YEAR.start, days)) },
    },
    windowSizeDays: 1,
    pageSize,
  });
  for (const [dataType, cap] of [
    ['steps', 90],
    ['heart-rate', 14],
  ] as const) {
    expect(dailyFloor(sim, DEFAULT_USER, dataType, YEAR).basis).toBe(`365 d / ${cap}-day cap`);
    const url = `${API}/${dataType}/dataPoints:dailyRollUp`;
    expect((await postJson(sim, url, body(cap + 1, cap + 1), bearer)).status).toBe(400);
    const ok = await postJson(sim, url, body(cap, cap), bearer);
    expect(ok.status).toBe(200);
    expect(ok.body.nextPageToken).toBeUndefined();
  }
  expect(dailyFloor(sim, DEFAULT_USER, 'steps', YEAR).requests).toBe(5);
  expect(dailyFloor(sim, DEFAULT_USER, 'heart-rate', YEAR).requests).toBe(27);
});

it('BMI needs the weight roll-up and the height list; a type without a known floor is an error', () => {
  const types = catalogDataTypes(['steps', 'bmi']);
  expect([...types.keys()]).toEqual(['steps', 'weight', 'height']);
  expect(() => dailyFloor(sim, DEFAULT_USER, 'no-such-type', YEAR)).toThrow(/no floor/);
});

it('a data type over or under its floor fails the bench; at its floor it passes', () => {
  const row = (requests: number, floor: number): BreadthRow => ({
    run: 'daily 365 d',
    dataType: 'steps',
    methods: 'dailyRollUp',
    requests,
    floor,
    basis: '365 d / 90-day cap',
  });
  expect(breadthFailures([row(5, 5)])).toEqual([]);
  expect(breadthFailures([row(6, 5), row(4, 5)])).toEqual([
    'daily 365 d: steps took 6 requests, floor 5 (365 d / 90-day cap)',
    'daily 365 d: steps took 4 requests, floor 5 (365 d / 90-day cap)',
  ]);
});
