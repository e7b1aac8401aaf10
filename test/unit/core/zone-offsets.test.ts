// Local clock readings from a zone's offset table: the autumn hour run twice gets keys of its own,
// the spring hour skipped has none, local midnights move with the offset.
import {
  buildZoneOffsets,
  localMidnight,
  localStamp,
  minuteKey,
  offsetAt,
} from '../../../src/core/zone-offsets';
import { intlOffset } from './intl-offset';

const LA = 'America/Los_Angeles';
const la = (from: string, to: string) =>
  buildZoneOffsets(LA, Date.parse(from), Date.parse(to), intlOffset(LA));

test('the table holds the starting offset and each change to the minute', () => {
  const z = la('2026-10-25T00:00:00Z', '2026-11-08T00:00:00Z');
  expect(z.offsets).toEqual([
    [Date.parse('2026-10-25T00:00:00Z'), -420],
    [Date.parse('2026-11-01T09:00:00Z'), -480],
  ]);
  expect(offsetAt(z, Date.parse('2026-11-01T08:59:00Z'))).toBe(-420);
  expect(offsetAt(z, Date.parse('2026-11-01T09:00:00Z'))).toBe(-480);
  const utc = buildZoneOffsets('UTC', 0, 86_400_000 * 30, () => 0);
  expect(utc.offsets).toEqual([[0, 0]]);
});

test('the autumn day has 25 hours and 1,500 distinct minute keys; its repeated hour carries the offset', () => {
  const z = la('2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z');
  const start = localMidnight(z, '2026-11-01');
  const end = localMidnight(z, '2026-11-02');
  expect(new Date(start).toISOString()).toBe('2026-11-01T07:00:00.000Z');
  expect((end - start) / 3_600_000).toBe(25);
  const keys = new Set<string>();
  for (let ms = start; ms < end; ms += 60_000) keys.add(minuteKey(z, ms));
  expect(keys.size).toBe(1500);
  expect(minuteKey(z, Date.parse('2026-11-01T08:30:00Z'))).toBe('2026-11-01 01:30 -07:00');
  expect(minuteKey(z, Date.parse('2026-11-01T09:30:00Z'))).toBe('2026-11-01 01:30 -08:00');
  expect(minuteKey(z, Date.parse('2026-11-01T07:59:00Z'))).toBe('2026-11-01 00:59');
  expect(minuteKey(z, Date.parse('2026-11-01T10:00:00Z'))).toBe('2026-11-01 02:00');
  expect(localStamp(z, Date.parse('2026-11-01T09:30:00Z'))).toBe('2026-11-01 01:30');
});

test('the spring day has 23 hours, no 02:xx minutes, plain keys', () => {
  const z = la('2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z');
  const start = localMidnight(z, '2026-03-08');
  const end = localMidnight(z, '2026-03-09');
  expect((end - start) / 3_600_000).toBe(23);
  const keys: string[] = [];
  for (let ms = start; ms < end; ms += 60_000) keys.push(minuteKey(z, ms));
  expect(new Set(keys).size).toBe(1380);
  expect(keys.some((k) => k.startsWith('2026-03-08 02:'))).toBe(false);
  expect(keys.every((k) => /^2026-03-08 \d\d:\d\d$/.test(k))).toBe(true);
});

test('a zone east of UTC with a half-hour offset: midnight and stamps', () => {
  const zone = 'Asia/Kolkata';
  const z = buildZoneOffsets(
    zone,
    Date.parse('2026-11-01T00:00:00Z'),
    Date.parse('2026-11-05T00:00:00Z'),
    intlOffset(zone),
  );
  expect(z.offsets).toEqual([[Date.parse('2026-11-01T00:00:00Z'), 330]]);
  expect(new Date(localMidnight(z, '2026-11-03')).toISOString()).toBe('2026-11-02T18:30:00.000Z');
  expect(localStamp(z, Date.parse('2026-11-02T18:31:00Z'))).toBe('2026-11-03 00:01');
});
