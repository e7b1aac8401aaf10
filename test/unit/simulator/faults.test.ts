// Injected faults and latency: 429 at request N, 5xx, malformed JSON, an HTML error page, a request
// that never answers, tokens revoked mid-way; plus the request log that tests assert on.
import type { Simulator } from '../../../dev/simulator/index';
import { fitbitTokens, get, googleTokens, postJson, startSimulator, NOON_LA } from './helpers';

let sim: Simulator;
let bearer: Record<string, string>;
const STEPS = 'api.fitbit.com/1/user/-/activities/steps/date/today/1d.json';

beforeEach(async () => {
  sim = await startSimulator({ atMs: NOON_LA });
  bearer = { authorization: `Bearer ${(await fitbitTokens(sim)).access_token}` };
});
afterEach(async () => {
  await sim.close();
});

test('a rate-limit fault answers 429 at exactly the nth matching request', async () => {
  sim.faults.add({
    host: 'api.fitbit.com',
    pathPrefix: '/1/user/-/activities',
    atRequest: 3,
    kind: 'rate-limit',
  });
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await get(sim, STEPS, bearer)).status);
  expect(statuses).toEqual([200, 200, 429, 200, 200]);
});

test('a status fault with times answers that many requests, in Google shape when given a body', async () => {
  const t = await googleTokens(sim);
  sim.faults.add({
    host: 'health.googleapis.com',
    kind: 'status',
    status: 503,
    times: 2,
    body: {
      error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' },
    },
  });
  const call = () =>
    get(sim, 'health.googleapis.com/v4/users/me/identity', {
      authorization: `Bearer ${t.access_token}`,
    });
  const a = await call();
  expect(a.status).toBe(503);
  expect(a.body.error.status).toBe('UNAVAILABLE');
  expect((await call()).status).toBe(503);
  expect((await call()).status).toBe(200);
});

test('malformed JSON arrives with status 200 and a JSON content type', async () => {
  sim.faults.add({ kind: 'malformed-json', host: 'api.fitbit.com' });
  const r = await get(sim, STEPS, bearer);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toContain('application/json');
  expect(() => JSON.parse(r.text)).toThrow();
});

test('an HTML error page arrives where JSON is expected', async () => {
  sim.faults.add({ kind: 'html-error', pathPrefix: '/1/user/' });
  const r = await get(sim, STEPS, bearer);
  expect(r.status).toBe(502);
  expect(r.headers.get('content-type')).toContain('text/html');
  expect(r.text).toContain('<html');
});

test('a timeout fault never answers (the client gives up) and later requests are fine', async () => {
  sim.faults.add({ kind: 'timeout', host: 'api.fitbit.com' });
  await expect(
    fetch(`${sim.url}/${STEPS}`, { headers: bearer, signal: AbortSignal.timeout(300) }),
  ).rejects.toThrow();
  expect(sim.requests({ host: 'api.fitbit.com', pathPrefix: '/1/user' })[0].status).toBe(0);
  expect((await get(sim, STEPS, bearer)).status).toBe(200);
});

test('revoke-user revokes that user’s tokens mid-way, then answers as the API would', async () => {
  sim.faults.add({
    kind: 'revoke-user',
    host: 'api.fitbit.com',
    pathPrefix: '/1/user',
    atRequest: 2,
  });
  expect((await get(sim, STEPS, bearer)).status).toBe(200);
  const r = await get(sim, STEPS, bearer);
  expect(r.status).toBe(401);
  expect(r.body.errors[0].errorType).toBe('invalid_token');
  expect(sim.tokenInfo().fitbit['user@example.com']).toBeUndefined();
});

test('a Google rate-limit fault answers RESOURCE_EXHAUSTED', async () => {
  const t = await googleTokens(sim);
  sim.faults.add({ kind: 'rate-limit', host: 'health.googleapis.com' });
  const body = {
    range: {
      start: { date: { year: 2026, month: 11, day: 1 } },
      end: { date: { year: 2026, month: 11, day: 2 } },
    },
  };
  const r = await postJson(
    sim,
    'health.googleapis.com/v4/users/me/dataTypes/steps/dataPoints:dailyRollUp',
    body,
    {
      authorization: `Bearer ${t.access_token}`,
    },
  );
  expect(r.status).toBe(429);
  expect(r.body.error.status).toBe('RESOURCE_EXHAUSTED');
});

test('faults.clear() removes pending faults; faults only hit matching hosts', async () => {
  sim.faults.add({ kind: 'status', status: 500, host: 'health.googleapis.com' });
  expect((await get(sim, STEPS, bearer)).status).toBe(200);
  sim.faults.clear();
  const t = await googleTokens(sim);
  expect(
    (
      await get(sim, 'health.googleapis.com/v4/users/me/identity', {
        authorization: `Bearer ${t.access_token}`,
      })
    ).status,
  ).toBe(200);
});

test('latency setting and latency faults delay but do not change the answer', async () => {
  sim.settings.latencyMs = 20;
  sim.faults.add({ kind: 'latency', ms: 30, host: 'api.fitbit.com' });
  const r = await get(sim, STEPS, bearer);
  expect(r.status).toBe(200);
  expect(r.body['activities-steps']).toHaveLength(1);
});

test('the log records host, method, path, query, body and status; requests() filters it', async () => {
  sim.clearLog();
  await get(sim, `${STEPS}?x=1`, bearer);
  await get(sim, 'api.fitbit.com/1/user/-/profile.json', bearer);
  expect(sim.log).toHaveLength(2);
  expect(sim.log[0]).toMatchObject({
    host: 'api.fitbit.com',
    method: 'GET',
    path: '/1/user/-/activities/steps/date/today/1d.json',
    query: { x: '1' },
    status: 200,
  });
  expect(sim.log[0].at).toBeGreaterThan(0);
  expect(sim.requests({ pathPrefix: '/1/user/-/profile' })).toHaveLength(1);
  expect(sim.requests({ method: 'post' })).toHaveLength(0);
});
