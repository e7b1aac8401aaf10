// Civil date arithmetic: leap years, DST-free day counting, ranges and chunks.
import {
  addDays,
  chunkRange,
  civilDateAt,
  dateParts,
  dayCount,
  daysBetween,
  eachDay,
  fromEpochDay,
  isCivilDate,
  toEpochDay,
} from '../../../src/core/dates';
import { InvalidDateError } from '../../../src/core/errors';

describe('civil dates', () => {
  it('counts epoch days like the proleptic Gregorian calendar', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('2026-11-22')).toBe(Date.UTC(2026, 10, 22) / 86_400_000);
    expect(fromEpochDay(-1)).toBe('1969-12-31');
    for (let d = toEpochDay('0001-01-01'); d <= toEpochDay('9999-12-31'); d += 997)
      expect(toEpochDay(fromEpochDay(d))).toBe(d);
  });

  it('crosses leap days and century rules', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('counts DST-change days as one day each (no time-zone arithmetic)', () => {
    // Europe: 29 Mar 2026 and 25 Oct 2026; US: 8 Mar and 1 Nov 2026.
    expect(eachDay({ start: '2026-03-28', end: '2026-03-30' })).toEqual([
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
    ]);
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(daysBetween('2026-03-07', '2026-11-02')).toBe(240);
  });

  it('rejects impossible or badly written dates', () => {
    expect(isCivilDate('2026-02-29')).toBe(false);
    expect(isCivilDate('2024-02-29')).toBe(true);
    expect(isCivilDate('2026-1-05')).toBe(false);
    expect(isCivilDate('2026-13-01')).toBe(false);
    expect(() => addDays('2026-04-31', 1)).toThrow(InvalidDateError);
    expect(dateParts('2026-01-05')).toEqual({ year: 2026, month: 1, day: 5 });
  });

  it('counts inclusive ranges and chunks them oldest first', () => {
    expect(dayCount({ start: '2026-11-01', end: '2026-11-01' })).toBe(1);
    expect(dayCount({ start: '2026-11-02', end: '2026-11-01' })).toBe(0);
    const chunks = chunkRange({ start: '2026-01-01', end: '2026-12-31' }, 30);
    expect(chunks).toHaveLength(13);
    expect(chunks[0]).toEqual({ start: '2026-01-01', end: '2026-01-30' });
    expect(chunks[12]).toEqual({ start: '2026-12-27', end: '2026-12-31' });
    expect(chunks.reduce((n, c) => n + dayCount(c), 0)).toBe(365);
    expect(() => chunkRange({ start: '2026-01-01', end: '2026-01-02' }, 0)).toThrow(RangeError);
  });

  it('finds the local date at an instant from the UTC offset', () => {
    const instant = Date.UTC(2026, 10, 22, 23, 30);
    expect(civilDateAt(instant, 0)).toBe('2026-11-22');
    expect(civilDateAt(instant, 60)).toBe('2026-11-23');
    expect(civilDateAt(Date.UTC(2026, 10, 22, 3, 0), -8 * 60)).toBe('2026-11-21');
  });
});
