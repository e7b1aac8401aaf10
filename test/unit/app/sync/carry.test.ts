// Carrying fetched but unwritten values across executions: a value fills only the request it
// came from, survives the round trip exactly, and a cache that loses or refuses values only
// means fetching again.
import type { PlannedRequest } from '../../../../src/core/planned-request';
import {
  Carry,
  CARRY_MAX_CHARS,
  CARRY_TTL_SECONDS,
  decodeCarried,
  encodeCarried,
  type ExpiringStore,
} from '../../../../src/app/sync/carry';

const req = (start: string, end: string, metricIds: string[]): PlannedRequest => ({
  id: `${metricIds.join('+')} ${start}..${end}`,
  method: 'get',
  url: 'https://example.test',
  headers: {},
  shape: 'fitbit-series',
  covers: { start, end, metricIds },
  units: 'metric',
});

class MemoryCache implements ExpiringStore {
  readonly map = new Map<string, string>();
  ttl: number[] = [];
  getAll(keys: string[]) {
    const out: Record<string, string> = {};
    for (const k of keys) if (this.map.has(k)) out[k] = this.map.get(k)!;
    return out;
  }
  putAll(values: Record<string, string>, ttlSeconds: number) {
    this.ttl.push(ttlSeconds);
    for (const [k, v] of Object.entries(values)) this.map.set(k, v);
  }
  removeAll(keys: string[]) {
    for (const k of keys) this.map.delete(k);
  }
}

const active = req('2026-11-01', '2026-11-03', ['minutesLight', 'minutesVery']);
const cells = {
  '2026-11-01': { minutesLight: 10, minutesVery: 0, other: 5 },
  '2026-11-02': { minutesLight: null, minutesVery: null },
  '2026-11-03': { minutesLight: 12.5, minutesVery: 3 },
};

describe('encodeCarried / decodeCarried', () => {
  it('round-trips the request’s own cells, zeros and nulls included, and nothing else', () => {
    const text = encodeCarried(active, cells);
    expect(decodeCarried(text, active)).toEqual({
      '2026-11-01': { minutesLight: 10, minutesVery: 0 },
      '2026-11-02': { minutesLight: null, minutesVery: null },
      '2026-11-03': { minutesLight: 12.5, minutesVery: 3 },
    });
  });

  it('carries a covered cell the answer left undefined as null', () => {
    const text = encodeCarried(active, { '2026-11-01': { minutesLight: 1 } });
    expect(decodeCarried(text, active)?.['2026-11-03']).toEqual({
      minutesLight: null,
      minutesVery: null,
    });
  });

  it('refuses a value of another request, a wrong day count, non-numbers and broken JSON', () => {
    const text = encodeCarried(active, cells);
    expect(
      decodeCarried(text, req('2026-11-01', '2026-11-04', active.covers.metricIds)),
    ).toBeNull();
    const parsed = JSON.parse(text) as { id: string; m: Record<string, unknown[]> };
    const shorter = { ...parsed, m: { ...parsed.m, minutesVery: [0, null] } };
    expect(decodeCarried(JSON.stringify(shorter), active)).toBeNull();
    const text2 = { ...parsed, m: { ...parsed.m, minutesVery: [true, null, 3] } };
    expect(decodeCarried(JSON.stringify(text2), active)).toBeNull();
    expect(decodeCarried(text.slice(0, -2), active)).toBeNull();
    expect(decodeCarried('null', active)).toBeNull();
  });
});

describe('Carry', () => {
  const other = req('2026-11-04', '2026-11-04', ['steps']);

  it('saves for 6 hours, loads what the cache still holds, and forgets done requests', () => {
    const cache = new MemoryCache();
    const carry = new Carry(cache, 'job-a');
    carry.save([{ index: 3, request: active }], cells);
    expect(cache.ttl).toEqual([CARRY_TTL_SECONDS]);
    const loaded = carry.load([
      { index: 3, request: active },
      { index: 4, request: other },
    ]);
    expect([...loaded.keys()]).toEqual([3]);
    expect(loaded.get(3)?.['2026-11-03']).toEqual({ minutesLight: 12.5, minutesVery: 3 });
    carry.drop([3]);
    expect(carry.load([{ index: 3, request: active }]).size).toBe(0);
  });

  it('another job never reads these values, nor does another request at the same index', () => {
    const cache = new MemoryCache();
    new Carry(cache, 'job-a').save([{ index: 3, request: active }], cells);
    expect(new Carry(cache, 'job-b').load([{ index: 3, request: active }]).size).toBe(0);
    expect(new Carry(cache, 'job-a').load([{ index: 3, request: other }]).size).toBe(0);
  });

  it('leaves out a value over the cache’s 100 KB and survives a cache that throws', () => {
    const cache = new MemoryCache();
    const long = req('2020-01-01', '2026-11-22', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    const big: Record<string, Record<string, number>> = {};
    const day = new Date(Date.UTC(2020, 0, 1));
    for (let i = 0; i < 2518; i++, day.setUTCDate(day.getUTCDate() + 1))
      big[day.toISOString().slice(0, 10)] = Object.fromEntries(
        long.covers.metricIds.map((m) => [m, 12345.678]),
      );
    expect(encodeCarried(long, big).length).toBeGreaterThan(CARRY_MAX_CHARS);
    new Carry(cache, 'job').save([{ index: 0, request: long }], big);
    expect(cache.map.size).toBe(0);

    const broken: ExpiringStore = {
      getAll: () => {
        throw new Error('Exception: cache unavailable');
      },
      putAll: () => {
        throw new Error('Exception: cache unavailable');
      },
      removeAll: () => {
        throw new Error('Exception: cache unavailable');
      },
    };
    const carry = new Carry(broken, 'job');
    expect(() => carry.save([{ index: 0, request: active }], cells)).not.toThrow();
    expect(carry.load([{ index: 0, request: active }]).size).toBe(0);
    expect(() => carry.drop([0])).not.toThrow();
  });
});
