// The engine's steps on their own: a step never changes the state it was given, a refused request
// leaves only its metric out, failures back off while time remains and are given up on when it
// does not, and a run's outcome decides the job, the next trigger and the status.
import type { HttpResponse } from '../../../../src/core/ports';
import { rateBudgetFor } from '../../../../src/core/rate-budget';
import { TimeBudget } from '../../../../src/core/time-budget';
import { dataSourceFor } from '../../../../src/app/providers';
import type { ClassifiedResponse } from '../../../../src/app/authorized-fetch';
import { dayCoverage } from '../../../../src/app/sync/coverage';
import { newJob } from '../../../../src/app/sync/job-store';
import { closedJob, outcomeOf, writePlan } from '../../../../src/app/sync/run-close';
import {
  absorbBatch,
  gate,
  MAX_ATTEMPTS,
  MAX_REFUSALS,
  retryStep,
  startState,
  type RunEnv,
} from '../../../../src/app/sync/run-state';
import { settle } from '../../../../src/app/sync/settle';

const T0 = Date.UTC(2026, 10, 22, 12);
const range = { start: '2026-11-01', end: '2026-11-07' };

function setup(time = new TimeBudget(T0)) {
  const data = dataSourceFor('fitbit');
  const metricIds = ['steps', 'distance'];
  const plan = data.plan(range, ['steps', 'distance'], 'metric');
  const job = newJob(
    'now',
    {
      providerId: 'fitbit',
      range,
      metricIds,
      units: 'metric',
      planSize: plan.length,
      startedAtMs: T0,
    },
    [],
  );
  const env: RunEnv = {
    checkpoint: job.checkpoint,
    data,
    plan,
    coverage: dayCoverage(plan),
    done: new Set(),
    rate: rateBudgetFor('fitbit'),
    time,
  };
  const pending = plan.map((request, index) => ({ index, request }));
  return { job, env, pending, state: startState(job, pending, new Map()) };
}

const response = (status: number): HttpResponse => ({ status, headers: {}, body: '' });
const answer = (c: ClassifiedResponse['class'], status = 200): ClassifiedResponse => ({
  response: response(status),
  class: c,
});

describe('engine steps', () => {
  it('a refused request leaves only its own days unfilled, is asked again later, and is given up after MAX_REFUSALS; the given state is left as it was', () => {
    const { env, pending, state } = setup();
    const refusedAll = () =>
      pending.map(() => answer({ kind: 'client-error', message: 'bad data type' }, 400));
    const first = absorbBatch(state, env, pending, refusedAll(), T0 + 1000);
    expect(first.state.unfilled.size).toBe(pending.length);
    expect(first.state.refused.size).toBe(0);
    expect(first.state.fetched.size).toBe(0);
    expect(first.state.problems[0]).toMatch(/was refused \(bad data type\); asked again later/);
    expect(state.unfilled.size).toBe(0);
    expect(state.refusals.size).toBe(0);
    expect(first.again).toEqual([]);
    let s = first.state;
    for (let n = 1; n < MAX_REFUSALS; n++) s = absorbBatch(s, env, pending, refusedAll(), T0).state;
    expect([...s.refused].sort()).toEqual(['distance', 'steps']);
    expect(s.givenUp.size).toBe(pending.length);
  });

  it('a request without an answer is sent again with backoff while time remains, given up on when not', () => {
    const { env, pending, state } = setup();
    const first = absorbBatch(state, env, pending.slice(0, 1), [undefined], T0 + 1000);
    expect(first.again).toHaveLength(1);
    expect(retryStep(first.state, env, first.again, T0 + 1000)).toEqual({
      kind: 'sleep',
      ms: 1000,
    });
    // Almost all of the six minutes gone: no time to wait.
    const late = retryStep(first.state, env, first.again, T0 + 5 * 60_000);
    expect(late.kind).toBe('give-up');
    if (late.kind !== 'give-up') return;
    expect(late.again).toEqual([]);
    expect(late.state.gaveUp).toBe(true);
    expect(late.state.problems).toEqual([`${pending[0].request.id} did not answer properly`]);
  });

  it(`after ${MAX_ATTEMPTS} failed attempts a request is given up on with its own message`, () => {
    const { env, pending, state } = setup();
    let s = state;
    for (let i = 0; i < MAX_ATTEMPTS; i++)
      s = absorbBatch(s, env, pending.slice(0, 1), [undefined], T0).state;
    expect(s.gaveUp).toBe(true);
    expect(s.problems).toEqual([`No answer to ${pending[0].request.id} (timeout or network)`]);
  });

  it('the time budget stops the loop before a batch it has no time for', () => {
    const { env } = setup();
    expect(gate(env, T0).kind).toBe('go');
    expect(gate(env, T0 + 5 * 60_000)).toMatchObject({
      kind: 'stop',
      stop: { kind: 'pause', reason: 'time-budget' },
    });
  });
});

describe('a daily-summary list that comes in pages', () => {
  function listSetup() {
    const data = dataSourceFor('google-health');
    const metricIds = ['restingHeartRate', 'steps'];
    const plan = data.plan(range, ['restingHeartRate', 'steps'], 'metric');
    const job = newJob(
      'now',
      {
        providerId: 'google-health',
        range,
        metricIds,
        units: 'metric',
        planSize: plan.length,
        startedAtMs: T0,
      },
      [],
    );
    const env: RunEnv = {
      checkpoint: job.checkpoint,
      data,
      plan,
      coverage: dayCoverage(plan),
      done: new Set(),
      rate: rateBudgetFor('google-health'),
      time: new TimeBudget(T0),
    };
    const pending = plan.map((request, index) => ({ index, request }));
    return { env, pending, state: startState(job, pending, new Map()) };
  }
  const okBody = (body: unknown): ClassifiedResponse => ({
    response: { status: 200, headers: {}, body: JSON.stringify(body) },
    class: { kind: 'ok' },
  });
  const rhr = (day: number, bpm: string) => ({
    dailyRestingHeartRate: { date: { year: 2026, month: 11, day }, beatsPerMinute: bpm },
  });

  it('queues the next page under the same plan index and counts the list fetched only after its last page', () => {
    const { env, pending, state } = listSetup();
    const [list, steps] = pending;
    expect(list.request.shape).toBe('google-daily-list');
    const first = absorbBatch(
      state,
      env,
      [list, steps],
      [
        okBody({ dataPoints: [rhr(7, '58'), rhr(6, '60')], nextPageToken: 'p2' }),
        okBody({ rollupDataPoints: [] }),
      ],
      T0 + 1000,
    );
    expect(first.nextPages).toEqual([
      { index: list.index, request: expect.objectContaining({ page: 2 }) },
    ]);
    expect(first.nextPages[0].request.url).toBe(`${list.request.url}&pageToken=p2`);
    expect([...first.state.fetched]).toEqual([steps.index]);
    // The roll-up was complete: its absent day is empty. The list's absent days are not known yet.
    expect(first.state.cells['2026-11-07']).toEqual({ restingHeartRate: 58, steps: null });
    expect(first.state.cells['2026-11-01']).toEqual({ steps: null });
    // The last page (one more day, then no token) ends the list; the first page's days stay.
    const last = absorbBatch(
      first.state,
      env,
      first.nextPages,
      [okBody({ dataPoints: [rhr(5, '0')] })],
      T0 + 2000,
    );
    expect(last.nextPages).toEqual([]);
    expect(last.state.cells['2026-11-07']).toEqual({ restingHeartRate: 58, steps: null });
    expect(last.state.cells['2026-11-05']).toEqual({ restingHeartRate: 0, steps: null });
    expect(last.state.cells['2026-11-01']).toEqual({ restingHeartRate: null, steps: null });
    expect([...last.state.fetched].sort()).toEqual([list.index, steps.index].sort());
    expect(writePlan(last.state, env).rows).toHaveLength(7);
  });

  it('writes no day while a list is between pages: its later pages may still hold them', () => {
    const { env, pending, state } = listSetup();
    const [list, steps] = pending;
    const first = absorbBatch(
      state,
      env,
      [list, steps],
      [okBody({ dataPoints: [rhr(7, '58')], nextPageToken: 'p2' }), okBody({})],
      T0 + 1000,
    );
    expect(writePlan(first.state, env).rows).toEqual([]);
  });
});

describe('closing a run', () => {
  it('a complete run writes every day once and settles to "clear the job" with the last synced date', () => {
    const { job, env, pending, state } = setup();
    const ok = (): ClassifiedResponse => ({
      response: { status: 200, headers: {}, body: '' },
      class: { kind: 'ok' },
    });
    // Parsing is the data source's: give it bodies it accepts.
    const bodies = pending.map((p) => {
      const metricId = p.request.covers.metricIds[0];
      const key = metricId === 'steps' ? 'activities-steps' : 'activities-distance';
      return {
        ...ok(),
        response: {
          status: 200,
          headers: {},
          body: JSON.stringify({ [key]: [{ dateTime: '2026-11-01', value: '5' }] }),
        },
      };
    });
    const absorbed = absorbBatch(state, env, pending, bodies, T0 + 500);
    const write = writePlan(absorbed.state, env);
    expect(write.rows.map((r) => r.date)).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
    ]);
    const closed = closedJob(job, absorbed.state, env, write, T0 + 600);
    const outcome = outcomeOf(job, closed, absorbed.state, write, {
      atMs: 0,
      reason: 'time-budget',
    });
    expect(outcome.kind).toBe('complete');
    const settled = settle(outcome, T0 + 700, null);
    expect(settled.job).toEqual({ kind: 'clear' });
    expect(settled.status.lastSyncedDate).toBe('2026-11-07');
    expect(settled.result).toEqual({ ok: true, message: 'Sync finished: 7 days up to date.' });
  });
});
