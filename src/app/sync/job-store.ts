// The sync in progress (its checkpoint plus what the sidebar shows about it) and the last sync's
// outcome, in DOCUMENT properties: the job fills this document's sheet, whoever's trigger runs it.
/**
 * API: `SyncJob`, `SyncMode`, `JobStore` { load(), save(job), clear() }, `SyncStatus`,
 * `StatusStore` { get(), update(change) }, `newJob(...)`.
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
import type { UnitSystem } from '../../core/units';
import type { ProviderId } from '../../providers/provider';

export type SyncMode = 'now' | 'backfill' | 'scheduled';

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
}

const JOB_KEY = 'sync.job';
const STATUS_KEY = 'sync.status';

export function newJob(
  mode: SyncMode,
  fields: {
    providerId: ProviderId;
    range: DateRange;
    metricIds: string[];
    units: UnitSystem;
    planSize: number;
    startedAtMs: number;
  },
  skipped: string[],
): SyncJob {
  return {
    mode,
    checkpoint: newCheckpoint(fields),
    skipped,
    refused: [],
    refusals: {},
    runningSinceMs: null,
    fetchedNow: 0,
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
  constructor(private readonly store: KeyValueStore) {}

  load(): SyncJob | null {
    const text = this.store.get(JOB_KEY);
    if (!text) return null;
    try {
      const raw = JSON.parse(text) as Omit<SyncJob, 'checkpoint'> & { checkpoint: unknown };
      const checkpoint = parseCheckpoint(JSON.stringify(raw.checkpoint));
      if (!['now', 'backfill', 'scheduled'].includes(raw.mode)) return null;
      return {
        mode: raw.mode,
        checkpoint,
        skipped: strings(raw.skipped),
        refused: strings(raw.refused),
        refusals: counts(raw.refusals),
        runningSinceMs: typeof raw.runningSinceMs === 'number' ? raw.runningSinceMs : null,
        fetchedNow: typeof raw.fetchedNow === 'number' ? raw.fetchedNow : 0,
      };
    } catch {
      return null;
    }
  }

  save(job: SyncJob): void {
    const checkpoint = JSON.parse(serializeCheckpoint(job.checkpoint)) as SyncCheckpoint;
    this.store.set(JOB_KEY, JSON.stringify({ ...job, checkpoint }));
  }

  clear(): void {
    this.store.delete(JOB_KEY);
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
}

const EMPTY_STATUS: SyncStatus = {
  lastSync: null,
  lastSyncedDate: null,
  problem: null,
  notes: [],
  next: null,
};

export class StatusStore {
  constructor(private readonly store: KeyValueStore) {}

  get(): SyncStatus {
    const text = this.store.get(STATUS_KEY);
    if (!text) return { ...EMPTY_STATUS };
    try {
      return { ...EMPTY_STATUS, ...(JSON.parse(text) as Partial<SyncStatus>) };
    } catch {
      return { ...EMPTY_STATUS };
    }
  }

  update(change: Partial<SyncStatus>): SyncStatus {
    const next = { ...this.get(), ...change };
    this.store.set(STATUS_KEY, JSON.stringify(next));
    return next;
  }
}
