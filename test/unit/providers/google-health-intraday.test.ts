// Intraday planning and parsing: per-minute roll-ups in chunks of each type's cap at page size
// 10000, exact request counts, one record per minute keyed by local time, pages merged by minute.
import { buildZoneOffsets } from '../../../src/core/zone-offsets';
import type { PlannedRequest } from '../../../src/core/planned-request';
import type { SheetRecord } from '../../../src/core/records';
import {
  INTRADAY_HEADERS,
  intradayRequestFloor,
  intradaySpan,
  planIntraday,
  type IntradaySpec,
} from '../../../src/providers/google-health/intraday-plan';
import { parseMinuteRollup } from '../../../src/providers/google-health/intraday-parse';
import { intlOffset } from '../core/intl-offset';

const LA = 'America/Los_Angeles';
const zone = buildZoneOffsets(
  LA,
  Date.parse('2025-12-01T00:00:00Z'),
  Date.parse('2027-01-01T00:00:00Z'),
  intlOffset(LA),
);
const both: IntradaySpec = { types: ['heart-rate', 'steps'], zone };
const body = (r: PlannedRequest) => JSON.parse(r.body!);
const DAY = 86_400_000;

test('7 days: one heart-rate and one steps roll-up, per minute, at page size 10000', () => {
  const plan = planIntraday({ start: '2026-11-14', end: '2026-11-20' }, both, 'metric');
  expect(plan).toHaveLength(2);
  expect(plan.map((r) => r.url)).toEqual([
    'https://health.googleapis.com/v4/users/me/dataTypes/heart-rate/dataPoints:rollUp',
    'https://health.googleapis.com/v4/users/me/dataTypes/steps/dataPoints:rollUp',
  ]);
  for (const r of plan) {
    expect(r.method).toBe('post');
    expect(body(r)).toEqual({
      range: { startTime: '2026-11-14T08:00:00Z', endTime: '2026-11-21T08:00:00Z' },
      windowSize: '60s',
      pageSize: 10000,
    });
    expect(r.shape).toBe('google-minute-rollup');
    expect(r.covers).toEqual({ start: '2026-11-14', end: '2026-11-20', metricIds: [] });
  }
  expect(intradayRequestFloor({ start: '2026-11-14', end: '2026-11-20' }, both)).toBe(2);
});

test.each([
  [1, 1, 1],
  [14, 1, 1],
  [15, 2, 1],
  [30, 3, 1],
  [90, 7, 1],
  [91, 7, 2],
  [365, 27, 5],
])(
  '%i days: %i heart-rate chunks of at most 14 x 24 h and %i steps chunks of at most 90',
  (days, hr, steps) => {
    const range = {
      start: '2026-01-10',
      end: new Date(Date.parse('2026-01-10') + (days - 1) * DAY).toISOString().slice(0, 10),
    };
    const plan = planIntraday(range, both, 'metric');
    const of = (t: string) => plan.filter((r) => r.url.includes(`/${t}/`));
    expect([of('heart-rate').length, of('steps').length]).toEqual([hr, steps]);
    expect(intradayRequestFloor(range, both)).toBe(hr + steps);
    const [start, end] = intradaySpan(range, zone);
    for (const [type, cap] of [
      ['heart-rate', 14],
      ['steps', 90],
    ] as const) {
      const spans = of(type).map((r) => [
        Date.parse(body(r).range.startTime),
        Date.parse(body(r).range.endTime),
      ]);
      // Contiguous, covering the span exactly, none over the cap.
      expect(spans[0][0]).toBe(start);
      expect(spans[spans.length - 1][1]).toBe(end);
      for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBe(spans[i - 1][1]);
      for (const [s, e] of spans) expect(e - s).toBeLessThanOrEqual(cap * DAY);
    }
    // Ids are unique (the engine keys requests by plan index and names them by id).
    expect(new Set(plan.map((r) => r.id)).size).toBe(plan.length);
  },
);

test('one type only: steps alone when heart rate is not granted', () => {
  const plan = planIntraday(
    { start: '2026-11-14', end: '2026-11-20' },
    { types: ['steps'], zone },
    'metric',
  );
  expect(plan.map((r) => r.url.split('/')[7])).toEqual(['steps']);
});

test('a range over the autumn change spans 25 hours more than its days in UTC minus one', () => {
  const [s, e] = intradaySpan({ start: '2026-10-31', end: '2026-11-01' }, zone);
  expect((e - s) / 60_000).toBe(2 * 1440 + 60);
});

const ok = (json: unknown) => ({ status: 200, headers: {}, body: JSON.stringify(json) });
const oneDay = () => planIntraday({ start: '2026-11-20', end: '2026-11-20' }, both, 'metric');
const point = (iso: string, member: Record<string, unknown>) => ({
  startTime: iso,
  endTime: new Date(Date.parse(iso) + 60_000).toISOString().replace('.000Z', 'Z'),
  ...member,
});

test('first page: one record per minute of the range, keyed by local time, absent minutes empty', () => {
  const [hr] = oneDay();
  const r = parseMinuteRollup(
    hr,
    ok({
      rollupDataPoints: [
        point('2026-11-20T16:01:00Z', {
          heartRate: { beatsPerMinuteAvg: 71.5, beatsPerMinuteMin: 69, beatsPerMinuteMax: 75 },
        }),
        point('2026-11-20T08:00:00Z', {
          heartRate: { beatsPerMinuteAvg: 58, beatsPerMinuteMin: 55, beatsPerMinuteMax: 61 },
        }),
      ],
    }),
  );
  if (r.kind !== 'ok') throw new Error(r.message);
  expect(r.values).toEqual({});
  expect(r.next).toBeNull();
  const records = r.records as SheetRecord[];
  expect(records).toHaveLength(1440);
  expect(records[0]).toEqual({
    sheet: 'intraday',
    key: '2026-11-20 00:00',
    version: null,
    cells: {
      Time: '2026-11-20 00:00',
      'Heart rate avg (bpm)': 58,
      'Heart rate min (bpm)': 55,
      'Heart rate max (bpm)': 61,
    },
  });
  expect(records[481].cells).toEqual({
    Time: '2026-11-20 08:01',
    'Heart rate avg (bpm)': 71.5,
    'Heart rate min (bpm)': 69,
    'Heart rate max (bpm)': 75,
  });
  expect(records[1].cells).toEqual({
    Time: '2026-11-20 00:01',
    'Heart rate avg (bpm)': null,
    'Heart rate min (bpm)': null,
    'Heart rate max (bpm)': null,
  });
  expect(records[1439].key).toBe('2026-11-20 23:59');
  for (const rec of records)
    for (const h of Object.keys(rec.cells)) expect(INTRADAY_HEADERS).toContain(h);
});

test('steps: countSum as a string, {} as a true 0, never a heart-rate cell', () => {
  const [, steps] = oneDay();
  const r = parseMinuteRollup(
    steps,
    ok({
      rollupDataPoints: [
        point('2026-11-20T16:00:00Z', { steps: { countSum: '104' } }),
        point('2026-11-20T16:01:00Z', { steps: {} }),
      ],
    }),
  );
  if (r.kind !== 'ok') throw new Error(r.message);
  const byKey = new Map(r.records!.map((x) => [x.key, x.cells]));
  expect(byKey.get('2026-11-20 08:00')).toEqual({ Time: '2026-11-20 08:00', Steps: 104 });
  expect(byKey.get('2026-11-20 08:01')).toEqual({ Time: '2026-11-20 08:01', Steps: 0 });
  expect(byKey.get('2026-11-20 08:02')).toEqual({ Time: '2026-11-20 08:02', Steps: null });
});

test('a nextPageToken plans page 2 with the same body plus the token; page 2 gives only its minutes', () => {
  const [hr] = oneDay();
  const first = parseMinuteRollup(hr, ok({ rollupDataPoints: [], nextPageToken: 'tok-1' }));
  if (first.kind !== 'ok') throw new Error(first.message);
  expect(first.next).not.toBeNull();
  const next = first.next!;
  expect(next.page).toBe(2);
  expect(body(next)).toEqual({ ...body(hr), pageToken: 'tok-1' });
  expect(next.zone).toEqual(hr.zone);
  const second = parseMinuteRollup(
    next,
    ok({
      rollupDataPoints: [
        point('2026-11-20T09:00:00Z', {
          heartRate: { beatsPerMinuteAvg: 60, beatsPerMinuteMin: 59, beatsPerMinuteMax: 62 },
        }),
      ],
    }),
  );
  if (second.kind !== 'ok') throw new Error(second.message);
  expect(second.records!.map((x) => x.key)).toEqual(['2026-11-20 01:00']);
  expect(second.next).toBeNull();
});

test.each([
  ['a point outside the range', point('2026-11-21T08:00:00Z', { steps: {} })],
  ['a point off the minute grid', point('2026-11-20T08:00:30Z', { steps: {} })],
  ['a point without its member', point('2026-11-20T08:00:00Z', {})],
  ['a count that is not an int64', point('2026-11-20T08:00:00Z', { steps: { countSum: 'many' } })],
])('malformed: %s (no records at all)', (_what, p) => {
  const [, steps] = oneDay();
  const r = parseMinuteRollup(steps, ok({ rollupDataPoints: [p] }));
  expect(r.kind).toBe('malformed');
});
