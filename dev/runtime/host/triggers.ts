// The host's installable time-driven triggers: schedule, per-user limit, the add-on rules, and
// which are due.
import { randomInt } from 'node:crypto';
import { zonedFields, zonedTimeToEpoch } from '../services/format-date';

export interface TriggerInfo {
  id: string;
  handler: string;
  type: 'CLOCK';
  user: string;
  spreadsheetId: string | null;
  /** Epoch ms of the next run, null once a one-off trigger has fired. */
  nextRunAt: number | null;
  everyMs?: number;
  oneOff: boolean;
}

/** What ClockTriggerBuilder collected before create(). */
export interface ClockSpec {
  handler: string;
  afterMs?: number;
  atMs?: number;
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  timeZone?: string;
}

// ScriptApp: 20 triggers per user per script (platform-facts, Apps Script).
export const MAX_TRIGGERS_PER_USER = 20;
const HOUR = 3600000;
const DAY = 24 * HOUR;

export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
/**
 * An add-on may own one trigger of each type per user per document (platform facts). The text is
 * the one people report from Google Sheets add-ons (a user's screenshot quoted in a public issue
 * tracker); the exact wording Apps Script throws today is unverified.
 */
export const TOO_MANY_ADDON_TRIGGERS =
  'This add-on has created too many time-based triggers in this document for this Google user account.';
/**
 * Add-ons' time-driven triggers run at most once an hour (platform facts). Apps Script documents
 * the rule, not how it refuses a trigger that breaks it: this text, and refusing at create() a
 * one-off trigger due less than an hour ahead or an everyMinutes trigger, are this runtime's
 * reading of the rule (unverified).
 */
export const ADDON_TRIGGER_TOO_FREQUENT =
  'Add-ons may not create time-based triggers that run more than once an hour.';

/** Which of Apps Script's trigger rules apply: an add-on's (the default) or a plain script's. */
export interface TriggerRules {
  /** One clock trigger per user and document; none due sooner than an hour ahead. */
  addOn(): boolean;
}

export class Triggers {
  private readonly triggers = new Map<string, TriggerInfo>();
  constructor(
    private readonly now: () => number,
    private readonly rules: TriggerRules = { addOn: () => true },
  ) {}

  list(filter?: { user?: string; spreadsheetId?: string | null }): TriggerInfo[] {
    return [...this.triggers.values()]
      .filter((t) => !filter?.user || t.user === filter.user)
      .filter(
        (t) => filter?.spreadsheetId === undefined || t.spreadsheetId === filter.spreadsheetId,
      )
      .map((t) => ({ ...t }));
  }

  get(id: string): TriggerInfo | undefined {
    return this.triggers.get(id);
  }

  delete(id: string): boolean {
    return this.triggers.delete(id);
  }

  create(
    spec: ClockSpec,
    user: string,
    spreadsheetId: string | null,
    scriptTimeZone: string,
    /**
     * 'script' when the script's code creates it (ScriptApp), where the add-on rules apply;
     * 'editor' when a person adds it on the script editor's Triggers page, where they do not.
     */
    by: 'script' | 'editor' = 'script',
  ): TriggerInfo {
    if (this.list({ user }).length >= MAX_TRIGGERS_PER_USER) throw new Error(TOO_MANY_TRIGGERS);
    const { nextRunAt, everyMs } = this.schedule(spec, scriptTimeZone);
    if (by === 'script' && this.rules.addOn())
      this.checkAddOnRules(spec, user, spreadsheetId, nextRunAt, everyMs);
    const info: TriggerInfo = {
      // Apps Script trigger ids are decimal strings.
      id: String(randomInt(1e9, 2 ** 47)) + String(randomInt(1e6, 1e7)),
      handler: spec.handler,
      type: 'CLOCK',
      user,
      spreadsheetId,
      nextRunAt,
      oneOff: everyMs === undefined,
      ...(everyMs !== undefined ? { everyMs } : {}),
    };
    this.triggers.set(info.id, info);
    return { ...info };
  }

  private checkAddOnRules(
    spec: ClockSpec,
    user: string,
    spreadsheetId: string | null,
    nextRunAt: number,
    everyMs: number | undefined,
  ): void {
    const tooSoon = everyMs === undefined ? nextRunAt < this.now() + HOUR : everyMs < HOUR;
    if (spec.everyMinutes !== undefined || tooSoon) throw new Error(ADDON_TRIGGER_TOO_FREQUENT);
    if (this.list({ user, spreadsheetId }).length > 0) throw new Error(TOO_MANY_ADDON_TRIGGERS);
  }

  private schedule(
    spec: ClockSpec,
    scriptTimeZone: string,
  ): { nextRunAt: number; everyMs?: number } {
    const now = this.now();
    if (spec.afterMs !== undefined) return { nextRunAt: now + spec.afterMs };
    if (spec.atMs !== undefined) return { nextRunAt: spec.atMs };
    if (spec.everyMinutes)
      return { nextRunAt: now + spec.everyMinutes * 60000, everyMs: spec.everyMinutes * 60000 };
    if (spec.everyHours)
      return { nextRunAt: now + spec.everyHours * HOUR, everyMs: spec.everyHours * HOUR };
    const days = spec.everyDays ?? (spec.everyWeeks ? spec.everyWeeks * 7 : undefined);
    if (days) {
      const everyMs = days * DAY;
      if (spec.atHour === undefined) return { nextRunAt: now + everyMs, everyMs };
      // Apps Script runs an atHour trigger at a random minute of that hour unless nearMinute says
      // otherwise; this picks nearMinute or the start of the hour, so runs are predictable.
      const tz = spec.timeZone ?? scriptTimeZone;
      const today = zonedFields(now, tz);
      let next = zonedTimeToEpoch(
        tz,
        today.year,
        today.month,
        today.day,
        spec.atHour,
        spec.nearMinute ?? 0,
      );
      while (next <= now) next += DAY;
      return { nextRunAt: next, everyMs };
    }
    throw new Error(
      'Trigger has no schedule: call after, at, everyMinutes, everyHours, everyDays or everyWeeks.',
    );
  }

  /** Triggers due now, in order of due time; one-off ones are removed, recurring ones rescheduled. */
  takeDue(): TriggerInfo[] {
    const now = this.now();
    const due = [...this.triggers.values()]
      .filter((t) => t.nextRunAt !== null && t.nextRunAt <= now)
      .sort((a, b) => (a.nextRunAt as number) - (b.nextRunAt as number));
    return due.map((t) => this.take(t.id) as TriggerInfo);
  }

  /** Marks one trigger as fired: returns its state at firing time. */
  take(id: string): TriggerInfo | undefined {
    const t = this.triggers.get(id);
    if (!t) return undefined;
    const fired = { ...t };
    if (t.everyMs === undefined) {
      this.triggers.delete(id);
    } else {
      const now = this.now();
      let next = t.nextRunAt ?? now;
      while (next <= now) next += t.everyMs;
      t.nextRunAt = next;
    }
    return fired;
  }
}
