// The person's one clock trigger for this document: the daily sync, or a one-off continuation of
// their paused job. Every run ends by reconciling the live trigger with what is wanted, so no path
// (a busy lock, a lost connection, a failed creation) can leave none, or two.
/**
 * API: `Schedule` { dailyEnabled(), setDaily(on), reconcile(want), view() }, `wantedTrigger(job,
 * dailyOn, nowMs)`, `Want`, `ScheduleView`, handler names `DAILY_HANDLER`, `CONTINUE_HANDLER`,
 * `MIN_TRIGGER_DELAY_MS`.
 * Apps Script's rules for add-ons (platform facts): one trigger of each type per user per
 * document, time-driven triggers at most once an hour, 20 triggers per user. So the continuation
 * takes the daily trigger's place, is due an hour later at the soonest (while the sidebar is open
 * it drives the continuations itself), and the daily trigger comes back once the job is done.
 * The live trigger is read from ScriptApp each time (a one-off trigger is gone once it fired);
 * USER properties only remember when the continuation is due (a Trigger does not say) and the
 * last failure to create one.
 */
import type { ContinuationReason } from '../../core/checkpoint';
import type { KeyValueStore } from '../../core/ports';
import type { SyncJob } from './job-store';
import type { LiveTrigger, TriggerPort } from './ports';

export const DAILY_HANDLER = 'runScheduledSync';
export const CONTINUE_HANDLER = 'continueSync';
/** The daily sync runs at about this hour in the spreadsheet's zone: yesterday is complete. */
export const DAILY_HOUR = 6;
/**
 * A one-off trigger is due at least this much later: the hour add-ons must keep between
 * time-driven runs, plus a minute because Apps Script checks after this code read the clock.
 */
export const MIN_TRIGGER_DELAY_MS = 61 * 60_000;

export type Want =
  | { kind: 'none' }
  | { kind: 'daily' }
  | { kind: 'continuation'; atMs: number; reason: ContinuationReason };

/** The trigger a person should have: their paused job's continuation, else daily if on. */
export function wantedTrigger(job: SyncJob | null, dailyOn: boolean): Want {
  const next = job?.checkpoint.next;
  if (next) return { kind: 'continuation', atMs: next.atMs, reason: next.reason };
  return dailyOn ? { kind: 'daily' } : { kind: 'none' };
}

interface Slot {
  id: string;
  atMs: number;
  reason: ContinuationReason;
}

export interface ScheduleView {
  daily: boolean;
  /** The live trigger: daily, a continuation (when it is due), or none. */
  live:
    | { kind: 'daily'; hour: number }
    | { kind: 'continuation'; atMs: number | null; reason: ContinuationReason | null }
    | null;
  dailyHour: number;
  /** Why the trigger the person needs could not be created, and what to do. */
  problem: string | null;
}

export type ReconcileResult = { ok: true } | { ok: false; message: string };

export const TRIGGER_MESSAGES = {
  cap: 'The add-on could not schedule its next run: Apps Script allows each person 20 triggers for an add-on, and yours are used (daily sync in other spreadsheets counts). Turn daily sync off in a spreadsheet you no longer need, then open this sidebar again. Until then, use Sync now.',
  other: (detail: string) =>
    `The add-on could not schedule its next run (${detail}). Open this sidebar again to retry; until then, use Sync now.`,
} as const;

export class Schedule {
  private readonly slotKey: string;
  private readonly dailyKey: string;
  private readonly problemKey: string;

  constructor(
    private readonly triggers: TriggerPort,
    private readonly userStore: KeyValueStore,
    documentId: string,
    private readonly now: () => number,
  ) {
    this.slotKey = `sync.trigger.${documentId}`;
    this.dailyKey = `sync.daily.${documentId}`;
    this.problemKey = `sync.triggerProblem.${documentId}`;
  }

  dailyEnabled(): boolean {
    return this.userStore.get(this.dailyKey) === 'on';
  }

  /** Records the choice; the caller reconciles with the person's job in mind. */
  setDaily(on: boolean): void {
    if (on) this.userStore.set(this.dailyKey, 'on');
    else this.userStore.delete(this.dailyKey);
  }

  private slot(): Slot | null {
    const text = this.userStore.get(this.slotKey);
    if (!text) return null;
    try {
      return JSON.parse(text) as Slot;
    } catch {
      return null;
    }
  }

  /** Leaves exactly the wanted trigger live; a failure to create it is kept for the sidebar. */
  reconcile(want: Want): ReconcileResult {
    const live = this.triggers.list();
    const slot = this.slot();
    const keep = live.find((t) => this.satisfies(t, want, slot));
    for (const t of live) if (t !== keep) this.triggers.remove(t.id);
    if (keep || want.kind === 'none') {
      if (want.kind !== 'continuation') this.userStore.delete(this.slotKey);
      this.userStore.delete(this.problemKey);
      return { ok: true };
    }
    try {
      if (want.kind === 'daily') {
        this.triggers.createDaily(DAILY_HANDLER, DAILY_HOUR);
        this.userStore.delete(this.slotKey);
      } else {
        const atMs = Math.ceil(Math.max(want.atMs, this.now() + MIN_TRIGGER_DELAY_MS));
        const id = this.triggers.createAt(CONTINUE_HANDLER, atMs);
        this.userStore.set(this.slotKey, JSON.stringify({ id, atMs, reason: want.reason }));
      }
      this.userStore.delete(this.problemKey);
      return { ok: true };
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      const message = /too many triggers/i.test(detail)
        ? TRIGGER_MESSAGES.cap
        : TRIGGER_MESSAGES.other(detail.replace(/^Exception: /, ''));
      this.userStore.set(this.problemKey, message);
      return { ok: false, message };
    }
  }

  /**
   * A live daily trigger serves "daily"; a live continuation serves a continuation when it was
   * created for one due no earlier than the job may go on (so a run the sidebar drove keeps the
   * trigger already waiting an hour out instead of replacing it every time).
   */
  private satisfies(t: LiveTrigger, want: Want, slot: Slot | null): boolean {
    if (want.kind === 'daily') return t.handler === DAILY_HANDLER;
    if (want.kind !== 'continuation' || t.handler !== CONTINUE_HANDLER) return false;
    return slot !== null && slot.id === t.id && slot.atMs >= want.atMs;
  }

  view(): ScheduleView {
    const live = this.triggers.list()[0] ?? null;
    const slot = this.slot();
    let shown: ScheduleView['live'] = null;
    if (live?.handler === DAILY_HANDLER) shown = { kind: 'daily', hour: DAILY_HOUR };
    else if (live?.handler === CONTINUE_HANDLER)
      shown =
        slot && slot.id === live.id
          ? { kind: 'continuation', atMs: slot.atMs, reason: slot.reason }
          : { kind: 'continuation', atMs: null, reason: null };
    return {
      daily: this.dailyEnabled(),
      live: shown,
      dailyHour: DAILY_HOUR,
      problem: this.userStore.get(this.problemKey),
    };
  }
}
