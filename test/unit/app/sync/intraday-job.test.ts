// An intraday fetch as a job: the days it takes, what it refuses and why (legacy provider, a job
// under way, no permission, Sheets' cell limit), the job it makes, and how its progress counts.
import { markDone, parseCheckpoint, serializeCheckpoint } from '../../../../src/core/checkpoint';
import { buildZoneOffsets } from '../../../../src/core/zone-offsets';
import {
  INTRADAY_MESSAGES,
  intradayDaysDone,
  intradayDoneMessage,
  intradayMinutes,
  intradayRange,
  newIntradayJob,
  type IntradayJobInput,
} from '../../../../src/app/sync/intraday-job';
import { newJob } from '../../../../src/app/sync/job-store';
import { planIntraday } from '../../../../src/providers/google-health/intraday-plan';
import { intlOffset } from '../../core/intl-offset';

const LA = 'America/Los_Angeles';
const zone = buildZoneOffsets(
  LA,
  Date.parse('2026-09-01T00:00:00Z'),
  Date.parse('2026-12-01T00:00:00Z'),
  intlOffset(LA),
);
const ACTIVITY = 'https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly';
const METRICS =
  'https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.readonly';

const input = (change: Partial<IntradayJobInput> = {}): IntradayJobInput => ({
  providerId: 'google-health',
  range: { start: '2026-11-14', end: '2026-11-20' },
  zone,
  granted: [ACTIVITY, METRICS],
  units: 'metric',
  stored: null,
  census: { spreadsheetCells: 26_000, target: null },
  nowMs: Date.UTC(2026, 10, 22, 12),
  owner: 'p1',
  ...change,
});

describe('intradayRange', () => {
  const today = '2026-11-22';
  it.each([
    ['2026-11-14', '2026-11-20', { ok: true, range: { start: '2026-11-14', end: '2026-11-20' } }],
    ['2026-11-21', '2026-11-21', { ok: true, range: { start: '2026-11-21', end: '2026-11-21' } }],
    ['', '2026-11-20', { ok: false, error: INTRADAY_MESSAGES.missing }],
    ['2026-02-30', '2026-03-01', { ok: false, error: INTRADAY_MESSAGES.notADate }],
    ['2026-11-20', '2026-11-14', { ok: false, error: INTRADAY_MESSAGES.order }],
    ['2026-11-20', '2026-11-22', { ok: false, error: INTRADAY_MESSAGES.notPast(today) }],
  ])('%s to %s', (start, end, want) => {
    expect(intradayRange(start, end, today)).toEqual(want);
  });
  it('says which day is the last it takes', () => {
    expect(INTRADAY_MESSAGES.notPast(today)).toContain('up to yesterday (2026-11-21)');
  });
});

describe('newIntradayJob', () => {
  it('makes an intraday job of 2 requests for 7 days, its checkpoint small and readable', () => {
    const made = newIntradayJob(input());
    if (!made.ok) throw new Error(made.message);
    const { job } = made;
    expect(job.mode).toBe('intraday');
    expect(job.checkpoint.records).toEqual(['intraday']);
    expect(job.checkpoint.metricIds).toEqual([]);
    expect(job.checkpoint.intraday?.types).toEqual(['heart-rate', 'steps']);
    expect(job.checkpoint.planSize).toBe(2);
    expect(made.leftOut).toEqual([]);
    const text = serializeCheckpoint(job.checkpoint);
    expect(text.length).toBeLessThan(1000);
    expect(parseCheckpoint(text)).toEqual(job.checkpoint);
  });

  it('refuses the legacy Fitbit provider, saying intraday comes from Google Health only', () => {
    expect(newIntradayJob(input({ providerId: 'fitbit' }))).toEqual({
      ok: false,
      message: INTRADAY_MESSAGES.legacy,
    });
  });

  it('refuses while a job of the account is under way, naming it', () => {
    const stored = newJob(
      'backfill',
      {
        providerId: 'google-health',
        range: { start: '2025-01-01', end: '2026-11-22' },
        metricIds: ['steps'],
        units: 'metric',
        planSize: 9,
        startedAtMs: 0,
      },
      [],
    );
    const made = newIntradayJob(input({ stored }));
    expect(made).toEqual({ ok: false, message: INTRADAY_MESSAGES.busy('backfill') });
    expect(INTRADAY_MESSAGES.busy('backfill')).toContain('backfill is still under way');
  });

  it('takes the types whose permission is granted, and refuses when neither is', () => {
    const stepsOnly = newIntradayJob(input({ granted: [ACTIVITY] }));
    if (!stepsOnly.ok) throw new Error(stepsOnly.message);
    expect(stepsOnly.job.checkpoint.intraday?.types).toEqual(['steps']);
    expect(stepsOnly.leftOut).toEqual(['heart-rate']);
    expect(stepsOnly.job.checkpoint.planSize).toBe(1);
    expect(intradayDoneMessage(stepsOnly.job.checkpoint)).toBe(
      `${INTRADAY_MESSAGES.done(7, 10_080)} ${INTRADAY_MESSAGES.leftOut(['heart rate'])}`,
    );
    expect(newIntradayJob(input({ granted: [] }))).toEqual({
      ok: false,
      message: INTRADAY_MESSAGES.noPermission,
    });
  });

  it('counts rows x 5 columns for the sheet it creates, x the width of one already there', () => {
    // 300 days: 432,000 rows fit in a new Intraday sheet of 5 columns (2,160,005 cells).
    const days300 = { start: '2026-01-01', end: '2026-10-27' };
    expect(newIntradayJob(input({ range: days300 })).ok).toBe(true);
    // An Intraday sheet of 26 columns already there (a person's, or older): 11,232,026 cells.
    const wide = newIntradayJob(
      input({
        range: days300,
        census: { spreadsheetCells: 26_000, target: { rows: 1000, columns: 26, usedRows: 1 } },
      }),
    );
    expect(wide.ok).toBe(false);
    if (wide.ok) return;
    expect(wide.message).toContain(
      'Intraday for 300 days would take this spreadsheet to 11,232,026 cells',
    );
    expect(wide.message).toContain('(432,000 rows x 26 columns added to 26,000 cells now)');
    expect(wide.message).toContain('At most 240 days fit now.');
  });

  it('refuses 1,300 days into a new sheet: past the limit less the margin even at 5 columns', () => {
    const long = buildZoneOffsets(
      LA,
      Date.parse('2022-12-01T00:00:00Z'),
      Date.parse('2026-12-01T00:00:00Z'),
      intlOffset(LA),
    );
    const made = newIntradayJob(
      input({ zone: long, range: { start: '2023-01-01', end: '2026-07-23' } }),
    );
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.message).toContain('Intraday for 1300 days would take this spreadsheet to');
    expect(made.message).toContain('(1,871,940 rows x 5 columns added to 26,000 cells now)');
    expect(made.message).toContain("Sheets' limit of 10,000,000 cells");
  });
});

test('minutes of a range: 1,440 a day, 60 more on the autumn change', () => {
  expect(intradayMinutes({ start: '2026-11-14', end: '2026-11-20' }, zone)).toBe(10_080);
  expect(intradayMinutes({ start: '2026-10-31', end: '2026-11-01' }, zone)).toBe(2 * 1440 + 60);
});

test('progress: days whose every roll-up is done', () => {
  const made = newIntradayJob(input({ range: { start: '2026-10-01', end: '2026-10-30' } }));
  if (!made.ok) throw new Error(made.message);
  const cp = made.job.checkpoint;
  const plan = planIntraday(cp.range, { types: ['heart-rate', 'steps'], zone }, 'metric');
  // Heart rate: 14 + 14 + 2 days; steps: all 30 in one.
  expect(plan.map((r) => r.url.split('/')[7])).toEqual([
    'heart-rate',
    'heart-rate',
    'heart-rate',
    'steps',
  ]);
  expect(intradayDaysDone(cp)).toBe(0);
  expect(intradayDaysDone(markDone(cp, [0]))).toBe(0);
  expect(intradayDaysDone(markDone(cp, [0, 3]))).toBe(14);
  expect(intradayDaysDone(markDone(cp, [0, 1, 2, 3]))).toBe(30);
});
