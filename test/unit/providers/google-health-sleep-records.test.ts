// The Sleep sheet's rows from Google Health sleep lists: planned with or without the daily sleep
// columns (one list either way), one record per session in the range, keyed by the data point's
// name and versioned by updateTime, each page's sessions on that page's result.
import type { ParseResult } from '../../../src/core/day-values';
import { planGoogleHealthRequests } from '../../../src/providers/google-health/data-plan';
import { parseGoogleHealthResponse } from '../../../src/providers/google-health/data-parse';
import { recordSheet, recordSheetScopes } from '../../../src/providers/record-sheets';

const ok = (body: unknown) => ({ status: 200, headers: {}, body: JSON.stringify(body) });
const range = { start: '2026-11-19', end: '2026-11-21' };

function session(name: string, over: Record<string, unknown>) {
  return {
    name: `users/1234567890/dataTypes/sleep/dataPoints/${name}`,
    sleep: {
      interval: {
        startTime: '2026-11-20T07:10:00Z',
        startUtcOffset: '-28800s',
        endTime: '2026-11-20T15:05:00Z',
        endUtcOffset: '-28800s',
      },
      type: 'STAGES',
      summary: {
        minutesAsleep: '435',
        minutesAwake: '40',
        minutesInSleepPeriod: '475',
        minutesToFallAsleep: '12',
        stagesSummary: [
          { type: 'AWAKE', minutes: '40', count: '3' },
          { type: 'LIGHT', minutes: '230', count: '9' },
          { type: 'DEEP', minutes: '95', count: '4' },
          { type: 'REM', minutes: '110', count: '4' },
        ],
      },
      metadata: { mainSleep: true, processed: true, stagesStatus: 'SUCCEEDED' },
      createTime: '2026-11-20T15:30:00Z',
      updateTime: '2026-11-20T15:30:00.123Z',
      ...over,
    },
  };
}

const NIGHT = session('night', {});
const NAP = session('nap', {
  interval: {
    startTime: '2026-11-20T22:30:00Z',
    startUtcOffset: '-28800s',
    endTime: '2026-11-20T23:15:00Z',
    endUtcOffset: '-28800s',
  },
  type: 'CLASSIC',
  summary: {
    minutesAsleep: '38',
    minutesAwake: '3',
    minutesInSleepPeriod: '45',
    stagesSummary: [
      { type: 'AWAKE', minutes: '3', count: '1' },
      { type: 'ASLEEP', minutes: '38', count: '2' },
      { type: 'RESTLESS', minutes: '4', count: '2' },
    ],
  },
  metadata: { nap: true, processed: true, stagesStatus: 'REJECTED_NAP' },
});
const TOKYO = session('tokyo', {
  interval: {
    startTime: '2026-11-20T14:10:00Z',
    startUtcOffset: '32400s',
    endTime: '2026-11-20T22:05:00Z',
    endUtcOffset: '32400s',
  },
});
const OUTSIDE = session('outside', {
  interval: {
    startTime: '2026-11-18T07:00:00Z',
    startUtcOffset: '-28800s',
    endTime: '2026-11-18T14:00:00Z',
    endUtcOffset: '-28800s',
  },
});

function okResult(r: ParseResult) {
  if (r.kind !== 'ok') throw new Error(r.message);
  return r;
}

describe('Sleep sheet plan', () => {
  it('the Sleep sheet alone is one sleep list feeding records only; with sleep columns the same list feeds both', () => {
    const alone = planGoogleHealthRequests(range, ['steps'], 'metric', undefined, ['sleep']);
    const sleep = alone.filter((r) => r.shape === 'google-sleep-list');
    expect(sleep).toHaveLength(1);
    expect(sleep[0].covers.metricIds).toEqual([]);
    expect(sleep[0].records).toEqual(['sleep']);
    const both = planGoogleHealthRequests(range, ['bedtime'], 'metric', undefined, ['sleep']);
    expect(both).toHaveLength(1);
    expect(both[0].covers.metricIds).toEqual(['bedtime']);
    expect(both[0].records).toEqual(['sleep']);
    const columnsOnly = planGoogleHealthRequests(range, ['bedtime'], 'metric');
    expect(columnsOnly[0].records ?? []).toEqual([]);
  });

  it('declares its columns, key and version, and reads with the sleep scope on Google Health only', () => {
    const layout = recordSheet('sleep');
    expect(layout.sheetName).toBe('Sleep');
    expect(layout.headers('metric')).toEqual([
      'Start',
      'End',
      'Kind',
      'Time asleep (min)',
      'Time in bed (min)',
      'Deep (min)',
      'Light (min)',
      'REM (min)',
      'Awake (min)',
      'Restless (min)',
      'Efficiency (%)',
      'Time to fall asleep (min)',
      'Updated',
      'Id',
    ]);
    expect(layout.keyHeader).toBe('Id');
    expect(layout.versionHeader).toBe('Updated');
    expect(recordSheetScopes('google-health', ['sleep'])).toEqual([
      'https://www.googleapis.com/auth/googlehealth.sleep.readonly',
    ]);
    expect(recordSheetScopes('fitbit', ['sleep'])).toEqual([]);
  });
});

describe('Sleep sheet records', () => {
  const request = planGoogleHealthRequests(range, ['napCount'], 'metric', undefined, ['sleep'])[0];

  it('one record per session in the range: local clock times at its own offset, kind, minutes per stage', () => {
    const r = okResult(
      parseGoogleHealthResponse(request, ok({ dataPoints: [TOKYO, NAP, NIGHT, OUTSIDE] })),
    );
    expect(r.records?.map((x) => x.key)).toEqual([TOKYO.name, NAP.name, NIGHT.name]);
    const [tokyo, nap, night] = r.records!;
    expect(night).toEqual({
      sheet: 'sleep',
      key: NIGHT.name,
      version: '2026-11-20T15:30:00.123Z',
      cells: {
        Start: '2026-11-19 23:10',
        End: '2026-11-20 07:05',
        Kind: 'Main sleep',
        'Time asleep (min)': 435,
        'Time in bed (min)': 475,
        'Deep (min)': 95,
        'Light (min)': 230,
        'REM (min)': 110,
        'Awake (min)': 40,
        'Restless (min)': null,
        'Efficiency (%)': 92,
        'Time to fall asleep (min)': 12,
        Updated: '2026-11-20T15:30:00.123Z',
      },
    });
    expect(nap.cells).toMatchObject({
      Kind: 'Nap',
      Start: '2026-11-20 14:30',
      'Deep (min)': null,
      'Restless (min)': 4,
      'Time to fall asleep (min)': 0,
    });
    expect(tokyo.cells).toMatchObject({ Start: '2026-11-20 23:10', End: '2026-11-21 07:05' });
    // The daily column from the same answer.
    expect(r.values['2026-11-20']).toEqual({ napCount: 1 });
  });

  it('each page carries its own sessions’ records; the days wait for the last page', () => {
    const first = okResult(
      parseGoogleHealthResponse(request, ok({ dataPoints: [NAP], nextPageToken: 't' })),
    );
    expect(first.records?.map((x) => x.key)).toEqual([NAP.name]);
    expect(first.values).toEqual({});
    const last = okResult(parseGoogleHealthResponse(first.next!, ok({ dataPoints: [NIGHT] })));
    expect(last.records?.map((x) => x.key)).toEqual([NIGHT.name]);
    expect(last.values['2026-11-20']).toEqual({ napCount: 1 });
  });

  it('a request that does not feed the Sleep sheet carries no records', () => {
    const columns = planGoogleHealthRequests(range, ['napCount'], 'metric')[0];
    const r = okResult(parseGoogleHealthResponse(columns, ok({ dataPoints: [NIGHT] })));
    expect(r.records).toBeUndefined();
  });
});
