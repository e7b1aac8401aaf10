// Finding the synced metrics in the daily sheet's header row, and the weeks and months a summary
// lists: a moved column is found where it is, a person's own column is never taken for a metric,
// and weeks start on the chosen weekday.
import { columnLetter, quoteSheet, wholeColumn } from '../../../../src/app/dashboard/a1';
import { findDailyColumns, summaryKind } from '../../../../src/app/dashboard/daily-columns';
import {
  isoWeekday,
  monthStartOf,
  periodStarts,
  weekStartOf,
} from '../../../../src/app/dashboard/periods';
import { metric } from '../../../../src/providers/metrics';

describe('A1 references', () => {
  it('letters columns past Z and quotes sheet names with their apostrophes doubled', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    expect(quoteSheet("Activity (Ann's …1a2b)")).toBe("'Activity (Ann''s …1a2b)'");
    expect(wholeColumn('Activity', 3)).toBe("'Activity'!$C:$C");
  });
});

describe('findDailyColumns', () => {
  it('finds each metric by its header wherever it sits, in catalog order', () => {
    const found = findDailyColumns(['Steps', 'My notes', 'Date', 'Weight (lb)', 'Distance (km)']);
    expect(found?.dateColumn).toBe(3);
    expect(found?.metrics.map((m) => [m.metricId, m.column, m.unit])).toEqual([
      ['steps', 1, null],
      ['distance', 5, 'km'],
      ['weight', 4, 'lb'],
    ]);
  });

  it("never takes a person's own column for a metric", () => {
    const found = findDailyColumns(['Date', 'Steps (mine)', 'Distance (miles walked)', 'Steps']);
    expect(found?.metrics.map((m) => [m.metricId, m.column])).toEqual([['steps', 4]]);
  });

  it('answers null for a sheet without a Date column', () => {
    expect(findDailyColumns(['Day', 'Steps'])).toBeNull();
  });

  it('sums additive quantities and only averages the others', () => {
    expect(summaryKind(metric('steps'))).toBe('total');
    expect(summaryKind(metric('minutesVeryActive'))).toBe('total');
    expect(summaryKind(metric('weight'))).toBe('average');
    expect(summaryKind(metric('restingHeartRate'))).toBe('average');
  });
});

describe('periods', () => {
  it('counts weekdays as WEEKDAY(date, 2) does: Monday 1 ... Sunday 7', () => {
    // 2026-11-30 is a Monday, 2026-11-29 a Sunday.
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
  });

  it('starts a week on the chosen weekday, Monday by default', () => {
    expect(weekStartOf('2026-11-29', 1)).toBe('2026-11-23');
    expect(weekStartOf('2026-11-30', 1)).toBe('2026-11-30');
    expect(weekStartOf('2026-11-29', 7)).toBe('2026-11-29');
    expect(weekStartOf('2026-11-28', 7)).toBe('2026-11-22');
    expect(weekStartOf('2026-11-28', 6)).toBe('2026-11-28');
  });

  it('lists every week and month from the first date to the last', () => {
    expect(periodStarts('week', '2026-11-04', '2026-11-23', 1)).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
    expect(periodStarts('month', '2025-11-30', '2026-02-01', 1)).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
    expect(monthStartOf('2024-02-29')).toBe('2024-02-01');
    expect(periodStarts('week', '2026-11-05', '2026-11-01', 1)).toEqual([]);
  });
});
