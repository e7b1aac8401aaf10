// Values of requests fetched in one execution whose days could not all be written yet (a pause
// came first), kept in the user cache until the continuation, which then does not fetch them again.
/**
 * API: `ExpiringStore` (the port: CacheService's getAll/putAll/removeAll), `Carry` { load(items),
 * save(entries), drop(indices) }, `encodeCarried(request, cells)`, `decodeCarried(text, request)`.
 * A value is the request's own cells, one array per metric aligned with its days, plus the
 * request id so a value only ever fills the request it came from. The cache may drop a value at
 * any time: then the request is simply fetched again, as before. Keys are scoped to one job
 * (document, provider, the job's start instant), so a new job never reads an old job's values.
 */
import { eachDay } from '../../core/dates';
import type { DayCells, DayValue } from '../../core/day-values';
import type { PlannedRequest } from '../../core/planned-request';

export interface ExpiringStore {
  getAll(keys: string[]): Record<string, string>;
  putAll(values: Record<string, string>, ttlSeconds: number): void;
  removeAll(keys: string[]): void;
}

/** CacheService keeps a value at most 21,600 s and up to 100 KB (platform facts). */
export const CARRY_TTL_SECONDS = 21_600;
export const CARRY_MAX_CHARS = 100_000;

interface Carried {
  id: string;
  m: Record<string, (DayValue | null)[]>;
}

export interface CarryItem {
  index: number;
  request: PlannedRequest;
}

export function encodeCarried(request: PlannedRequest, cells: DayCells): string {
  const days = eachDay(request.covers);
  const m: Carried['m'] = {};
  // A covered cell the answer left undefined (a scope the person did not grant) is carried as
  // null: that metric's column is not written by this job anyway.
  for (const metricId of request.covers.metricIds)
    m[metricId] = days.map((d) => cells[d]?.[metricId] ?? null);
  return JSON.stringify({ id: request.id, m } satisfies Carried);
}

/** The request's cells, or null when the text is not a carried value of exactly this request. */
export function decodeCarried(text: string, request: PlannedRequest): DayCells | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const value = parsed as Partial<Carried> | null;
  if (!value || value.id !== request.id || typeof value.m !== 'object' || value.m === null)
    return null;
  const days = eachDay(request.covers);
  const cells: DayCells = {};
  for (const metricId of request.covers.metricIds) {
    const list = (value.m as Record<string, unknown>)[metricId];
    if (!Array.isArray(list) || list.length !== days.length) return null;
    for (let i = 0; i < days.length; i++) {
      const v: unknown = list[i];
      if (v !== null && typeof v !== 'string' && (typeof v !== 'number' || !Number.isFinite(v)))
        return null;
      (cells[days[i]] ??= {})[metricId] = v;
    }
  }
  return cells;
}

export class Carry {
  constructor(
    private readonly store: ExpiringStore,
    /** Identifies the job: document, provider and the job's start instant. */
    private readonly scope: string,
  ) {}

  private key(index: number): string {
    return `${this.scope}.${index}`;
  }

  /** The carried cells of those items the cache still holds, by request index. */
  load(items: readonly CarryItem[]): Map<number, DayCells> {
    const found = new Map<number, DayCells>();
    if (items.length === 0) return found;
    let stored: Record<string, string>;
    try {
      stored = this.store.getAll(items.map((i) => this.key(i.index)));
    } catch {
      return found;
    }
    for (const item of items) {
      const text = stored[this.key(item.index)];
      const cells = typeof text === 'string' ? decodeCarried(text, item.request) : null;
      if (cells) found.set(item.index, cells);
    }
    return found;
  }

  /** Keeps these requests' cells for the next execution; a value too large is left out. */
  save(entries: readonly CarryItem[], cells: DayCells): void {
    const values: Record<string, string> = {};
    for (const e of entries) {
      const text = encodeCarried(e.request, cells);
      if (text.length <= CARRY_MAX_CHARS) values[this.key(e.index)] = text;
    }
    if (Object.keys(values).length === 0) return;
    try {
      this.store.putAll(values, CARRY_TTL_SECONDS);
    } catch {
      // A cache that refuses only costs fetching these requests again.
    }
  }

  /** Forgets requests that are done (their days are in the sheet). */
  drop(indices: readonly number[]): void {
    if (indices.length === 0) return;
    try {
      this.store.removeAll(indices.map((i) => this.key(i)));
    } catch {
      // Expires by itself.
    }
  }
}
