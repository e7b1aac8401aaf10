// Google Health sleep: one `list` per range on sleep's end time at page size 25, and the daily
// sleep columns read from the real Sleep shape (int64 strings, zero fields left out, offsets as
// durations, no civil times): wake-day attribution, naps apart from the night, trips, paging.
import { addDays, type DateRange } from '../../../src/core/dates';
import { addResult, type DayCells, type ParseResult } from '../../../src/core/day-values';
import type { PlannedRequest } from '../../../src/core/planned-request';
import { METRICS, type MetricId } from '../../../src/providers/metrics';
import {
  planGoogleHealthRequests,
  sleepEndFilter,
} from '../../../src/providers/google-health/data-plan';
import { parseGoogleHealthResponse } from '../../../src/providers/google-health/data-parse';
import { googleDiscovery } from './spec-surface';

const SLEEP_IDS: MetricId[] = METRICS.filter((m) => m.domain === 'sleep').map((m) => m.id);
const END = '2026-11-21';
const lastDays = (n: number): DateRange => ({ start: addDays(END, -(n - 1)), end: END });
const ok = (body: unknown) => ({ status: 200, headers: {}, body: JSON.stringify(body) });

interface Night {
  name: string;
  start: string;
  end: string;
  startOffset?: string;
  endOffset?: string;
  type?: 'STAGES' | 'CLASSIC';
  nap?: boolean;
  main?: boolean;
  summary: Record<string, unknown>;
}

/** A sleep DataPoint as the API answers it (zero fields and false booleans left out). */
function point(n: Night) {
  const metadata: Record<string, unknown> = { processed: true };
  if (n.main ?? !n.nap) metadata.mainSleep = true;
  if (n.nap) metadata.nap = true;
  return {
    name: `users/1234567890/dataTypes/sleep/dataPoints/${n.name}`,
    dataSource: { platform: 'FITBIT' },
    sleep: {
      interval: {
        startTime: n.start,
        startUtcOffset: n.startOffset ?? '-28800s',
        endTime: n.end,
        endUtcOffset: n.endOffset ?? '-28800s',
      },
      type: n.type ?? (n.nap ? 'CLASSIC' : 'STAGES'),
      summary: n.summary,
      metadata,
      createTime: '2026-11-21T16:00:00Z',
      updateTime: '2026-11-21T16:00:00Z',
    },
  };
}

const stages = (awake: number, light: number, deep: number, rem: number) => ({
  minutesAsleep: String(light + deep + rem),
  ...(awake ? { minutesAwake: String(awake) } : {}),
  minutesInSleepPeriod: String(awake + light + deep + rem),
  stagesSummary: [
    ...(awake ? [{ type: 'AWAKE', minutes: String(awake), count: '3' }] : []),
    { type: 'LIGHT', minutes: String(light), count: '9' },
    { type: 'DEEP', minutes: String(deep), count: '4' },
    { type: 'REM', minutes: String(rem), count: '4' },
  ],
});

/** 23:10 on 11-19 to 07:05 on 11-20 in Los Angeles (UTC-8): 475 minutes in bed. */
const NIGHT_20 = point({
  name: 'n20',
  start: '2026-11-20T07:10:00Z',
  end: '2026-11-20T15:05:00Z',
  summary: { ...stages(40, 230, 95, 110), minutesToFallAsleep: '12' },
});
/** A CLASSIC night on 11-21 (no stage split), 00:20 to 06:50: after midnight. */
const NIGHT_21 = point({
  name: 'n21',
  start: '2026-11-21T08:20:00Z',
  end: '2026-11-21T14:50:00Z',
  type: 'CLASSIC',
  summary: {
    minutesAsleep: '350',
    minutesAwake: '18',
    minutesInSleepPeriod: '390',
    minutesToFallAsleep: '9',
    stagesSummary: [
      { type: 'AWAKE', minutes: '18', count: '2' },
      { type: 'ASLEEP', minutes: '350', count: '5' },
      { type: 'RESTLESS', minutes: '22', count: '6' },
    ],
  },
});
const NAP_20 = point({
  name: 'nap20',
  start: '2026-11-20T22:30:00Z',
  end: '2026-11-20T23:15:00Z',
  nap: true,
  summary: { minutesAsleep: '38', minutesAwake: '7', minutesInSleepPeriod: '45' },
});

function sleepRequest(range: DateRange, ids: MetricId[] = SLEEP_IDS): PlannedRequest {
  const plan = planGoogleHealthRequests(range, ids, 'metric');
  expect(plan).toHaveLength(1);
  return plan[0];
}

function okResult(r: ParseResult) {
  if (r.kind !== 'ok') throw new Error(r.message);
  return r;
}

/** All pages of one request through the parser, the way the engine merges them. */
function readPages(request: PlannedRequest, pages: unknown[]): DayCells {
  const cells: DayCells = {};
  let current: PlannedRequest | null = request;
  for (const [i, page] of pages.entries()) {
    const result = okResult(parseGoogleHealthResponse(current!, ok(page)));
    addResult(cells, result, request.covers);
    current = result.next;
    expect(current === null).toBe(i === pages.length - 1);
  }
  return cells;
}

describe('sleep request plan', () => {
  it.each([1, 30, 365, 1095])(
    '%i days: one list on the end time, page size 25, for every sleep column',
    (days) => {
      const request = sleepRequest(lastDays(days));
      expect(request.shape).toBe('google-sleep-list');
      expect(request.covers).toEqual({ ...lastDays(days), metricIds: SLEEP_IDS });
      const url = new URL(request.url);
      expect(url.searchParams.get('pageSize')).toBe('25');
      const list = googleDiscovery().methods.find(
        (m) => m.id === 'health.users.dataTypes.dataPoints.list',
      ) as unknown as { httpMethod: string; parameters: Record<string, unknown> };
      expect(list.httpMethod).toBe('GET');
      for (const param of url.searchParams.keys()) expect(list.parameters[param]).toBeDefined();
      expect(url.searchParams.get('filter')).toBe(sleepEndFilter(lastDays(days)));
    },
  );

  it('widens the end-time filter by the largest UTC offsets around the local days', () => {
    expect(sleepEndFilter({ start: '2026-11-01', end: '2026-11-30' })).toBe(
      'sleep.interval.end_time >= "2026-10-31T10:00:00Z" AND sleep.interval.end_time < "2026-12-01T12:00:00Z"',
    );
  });

  it('plans sleep beside the other data types and asks for the sleep scope only for sleep', () => {
    const plan = planGoogleHealthRequests(lastDays(30), ['steps', 'bedtime'], 'metric');
    expect(plan.map((r) => r.shape).sort()).toEqual(['google-daily-rollup', 'google-sleep-list']);
    const { scopesForMetrics } = jest.requireActual('../../../src/providers/metrics');
    expect(scopesForMetrics('google-health', ['napCount'])).toEqual([
      'https://www.googleapis.com/auth/googlehealth.sleep.readonly',
    ]);
    expect(scopesForMetrics('fitbit', SLEEP_IDS)).toEqual([]);
  });
});

describe('daily sleep columns from the Sleep shape', () => {
  const range = { start: '2026-11-19', end: '2026-11-21' };

  it('reads a night with stages onto its wake day: int64 strings, clock times as fractions of a day', () => {
    const cells = readPages(sleepRequest(range), [{ dataPoints: [NAP_20, NIGHT_20] }]);
    expect(cells['2026-11-20']).toEqual({
      sleepAsleep: 435,
      sleepInBed: 475,
      sleepDeep: 95,
      sleepLight: 230,
      sleepRem: 110,
      sleepAwake: 40,
      sleepEfficiency: 92,
      bedtime: 0.96527778, // 23:10
      wakeTime: 0.29513889, // 07:05
      sleepLatency: 12,
      napCount: 1,
      napMinutes: 38,
    });
  });

  it('a day without any session is empty, a CLASSIC night has no stage split, no nap is a true 0', () => {
    const cells = readPages(sleepRequest(range), [{ dataPoints: [NIGHT_21, NIGHT_20] }]);
    expect(cells['2026-11-19']).toEqual(
      Object.fromEntries(SLEEP_IDS.map((id) => [id, null])), // no device that night
    );
    expect(cells['2026-11-21']).toMatchObject({
      sleepAsleep: 350,
      sleepInBed: 390,
      sleepAwake: 18,
      sleepDeep: null,
      sleepLight: null,
      sleepRem: null,
      bedtime: roundTo8(20 / 1440), // 00:20, after midnight
      napCount: 0,
      napMinutes: 0,
    });
    expect(cells['2026-11-20'].napCount).toBe(0);
  });

  it('a field left out is 0 (proto3), not empty', () => {
    const night = point({
      name: 'calm',
      start: '2026-11-20T07:10:00Z',
      end: '2026-11-20T15:05:00Z',
      summary: stages(0, 250, 110, 115),
    });
    const cells = readPages(sleepRequest(range), [{ dataPoints: [night] }]);
    expect(cells['2026-11-20']).toMatchObject({ sleepAwake: 0, sleepLatency: 0, sleepAsleep: 475 });
  });

  it('a day with only a nap has the nap figures and empty night columns; the nap is never the night', () => {
    const lone = point({
      name: 'lone',
      start: '2026-11-19T22:00:00Z',
      end: '2026-11-19T23:00:00Z',
      nap: true,
      main: true, // the only sleep of the day: the API may call it the main sleep too
      summary: { minutesAsleep: '52', minutesAwake: '8', minutesInSleepPeriod: '60' },
    });
    const cells = readPages(sleepRequest(range), [{ dataPoints: [lone] }]);
    expect(cells['2026-11-19']).toMatchObject({
      napCount: 1,
      napMinutes: 52,
      sleepAsleep: null,
      bedtime: null,
    });
  });

  it('a trip across the date line: a Tokyo wake-up at 07:05 (UTC the day before) is on the local day', () => {
    const tokyo = point({
      name: 'tokyo',
      start: '2026-11-20T14:10:00Z', // 23:10 in Tokyo
      end: '2026-11-20T22:05:00Z', // 07:05 on 11-21 in Tokyo
      startOffset: '32400s',
      endOffset: '32400s',
      summary: stages(30, 240, 90, 115),
    });
    const cells = readPages(sleepRequest(range), [{ dataPoints: [tokyo, NIGHT_20] }]);
    expect(cells['2026-11-21']).toMatchObject({ sleepAsleep: 445, wakeTime: roundTo8(425 / 1440) });
    expect(cells['2026-11-20']).toMatchObject({ sleepAsleep: 435 });
  });

  it('the main sleep is the one marked mainSleep, else the longest; sessions outside the range are dropped', () => {
    const flightNap = point({
      name: 'plane',
      start: '2026-11-20T17:00:00Z',
      end: '2026-11-20T19:30:00Z',
      main: false,
      summary: stages(10, 100, 20, 20),
    });
    const before = point({
      name: 'before',
      start: '2026-11-18T07:00:00Z',
      end: '2026-11-18T14:00:00Z', // wakes on 11-18: outside the range
      summary: stages(10, 200, 100, 110),
    });
    const cells = readPages(sleepRequest(range), [{ dataPoints: [flightNap, NIGHT_20, before] }]);
    expect(cells['2026-11-20']).toMatchObject({ sleepInBed: 475, napCount: 0 });
    expect(cells['2026-11-18']).toBeUndefined();
  });

  it('stagesSummary repeated by type counts once', () => {
    const night = point({
      name: 'dup',
      start: '2026-11-20T07:10:00Z',
      end: '2026-11-20T15:05:00Z',
      summary: (() => {
        const s = stages(40, 230, 95, 110);
        return { ...s, stagesSummary: [...s.stagesSummary, ...s.stagesSummary] };
      })(),
    });
    const cells = readPages(sleepRequest(range), [{ dataPoints: [night] }]);
    expect(cells['2026-11-20']).toMatchObject({ sleepDeep: 95, sleepLight: 230, sleepRem: 110 });
  });

  it('a night and a nap of one day on two pages add up; the empty last page closes the list', () => {
    const request = sleepRequest(range);
    const first = okResult(
      parseGoogleHealthResponse(
        request,
        ok({ dataPoints: [NIGHT_21, NAP_20], nextPageToken: 'p2' }),
      ),
    );
    expect(first.values).toEqual({});
    expect(first.next!.url).toBe(`${request.url}&pageToken=p2`);
    expect(first.next!.id).toBe(`${request.id} page 2`);
    const cells = readPages(request, [
      { dataPoints: [NIGHT_21, NAP_20], nextPageToken: 'p2' },
      { dataPoints: [NIGHT_20], nextPageToken: 'p3' },
      {},
    ]);
    expect(cells['2026-11-20']).toMatchObject({ sleepAsleep: 435, napCount: 1, napMinutes: 38 });
    expect(cells['2026-11-21']).toMatchObject({ sleepAsleep: 350, napCount: 0 });
  });

  it('only the metrics asked for are filled', () => {
    const cells = readPages(sleepRequest(range, ['wakeTime', 'napCount']), [
      { dataPoints: [NIGHT_20] },
    ]);
    expect(cells['2026-11-20']).toEqual({ wakeTime: roundTo8(425 / 1440), napCount: 0 });
  });

  it.each([
    ['an offset that is not a duration', { endUtcOffset: 'PST' }, /endUtcOffset/],
    ['a time that is not RFC 3339', { endTime: 'yesterday' }, /interval.endTime/],
    ['an int64 that is not one', { summary: { minutesAsleep: 'many' } }, /minutesAsleep/],
  ])('%s is malformed, naming the field', (_what, change, message) => {
    const p = JSON.parse(JSON.stringify(NIGHT_20));
    if ('summary' in change) p.sleep.summary = change.summary;
    else Object.assign(p.sleep.interval, change);
    const r = parseGoogleHealthResponse(sleepRequest(range), ok({ dataPoints: [p] }));
    expect(r.kind).toBe('malformed');
    if (r.kind === 'malformed') expect(r.message).toMatch(message);
  });
});

function roundTo8(x: number): number {
  return Math.round(x * 1e8) / 1e8;
}
