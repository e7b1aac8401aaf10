// The sync part of the sidebar state, for the person's own account: its sheet, settings, last
// sync, progress of its job, the live trigger (continuation or daily) and why, whether the open
// sidebar should drive the job on, and the last problem with the action to take.
import {
  decodeIndexSet,
  writtenDayCount,
  type ContinuationReason,
  type SyncCheckpoint,
} from '../../core/checkpoint';
import { addDays, dayCount } from '../../core/dates';
import { INTRADAY_MESSAGES, intradayDaysDone } from './intraday-job';
import type { KeyValueStore } from '../../core/ports';
import type { SyncScope } from './accounts';
import { UNIT_SYSTEMS, WEIGHT_UNITS, type UnitSystem, type WeightUnit } from '../../core/units';
import { dataSourceFor, providerById } from '../providers';
import { DOMAINS, METRICS, type Domain, type MetricId } from '../../providers/metrics';
import type { ProviderId } from '../../providers/provider';
import { completeDayCount, dayCoverage } from './coverage';
import { JobStore, StatusStore, type ScheduledRun, type SyncMode } from './job-store';
import { PERMISSION_NOTE_START, SYNC_MESSAGES } from './messages';
import type { ScheduleView } from './schedule';
import { EARLIEST_BACKFILL } from './ranges';
import { readSettings } from './settings';
import { recordSheetChoices, type RecordSheetChoice } from './record-sheets-view';

/** A job whose execution started longer ago than Apps Script's limit is no longer running. */
const RUNNING_STALE_MS = 6 * 60_000;

export interface SyncView {
  /** The account this person syncs here, and the sheet its rows go to. */
  account: { label: string; sheetName: string } | null;
  settings: {
    metrics: string[];
    units: UnitSystem;
    unitChoices: UnitSystem[];
    /** null: weight follows the unit system (kg, lb, st). */
    weightUnit: WeightUnit | null;
    weightUnitChoices: WeightUnit[];
    // `domain` lets the sidebar group the choices (Activity, Heart, Vitals, Body, Fitness).
    available: {
      id: MetricId;
      label: string;
      domain: Domain;
      domainLabel: string;
      /** What the permission(s) this domain needs let the add-on read (provider's own words). */
      domainReads: string | null;
      isDefault: boolean;
    }[];
  };
  /** The record sheets (Exercises, ...) and whether this document's syncs fill them. */
  recordSheets: RecordSheetChoice[];
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
  /**
   * The person's job is paused and may go on now (the time budget ended the last run, or the
   * pause is over): the open sidebar calls continueFromSidebar instead of waiting for a trigger.
   */
  continueNow: boolean;
  /** The daily trigger's last run, which nobody watched: when, and what it said. */
  lastScheduled: ScheduledRun | null;
  /** The days a backfill may start on: from the earliest tracker data to today (sheet zone). */
  backfillBounds: { min: string; max: string } | null;
  /** Intraday (per-minute heart rate and steps): offered by Google Health only. */
  intraday: { supported: boolean; max: string | null; note: string };
  problem: string | null;
  notes: string[];
  hint: string | null;
}

/** The domain's permissions in the provider's words (Google's scope-mapping table). */
function domainReads(providerId: ProviderId, domain: Domain): string | null {
  const ids = METRICS.filter((m) => m.domain === domain).map((m) => m.id);
  const scopes = dataSourceFor(providerId).scopesFor(ids);
  if (scopes.length === 0) return null;
  const oauth = providerById(providerId).oauth;
  return scopes.map((s) => oauth.describeScope(s)).join('; ');
}

function doneRequestDays(cp: SyncCheckpoint): number {
  const plan = dataSourceFor(cp.providerId).plan(
    cp.range,
    cp.metricIds as MetricId[],
    cp.units,
    cp.weightUnit,
  );
  if (plan.length !== cp.planSize) return 0;
  return completeDayCount(dayCoverage(plan), decodeIndexSet(cp.done));
}

export interface ViewInput {
  doc: KeyValueStore;
  providerId: ProviderId | null;
  /** Where the person's account syncs; null before setup names a provider. */
  scope: SyncScope | null;
  /** The person's id: a job someone else started is shown, never driven. */
  person: string | null;
  schedule: ScheduleView | null;
  nowMs: number;
  /** Today in the spreadsheet's zone (null without a spreadsheet). */
  today?: string | null;
  /** The scopes granted now (null: not connected); notes about permission end when they change. */
  grantNow?: string[] | null;
}

export function syncView(input: ViewInput): SyncView {
  const { doc, providerId, scope, schedule, nowMs } = input;
  const settings = readSettings(doc);
  // Before setup names a provider there is no account yet: the document's first one is shown.
  const status = new StatusStore(doc, scope?.keys.status ?? 'sync.status').get();
  const job = scope ? new JobStore(doc, scope.keys.job).load() : null;
  let progress: SyncView['progress'] = null;
  if (job) {
    const cp = job.checkpoint;
    const total = dayCount(cp.range);
    // The record of written days is exact; without one (an older checkpoint), days of done
    // requests are a lower bound.
    const daysDone = cp.intraday
      ? intradayDaysDone(cp)
      : (writtenDayCount(cp) ?? doneRequestDays(cp));
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
  const mine = !!job && (job.owner === null || job.owner === input.person);
  const paused = mine ? (job?.checkpoint.next ?? null) : null;
  const live = schedule?.live ?? null;
  if (paused) {
    // The live trigger says when the sync goes on by itself; the job says why it paused.
    const atMs = live?.kind === 'continuation' && live.atMs !== null ? live.atMs : paused.atMs;
    next = {
      kind: 'continuation',
      atMs,
      reason: paused.reason,
      message: SYNC_MESSAGES.paused(paused.reason),
    };
  } else if (live?.kind === 'daily')
    next = {
      kind: 'daily',
      hour: live.hour,
      message: SYNC_MESSAGES.dailyAt(live.hour),
    };
  const available = METRICS.filter(
    (m) => providerId === null || dataSourceFor(providerId).supportedMetricIds([m.id]).length > 0,
  ).map((m) => ({
    id: m.id,
    label: m.label,
    domain: m.domain,
    domainLabel: DOMAINS.find((d) => d.id === m.domain)?.label ?? m.domain,
    domainReads: providerId === null ? null : domainReads(providerId, m.domain),
    isDefault: m.isDefault,
  }));
  return {
    settings: {
      metrics: settings.metrics,
      units: settings.units,
      unitChoices: [...UNIT_SYSTEMS],
      weightUnit: settings.weightUnit,
      weightUnitChoices: [...WEIGHT_UNITS],
      available,
    },
    recordSheets: recordSheetChoices(doc, providerId, scope),
    running,
    lastSync: status.lastSync,
    lastSyncedDate: status.lastSyncedDate,
    progress,
    next,
    account: scope ? { label: scope.account.label, sheetName: scope.sheetName } : null,
    daily: schedule?.daily ?? false,
    continueNow: !!paused && !running && (paused.reason === 'time-budget' || paused.atMs <= nowMs),
    lastScheduled: status.lastScheduled ?? null,
    backfillBounds: input.today ? { min: EARLIEST_BACKFILL, max: input.today } : null,
    intraday: intradayView(providerId, input.today ?? null),
    problem: schedule?.problem ?? status.problem?.message ?? null,
    notes: status.notes.filter(
      (n) =>
        !(n.startsWith(PERMISSION_NOTE_START) && grantChanged(status.notesGrant, input.grantNow)),
    ),
    // The first-sync advice is for someone who has not started one: not during a paused backfill.
    hint: status.lastSyncedDate === null && !job ? SYNC_MESSAGES.firstSync : null,
  };
}

function intradayView(providerId: ProviderId | null, today: string | null): SyncView['intraday'] {
  if (providerId === 'fitbit')
    return { supported: false, max: null, note: INTRADAY_MESSAGES.legacy };
  return {
    supported: true,
    max: today ? addDays(today, -1) : null,
    note: INTRADAY_MESSAGES.hint,
  };
}

function grantChanged(
  then: string[] | null | undefined,
  now: string[] | null | undefined,
): boolean {
  if (!then || !now) return false;
  return [...then].sort().join(' ') !== [...now].sort().join(' ');
}
