// The resumable sync's checkpoint: small JSON that fits one 9 KB property value and describes
// what is left, so a continuation re-plans the same requests and skips the finished ones.
/**
 * API:
 * - `SyncCheckpoint`: { v: 1, providerId, range, metricIds, units, planSize, done, next,
 *   rate?, startedAtMs, executions, records? }. `records`: the record sheets the job fills (absent:
 *   none), part of what the plan is made from. Plans are deterministic in (providerId, range, metricIds,
 *   units), so `done` only stores the indices of finished requests as compact ranges
 *   ("0-22,25"); `planSize` guards against a planner that changed between versions.
 * - `newCheckpoint(fields)`, `markDone(cp, indices)`, `isComplete(cp)`,
 *   `pendingIndices(cp)`, `pendingRequests(cp, plan)` -> { index, request }[].
 * - `serializeCheckpoint(cp)` (throws if over `CHECKPOINT_MAX_BYTES`), `parseCheckpoint(text)`
 *   (throws InvalidCheckpointError on anything unexpected).
 * - `encodeIndexSet`, `decodeIndexSet`.
 * - `markWritten(cp, days)`, `writtenDayCount(cp)`: the progress record of written days.
 */
import { dayCount, daysBetween, isCivilDate, type CivilDate, type DateRange } from './dates';
import { InvalidCheckpointError } from './errors';
import type { PlannedRequest } from './planned-request';
import type { RateBudgetState } from './rate-budget';
import { isUnitSystem, isWeightUnit, type UnitSystem, type WeightUnit } from './units';
import { isRecordSheetId, type RecordSheetId } from './records';
import type { ZoneOffsets } from './zone-offsets';

/** Apps Script Properties: 9 KB per value. */
export const CHECKPOINT_MAX_BYTES = 9 * 1024;

export type ContinuationReason = 'time-budget' | 'rate-limit' | 'transient';

export interface SyncCheckpoint {
  v: 1;
  providerId: 'fitbit' | 'google-health';
  range: DateRange;
  metricIds: string[];
  units: UnitSystem;
  /** The weight unit chosen apart from the unit system; absent: the system's own. */
  weightUnit?: WeightUnit;
  planSize: number;
  done: string;
  next: { atMs: number; reason: ContinuationReason } | null;
  rate?: RateBudgetState;
  startedAtMs: number;
  executions: number;
  /**
   * Days already written to the sheet by this job, as offsets from range.start in the same
   * compact form as `done`. Only for the progress bar: a day can be written while a request that
   * also covers later days is still waiting, so counting done requests would lag the sheet.
   */
  written?: string;
  /** The record sheets this job fills (absent: none). */
  records?: RecordSheetId[];
  /**
   * An intraday job's data types ('heart-rate', 'steps') and the spreadsheet zone's offsets over
   * its days: its plan is made from these (providers/google-health/intraday-plan.ts).
   */
  intraday?: { types: string[]; zone: ZoneOffsets };
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
    'providerId' | 'range' | 'metricIds' | 'units' | 'weightUnit' | 'planSize' | 'startedAtMs'
  > &
    Pick<Partial<SyncCheckpoint>, 'records'>,
): SyncCheckpoint {
  const { records, ...rest } = fields;
  return {
    v: 1,
    ...rest,
    ...(records && records.length > 0 ? { records: [...records] } : {}),
    metricIds: [...fields.metricIds],
    done: '',
    next: null,
    executions: 0,
    written: '',
  };
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

/**
 * The longest `written` record kept. Written days come in a few contiguous blocks, so this is
 * never reached in practice; if it were, the record is dropped rather than risk the 9 KB limit,
 * and the progress bar falls back to counting days of done requests.
 */
export const WRITTEN_MAX_CHARS = 1024;

export function markWritten(
  checkpoint: SyncCheckpoint,
  days: readonly CivilDate[],
): SyncCheckpoint {
  // No record (dropped, or a checkpoint from before it existed) stays no record: a partial one
  // would under-count.
  if (days.length === 0 || checkpoint.written === undefined) return checkpoint;
  const offsets = decodeIndexSet(checkpoint.written);
  const total = dayCount(checkpoint.range);
  for (const day of days) {
    const offset = daysBetween(checkpoint.range.start, day);
    if (offset >= 0 && offset < total) offsets.add(offset);
  }
  const written = encodeIndexSet(offsets);
  if (written.length > WRITTEN_MAX_CHARS) {
    const rest = { ...checkpoint };
    delete rest.written;
    return rest;
  }
  return { ...checkpoint, written };
}

/** Days this job has written, or null when no record was kept. */
export function writtenDayCount(checkpoint: SyncCheckpoint): number | null {
  return checkpoint.written === undefined ? null : decodeIndexSet(checkpoint.written).size;
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

function isIntradayField(value: unknown): boolean {
  const v = value as { types?: unknown; zone?: { zone?: unknown; offsets?: unknown } } | null;
  const offsets = v?.zone?.offsets;
  return (
    !!v &&
    Array.isArray(v.types) &&
    v.types.every((t) => typeof t === 'string') &&
    typeof v.zone?.zone === 'string' &&
    Array.isArray(offsets) &&
    offsets.length > 0 &&
    offsets.every(
      (o: unknown) =>
        Array.isArray(o) &&
        o.length === 2 &&
        o.every((n) => typeof n === 'number' && Number.isFinite(n)),
    )
  );
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
  if (cp.weightUnit !== undefined && !isWeightUnit(cp.weightUnit)) fail('bad weight unit');
  if (
    cp.records !== undefined &&
    (!Array.isArray(cp.records) || !cp.records.every(isRecordSheetId))
  )
    fail('bad record sheets');
  if (cp.intraday !== undefined && !isIntradayField(cp.intraday)) fail('bad intraday fields');
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
  if (cp.written !== undefined) {
    if (typeof cp.written !== 'string') fail('bad written set');
    const total = dayCount(cp.range as DateRange);
    if ([...decodeIndexSet(cp.written)].some((i) => i >= total))
      fail('written set beyond the range');
  }
  return cp as unknown as SyncCheckpoint;
}
