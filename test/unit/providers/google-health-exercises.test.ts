// Google Health exercises: one `list` for the range at page size 25 with the civil start filter,
// following nextPageToken; each workout read from the real Exercise shape into an Exercises row
// (local start and end at the workout's own offset, units, absent fields empty, a true zero 0).
import { addDays } from '../../../src/core/dates';
import { isRecordsOnly } from '../../../src/core/planned-request';
import {
  exerciseFilter,
  planGoogleHealthRequests,
} from '../../../src/providers/google-health/data-plan';
import { parseGoogleHealthResponse } from '../../../src/providers/google-health/data-parse';
import { recordSheetScopes, supportedRecordSheets } from '../../../src/providers/record-sheets';

const RANGE = { start: '2026-11-01', end: '2026-11-21' };
const ok = (body: unknown) => ({ status: 200, headers: {}, body: JSON.stringify(body) });

const RUN = {
  name: 'users/1234567890/dataTypes/exercise/dataPoints/a1b2',
  exercise: {
    interval: {
      startTime: '2026-11-20T15:02:10Z',
      startUtcOffset: '-28800s',
      endTime: '2026-11-20T15:47:40Z',
      endUtcOffset: '-28800s',
    },
    exerciseType: 'RUNNING',
    displayName: 'Run',
    activeDuration: '2640s',
    metricsSummary: {
      caloriesKcal: 412.6,
      distanceMillimeters: 8046720,
      steps: '7120',
      averageHeartRateBeatsPerMinute: '152',
      activeZoneMinutes: '0',
      averageSpeedMillimetersPerSecond: 3048,
      elevationGainMillimeters: 30480,
      runVo2Max: 47.25,
    },
    createTime: '2026-11-20T16:00:00Z',
    updateTime: '2026-11-21T08:00:00Z',
  },
};
/** In Tokyo on a trip: the clock there, not at home. Weights: no distance, no steps. */
const WEIGHTS = {
  name: 'users/1234567890/dataTypes/exercise/dataPoints/c3d4',
  exercise: {
    interval: {
      startTime: '2026-11-19T23:30:00Z',
      startUtcOffset: '32400s',
      endTime: '2026-11-20T00:15:00Z',
      endUtcOffset: '32400s',
    },
    exerciseType: 'WEIGHTLIFTING',
    displayName: 'Weights',
    metricsSummary: { caloriesKcal: 180, averageHeartRateBeatsPerMinute: '104' },
    createTime: '2026-11-20T01:00:00Z',
    updateTime: '2026-11-20T01:00:00Z',
  },
};

describe('planning', () => {
  it('asks for exercises with one list for the whole range, page size 25, only when the sheet is on', () => {
    const withSheet = planGoogleHealthRequests(RANGE, ['steps'], 'metric', undefined, [
      'exercises',
    ]);
    const without = planGoogleHealthRequests(RANGE, ['steps'], 'metric');
    expect(withSheet.length - without.length).toBe(1);
    const list = withSheet.find((r) => r.shape === 'google-exercise-list')!;
    expect(isRecordsOnly(list)).toBe(true);
    expect(list.records).toEqual(['exercises']);
    const url = new URL(list.url);
    expect(url.searchParams.get('pageSize')).toBe('25');
    expect(url.searchParams.get('filter')).toBe(
      'exercise.interval.civil_start_time >= "2026-11-01" AND exercise.interval.civil_start_time < "2026-11-22"',
    );
    // users.dataTypes.dataPoints.list: GET v4/{+parent}/dataPoints, parent users/me/dataTypes/exercise.
    expect(url.pathname).toBe('/v4/users/me/dataTypes/exercise/dataPoints');
    // Three years are still one list: the pages follow from the tokens.
    const long = { start: addDays('2026-11-21', -1094), end: '2026-11-21' };
    const plan = planGoogleHealthRequests(long, [], 'metric', undefined, ['exercises']);
    expect(plan).toHaveLength(1);
    expect(exerciseFilter(long)).toContain(`>= "${long.start}"`);
  });

  it('the Exercises sheet is Google Health’s, under the activity and fitness scope', () => {
    expect(supportedRecordSheets('google-health', ['exercises'])).toEqual(['exercises']);
    expect(supportedRecordSheets('fitbit', ['exercises'])).toEqual([]);
    expect(recordSheetScopes('google-health', ['exercises'])).toEqual([
      'https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly',
    ]);
  });
});

describe('parsing', () => {
  const request = (units: 'metric' | 'us') =>
    planGoogleHealthRequests(RANGE, [], units, undefined, ['exercises'])[0];

  it('reads each workout into a row keyed by name and versioned by updateTime', () => {
    const r = parseGoogleHealthResponse(request('metric'), ok({ dataPoints: [RUN, WEIGHTS] }));
    if (r.kind !== 'ok') throw new Error(r.message);
    expect(r.values).toEqual({});
    expect(r.next).toBeNull();
    expect(r.records).toEqual([
      {
        sheet: 'exercises',
        key: RUN.name,
        version: '2026-11-21T08:00:00Z',
        cells: {
          Start: '2026-11-20 07:02',
          Type: 'Run',
          'Duration (min)': 45.5,
          'Active duration (min)': 44,
          'Distance (km)': 8.05,
          'Calories (kcal)': 413,
          'Avg heart rate (bpm)': 152,
          Steps: 7120,
          'Active zone minutes': 0,
          'Elevation gain (m)': 30.5,
          'Avg speed (km/h)': 10.97,
          'Swim lengths': null,
          'Run VO2 max (mL/kg/min)': 47.3,
          End: '2026-11-20 07:47',
          Updated: '2026-11-21T08:00:00Z',
        },
      },
      {
        sheet: 'exercises',
        key: WEIGHTS.name,
        version: '2026-11-20T01:00:00Z',
        cells: expect.objectContaining({
          Start: '2026-11-20 08:30',
          End: '2026-11-20 09:15',
          'Active duration (min)': null,
          'Distance (km)': null,
          Steps: null,
          'Calories (kcal)': 180,
        }),
      },
    ]);
  });

  it('US units: miles, feet and mph', () => {
    const r = parseGoogleHealthResponse(request('us'), ok({ dataPoints: [RUN] }));
    if (r.kind !== 'ok') throw new Error(r.message);
    expect(r.records?.[0].cells).toEqual(
      expect.objectContaining({
        'Distance (mi)': 5,
        'Elevation gain (ft)': 100,
        'Avg speed (mph)': 6.82,
      }),
    );
  });

  it('follows nextPageToken and takes an empty last page `{}` as the end', () => {
    const first = parseGoogleHealthResponse(
      request('metric'),
      ok({ dataPoints: [RUN], nextPageToken: 'tok' }),
    );
    if (first.kind !== 'ok' || !first.next) throw new Error('expected a next page');
    expect(new URL(first.next.url).searchParams.get('pageToken')).toBe('tok');
    expect(new URL(first.next.url).searchParams.get('pageSize')).toBe('25');
    const last = parseGoogleHealthResponse(first.next, ok({}));
    expect(last).toEqual(expect.objectContaining({ kind: 'ok', records: [], next: null }));
  });

  it('a workout off the shape is malformed, naming what is wrong, and yields nothing', () => {
    const bad = { ...RUN, exercise: { ...RUN.exercise, interval: { startTime: 'x' } } };
    const r = parseGoogleHealthResponse(request('metric'), ok({ dataPoints: [bad] }));
    expect(r.kind).toBe('malformed');
    if (r.kind === 'malformed') expect(r.message).toContain('interval.endTime');
    const steps = {
      ...RUN,
      exercise: { ...RUN.exercise, metricsSummary: { steps: 'many' } },
    };
    const s = parseGoogleHealthResponse(request('metric'), ok({ dataPoints: [steps] }));
    expect(s.kind === 'malformed' && s.message).toContain('metricsSummary.steps');
  });
});
