// The resumable sync's checkpoint: small JSON that fits one 9 KB property value and describes
// what is left, so a continuation re-plans the same requests and skips the finished ones.
/**
 * API:
 * - `SyncCheckpoint`: { v: 1, providerId, range, metricIds, units, planSize, done, next,
 *   rate?, startedAtMs, executions }. Plans are deterministic in (providerId, range, metricIds,
 *   units), so `done` only stores the indices of finished requests as compact ranges
 *   ("0-22,25"); `planSize` guards against a planner that changed between versions.
 * - `newCheckpoint(fields)`, `markDone(cp, indices)`, `isComplete(cp)`,
 *   `pendingIndices(cp)`, `pendingRequests(cp, plan)` -> { index, request }[].
 * - `serializeCheckpoint(cp)` (throws if over `CHECKPOINT_MAX_BYTES`), `parseCheckpoint(text)`
 *   (throws InvalidCheckpointError on anything unexpected).
 * - `encodeIndexSet`, `decodeIndexSet`.
 */
import { isCivilDate, type DateRange } from './dates';
import { InvalidCheckpointError } from './errors';
import type { PlannedRequest } from './planned-request';
import type { RateBudgetState } from './rate-budget';
import { isUnitSystem, type UnitSystem } from './units';

/** Apps Script Properties: 9 KB per value. */
export const CHECKPOINT_MAX_BYTES = 9 * 1024;

export type ContinuationReason = 'time-budget' | 'rate-limit' | 'transient';

export interface SyncCheckpoint {
  v: 1;
  providerId: 'fitbit' | 'google-health';
  range: DateRange;
  metricIds: string[];
  units: UnitSystem;
  planSize: number;
  done: string;
  next: { atMs: number; reason: ContinuationReason } | null;
  rate?: RateBudgetState;
  startedAtMs: number;
  executions: number;
}

export function encodeIndexSet(indices: Iterable<number>): string {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

export function decodeIndexSet(text: string): Set<number> {
  const set = new Set<number>();
  if (text === '') return set;
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new InvalidCheckpointError(`bad index range "${part}"`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) throw new InvalidCheckpointError(`bad index range "${part}"`);
    for (let k = from; k <= to; k++) set.add(k);
  }
  return set;
}

export function newCheckpoint(
  fields: Pick<
    SyncCheckpoint,
    'providerId' | 'range' | 'metricIds' | 'units' | 'planSize' | 'startedAtMs'
  >,
): SyncCheckpoint {
  return { v: 1, ...fields, metricIds: [...fields.metricIds], done: '', next: null, executions: 0 };
}

export function markDone(checkpoint: SyncCheckpoint, indices: Iterable<number>): SyncCheckpoint {
  const done = decodeIndexSet(checkpoint.done);
  for (const i of indices) {
    if (!Number.isInteger(i) || i < 0 || i >= checkpoint.planSize)
      throw new RangeError(`No request ${i} in the plan`);
    done.add(i);
  }
  return { ...checkpoint, done: encodeIndexSet(done) };
}

export function pendingIndices(checkpoint: SyncCheckpoint): number[] {
  const done = decodeIndexSet(checkpoint.done);
  const pending: number[] = [];
  for (let i = 0; i < checkpoint.planSize; i++) if (!done.has(i)) pending.push(i);
  return pending;
}

export function isComplete(checkpoint: SyncCheckpoint): boolean {
  return pendingIndices(checkpoint).length === 0;
}

/** The plan's unfinished requests; the plan must be the one re-made from the checkpoint's fields. */
export function pendingRequests(
  checkpoint: SyncCheckpoint,
  plan: readonly PlannedRequest[],
): { index: number; request: PlannedRequest }[] {
  if (plan.length !== checkpoint.planSize) {
    throw new InvalidCheckpointError(
      `the plan now has ${plan.length} requests, the checkpoint ${checkpoint.planSize}`,
    );
  }
  return pendingIndices(checkpoint).map((index) => ({ index, request: plan[index] }));
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function serializeCheckpoint(checkpoint: SyncCheckpoint): string {
  const text = JSON.stringify(checkpoint);
  if (utf8Length(text) > CHECKPOINT_MAX_BYTES) {
    throw new InvalidCheckpointError(`${utf8Length(text)} bytes exceed one property value`);
  }
  return text;
}

function fail(detail: string): never {
  throw new InvalidCheckpointError(detail);
}

export function parseCheckpoint(text: string): SyncCheckpoint {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    fail('not JSON');
  }
  if (typeof raw !== 'object' || raw === null) fail('not an object');
  const cp = raw as Record<string, unknown>;
  if (cp.v !== 1) fail(`unknown version ${String(cp.v)}`);
  if (cp.providerId !== 'fitbit' && cp.providerId !== 'google-health') fail('unknown provider');
  const range = cp.range as Record<string, unknown> | null;
  if (
    typeof range !== 'object' ||
    range === null ||
    !isCivilDate(range.start) ||
    !isCivilDate(range.end)
  ) {
    fail('bad range');
  }
  if (!Array.isArray(cp.metricIds) || !cp.metricIds.every((m) => typeof m === 'string'))
    fail('bad metric ids');
  if (!isUnitSystem(cp.units)) fail('bad unit system');
  if (!Number.isInteger(cp.planSize) || (cp.planSize as number) < 0) fail('bad plan size');
  if (typeof cp.done !== 'string') fail('bad done set');
  const done = decodeIndexSet(cp.done);
  if ([...done].some((i) => i >= (cp.planSize as number))) fail('done set beyond the plan');
  const next = cp.next as Record<string, unknown> | null;
  if (next !== null) {
    if (typeof next !== 'object' || typeof next.atMs !== 'number') fail('bad continuation');
    if (!['time-budget', 'rate-limit', 'transient'].includes(next.reason as string))
      fail('bad continuation reason');
  }
  if (typeof cp.startedAtMs !== 'number' || !Number.isInteger(cp.executions))
    fail('bad bookkeeping');
  return cp as unknown as SyncCheckpoint;
}
