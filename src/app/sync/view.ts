// The sync part of the sidebar state: settings, last sync, progress of the job in hand, the next
// continuation or daily run and why, and the last problem with the action to take.
import {
  decodeIndexSet,
  writtenDayCount,
  type ContinuationReason,
  type SyncCheckpoint,
} from '../../core/checkpoint';
import { dayCount } from '../../core/dates';
import type { KeyValueStore } from '../../core/ports';
import { UNIT_SYSTEMS, type UnitSystem } from '../../core/units';
import { dataSourceFor } from '../providers';
import { METRICS, type Domain, type MetricId } from '../../providers/metrics';
import type { ProviderId } from '../../providers/provider';
import { completeDayCount, dayCoverage } from './coverage';
import { JobStore, StatusStore, type SyncMode } from './job-store';
import { SYNC_MESSAGES } from './messages';
import type { ScheduleView } from './schedule';
import { readSettings } from './settings';

/** A job whose execution started longer ago than Apps Script's limit is no longer running. */
const RUNNING_STALE_MS = 6 * 60_000;

export interface SyncView {
  settings: {
    metrics: string[];
    units: UnitSystem;
    unitChoices: UnitSystem[];
    // `domain` lets the sidebar group the choices (Activity, Heart, Vitals, Body, Fitness).
    available: { id: MetricId; label: string; domain: Domain; isDefault: boolean }[];
  };
  running: boolean;
  lastSync: { atMs: number; days: number; mode: SyncMode } | null;
  lastSyncedDate: string | null;
  progress: {
    mode: SyncMode;
    start: string;
    end: string;
    daysDone: number;
    daysTotal: number;
    percent: number;
    requestsFetchedNow: number;
  } | null;
  next:
    | { kind: 'continuation'; atMs: number; reason: ContinuationReason; message: string }
    | { kind: 'daily'; hour: number; message: string }
    | null;
  daily: boolean;
  problem: string | null;
  notes: string[];
  hint: string | null;
}

function doneRequestDays(cp: SyncCheckpoint): number {
  const plan = dataSourceFor(cp.providerId).plan(cp.range, cp.metricIds as MetricId[], cp.units);
  if (plan.length !== cp.planSize) return 0;
  return completeDayCount(dayCoverage(plan), decodeIndexSet(cp.done));
}

export function syncView(
  doc: KeyValueStore,
  providerId: ProviderId | null,
  schedule: ScheduleView | null,
  nowMs: number,
): SyncView {
  const settings = readSettings(doc);
  const status = new StatusStore(doc).get();
  const job = new JobStore(doc).load();
  let progress: SyncView['progress'] = null;
  if (job) {
    const cp = job.checkpoint;
    const total = dayCount(cp.range);
    // The record of written days is exact; without one (an older checkpoint), days of done
    // requests are a lower bound.
    const daysDone = writtenDayCount(cp) ?? doneRequestDays(cp);
    progress = {
      mode: job.mode,
      start: cp.range.start,
      end: cp.range.end,
      daysDone,
      daysTotal: total,
      percent: total > 0 ? Math.floor((daysDone / total) * 100) : 100,
      requestsFetchedNow: job.fetchedNow,
    };
  }
  const running = !!job?.runningSinceMs && nowMs - job.runningSinceMs < RUNNING_STALE_MS;
  let next: SyncView['next'] = null;
  const continuation = schedule?.continuation ?? job?.checkpoint.next ?? null;
  if (job && continuation)
    next = {
      kind: 'continuation',
      atMs: continuation.atMs,
      reason: continuation.reason,
      message: SYNC_MESSAGES.paused(continuation.reason),
    };
  else if (schedule?.daily)
    next = {
      kind: 'daily',
      hour: schedule.dailyHour,
      message: `Daily sync at about ${schedule.dailyHour}:00 (spreadsheet time).`,
    };
  const available = METRICS.filter(
    (m) => providerId === null || dataSourceFor(providerId).supportedMetricIds([m.id]).length > 0,
  ).map((m) => ({ id: m.id, label: m.label, domain: m.domain, isDefault: m.isDefault }));
  return {
    settings: {
      metrics: settings.metrics,
      units: settings.units,
      unitChoices: [...UNIT_SYSTEMS],
      available,
    },
    running,
    lastSync: status.lastSync,
    lastSyncedDate: status.lastSyncedDate,
    progress,
    next,
    daily: schedule?.daily ?? false,
    problem: status.problem?.message ?? null,
    notes: status.notes,
    // The first-sync advice is for someone who has not started one: not during a paused backfill.
    hint: status.lastSyncedDate === null && !job ? SYNC_MESSAGES.firstSync : null,
  };
}
