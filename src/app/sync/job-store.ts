// The sync in progress (its checkpoint plus what the sidebar shows about it) and the last sync's
// outcome, in DOCUMENT properties under one account's keys (accounts.ts): the job fills that
// account's sheet, and only the person who started it continues it.
/**
 * API: `SyncJob`, `SyncMode`, `JobStore(store, key)` { load(), save(job), clear() }, `SyncStatus`,
 * `StatusStore(store, key)` { get(), update(change) }, `newJob(...)`.
 * A job is one JSON value (< 9 KB: the checkpoint stores request indices, not data); a job that
 * cannot be read is dropped, since a re-sync repairs anything it left behind.
 */
import {
  newCheckpoint,
  parseCheckpoint,
  serializeCheckpoint,
  type ContinuationReason,
  type SyncCheckpoint,
} from '../../core/checkpoint';
import type { CivilDate, DateRange } from '../../core/dates';
import type { KeyValueStore } from '../../core/ports';
import type { UnitSystem, WeightUnit } from '../../core/units';
import type { ProviderId } from '../../providers/provider';
import type { RecordSheetId } from '../../core/records';

/** 'intraday': per-minute heart rate and steps into the Intraday sheet (intraday-job.ts). */
export type SyncMode = 'now' | 'backfill' | 'scheduled' | 'intraday';

export interface SyncJob {
  mode: SyncMode;
  checkpoint: SyncCheckpoint;
  /** Metrics the person did not grant: their columns are left alone for this job. */
  skipped: string[];
  /** Metrics whose requests the provider refused (a client error): left out for this job. */
  refused: string[];
  /** How many executions saw each request (by plan index) refused: bounds asking again. */
  refusals: Record<string, number>;
  /** Set while an execution works on the job (the sidebar polls it); stale after 6 minutes. */
  runningSinceMs: number | null;
  /** Requests fetched by the running execution, for the progress line. */
  fetchedNow: number;
  /** The person who started the job (accounts.ts personKey); null: a job from before owners. */
  owner: string | null;
}

export function newJob(
  mode: SyncMode,
  fields: {
    providerId: ProviderId;
    range: DateRange;
    metricIds: string[];
    units: UnitSystem;
    weightUnit?: WeightUnit;
    planSize: number;
    startedAtMs: number;
    records?: RecordSheetId[];
  },
  skipped: string[],
  owner: string | null = null,
): SyncJob {
  return {
    mode,
    checkpoint: newCheckpoint(fields),
    skipped,
    refused: [],
    refusals: {},
    runningSinceMs: null,
    fetchedNow: 0,
    owner,
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
}

function counts(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!value || typeof value !== 'object') return out;
  for (const [k, n] of Object.entries(value as Record<string, unknown>))
    if (/^\d+$/.test(k) && typeof n === 'number' && Number.isInteger(n) && n > 0) out[k] = n;
  return out;
}

export class JobStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {}

  load(): SyncJob | null {
    const text = this.store.get(this.key);
    if (!text) return null;
    try {
      const raw = JSON.parse(text) as Omit<SyncJob, 'checkpoint'> & { checkpoint: unknown };
      const checkpoint = parseCheckpoint(JSON.stringify(raw.checkpoint));
      if (!['now', 'backfill', 'scheduled', 'intraday'].includes(raw.mode)) return null;
      return {
        mode: raw.mode,
        checkpoint,
        skipped: strings(raw.skipped),
        refused: strings(raw.refused),
        refusals: counts(raw.refusals),
        runningSinceMs: typeof raw.runningSinceMs === 'number' ? raw.runningSinceMs : null,
        fetchedNow: typeof raw.fetchedNow === 'number' ? raw.fetchedNow : 0,
        owner: typeof raw.owner === 'string' ? raw.owner : null,
      };
    } catch {
      return null;
    }
  }

  save(job: SyncJob): void {
    const checkpoint = JSON.parse(serializeCheckpoint(job.checkpoint)) as SyncCheckpoint;
    this.store.set(this.key, JSON.stringify({ ...job, checkpoint }));
  }

  clear(): void {
    this.store.delete(this.key);
  }
}

export interface SyncProblem {
  /** Plain words: what happened and what to do. */
  message: string;
  atMs: number;
}

export interface SyncStatus {
  lastSync: { atMs: number; days: number; mode: SyncMode } | null;
  /** The last day of the last finished sync: "Sync now" starts a late-upload window before it. */
  lastSyncedDate: CivilDate | null;
  problem: SyncProblem | null;
  /** Notes about the last sync that are not failures (data left out, for example). */
  notes: string[];
  next: { atMs: number; reason: ContinuationReason } | null;
  /** The last run of the daily trigger: the person was not there, so the sidebar shows it. */
  lastScheduled?: ScheduledRun | null;
  /** The scopes granted when the notes were written: a note about permission ends with them. */
  notesGrant?: string[] | null;
}

export interface ScheduledRun {
  atMs: number;
  ok: boolean;
  /** What the run said (finished, paused, or the problem with what to do). */
  message: string;
}

const EMPTY_STATUS: SyncStatus = {
  lastSync: null,
  lastSyncedDate: null,
  problem: null,
  notes: [],
  next: null,
};

export class StatusStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {}

  get(): SyncStatus {
    const text = this.store.get(this.key);
    if (!text) return { ...EMPTY_STATUS };
    try {
      return { ...EMPTY_STATUS, ...(JSON.parse(text) as Partial<SyncStatus>) };
    } catch {
      return { ...EMPTY_STATUS };
    }
  }

  update(change: Partial<SyncStatus>): SyncStatus {
    const next = { ...this.get(), ...change };
    this.store.set(this.key, JSON.stringify(next));
    return next;
  }
}
