// The user's time-driven trigger for this document: the daily sync, or a one-off continuation.
// An add-on may own one trigger of each type per user per document (platform facts), so both
// share one slot: a continuation takes the daily trigger's place and gives it back when it ran.
/**
 * API: `Schedule` { dailyEnabled(), setDaily(on), scheduleContinuation(atMs, reason),
 * afterRun(), view() }, handler names `DAILY_HANDLER`, `CONTINUE_HANDLER`.
 * The slot is remembered by trigger id in USER properties (triggers belong to a user), keyed by
 * the document id; creating is idempotent: an id that still exists is reused.
 */
import type { ContinuationReason } from '../../core/checkpoint';
import type { KeyValueStore } from '../../core/ports';
import type { TriggerPort } from './ports';

export const DAILY_HANDLER = 'runScheduledSync';
export const CONTINUE_HANDLER = 'continueSync';
/** The daily sync runs at about this hour in the spreadsheet's zone: yesterday is complete. */
export const DAILY_HOUR = 6;

interface Slot {
  id: string;
  kind: 'daily' | 'continuation';
  atMs: number | null;
  reason: ContinuationReason | null;
}

export interface ScheduleView {
  daily: boolean;
  /** The pending continuation, if any (otherwise the daily trigger runs at DAILY_HOUR). */
  continuation: { atMs: number; reason: ContinuationReason } | null;
  dailyHour: number;
}

export class Schedule {
  private readonly slotKey: string;
  private readonly dailyKey: string;

  constructor(
    private readonly triggers: TriggerPort,
    private readonly userStore: KeyValueStore,
    documentId: string,
  ) {
    this.slotKey = `sync.trigger.${documentId}`;
    this.dailyKey = `sync.daily.${documentId}`;
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

  private setSlot(slot: Slot | null): void {
    if (slot) this.userStore.set(this.slotKey, JSON.stringify(slot));
    else this.userStore.delete(this.slotKey);
  }

  /** The remembered trigger if it still exists (a fired one-off trigger is gone). */
  private live(): Slot | null {
    const slot = this.slot();
    if (slot && this.triggers.exists(slot.id)) return slot;
    if (slot) this.setSlot(null);
    return null;
  }

  dailyEnabled(): boolean {
    return this.userStore.get(this.dailyKey) === 'on';
  }

  setDaily(on: boolean): void {
    if (on) this.userStore.set(this.dailyKey, 'on');
    else this.userStore.delete(this.dailyKey);
    const slot = this.live();
    if (on && !slot) this.createDaily();
    if (!on && slot?.kind === 'daily') {
      this.triggers.remove(slot.id);
      this.setSlot(null);
    }
  }

  scheduleContinuation(atMs: number, reason: ContinuationReason): void {
    const slot = this.live();
    if (slot?.kind === 'continuation' && slot.atMs === atMs) return;
    if (slot) this.triggers.remove(slot.id);
    const id = this.triggers.createAt(CONTINUE_HANDLER, atMs);
    this.setSlot({ id, kind: 'continuation', atMs, reason });
  }

  /** After a run that needs no continuation: drop a pending one, restore the daily trigger. */
  afterRun(): void {
    const slot = this.live();
    if (slot?.kind === 'continuation') {
      this.triggers.remove(slot.id);
      this.setSlot(null);
    }
    if (this.dailyEnabled() && slot?.kind !== 'daily') this.createDaily();
  }

  view(): ScheduleView {
    const slot = this.slot();
    return {
      daily: this.dailyEnabled(),
      continuation:
        slot?.kind === 'continuation' && slot.atMs !== null && slot.reason !== null
          ? { atMs: slot.atMs, reason: slot.reason }
          : null,
      dailyHour: DAILY_HOUR,
    };
  }

  private createDaily(): void {
    const id = this.triggers.createDaily(DAILY_HANDLER, DAILY_HOUR);
    this.setSlot({ id, kind: 'daily', atMs: null, reason: null });
  }
}
