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

describe('closing a run', () => {
  it('a complete run writes every day once and settles to "clear the job, keep the daily trigger"', () => {
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
    expect(settled.schedule).toEqual({ kind: 'after-run' });
    expect(settled.status.lastSyncedDate).toBe('2026-11-07');
    expect(settled.result).toEqual({ ok: true, message: 'Sync finished: 7 days up to date.' });
  });
});
