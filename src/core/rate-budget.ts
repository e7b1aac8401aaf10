// Provider rate budgets as pure state machines: how many requests may start now, when the next
// one may, and what the provider's own rate headers say.
/**
 * API:
 * - `RateBudget` (interface): `available(nowMs)`, `record(nowMs, count)`,
 *   `observe(nowMs, headers)`, `nextAvailableAtMs(nowMs)`, `toJSON()`.
 * - `FitbitRateBudget`: 150 requests per clock hour, reset at the top of the hour (UTC hours:
 *   Fitbit's reset instant is the same for every user). It keeps its own count AND reads
 *   fitbit-rate-limit-remaining / fitbit-rate-limit-reset (names case-insensitive); the headers
 *   are approximate and updated asynchronously (platform facts), so the smaller allowance and the
 *   later reset win.
 * - `GoogleHealthRateBudget`: 300 requests per rolling minute per user.
 * - `rateBudgetFor(providerId, state?)`: either, restored from a checkpoint's `toJSON()`.
 * - `headerValue(headers, name)`: case-insensitive header lookup.
 */

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export interface RateBudget {
  /** Requests that may start now (0 when spent). */
  available(nowMs: number): number;
  /** Counts requests that were just sent. */
  record(nowMs: number, count: number): void;
  /** Reads the provider's rate headers from a response, if it sends any. */
  observe(nowMs: number, headers: Record<string, string>): void;
  /** Earliest instant at which at least one request may start (nowMs when one may now). */
  nextAvailableAtMs(nowMs: number): number;
  toJSON(): RateBudgetState;
}

export type RateBudgetState =
  | {
      kind: 'fitbit';
      hourStartMs: number;
      used: number;
      headerRemaining: number | null;
      headerResetAtMs: number | null;
    }
  | { kind: 'google-health'; sent: [number, number][] };

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers))
    if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function topOfHour(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

export class FitbitRateBudget implements RateBudget {
  private hourStartMs = 0;
  private used = 0;
  private headerRemaining: number | null = null;
  private headerResetAtMs: number | null = null;

  constructor(
    readonly limitPerHour = 150,
    state?: Extract<RateBudgetState, { kind: 'fitbit' }>,
  ) {
    if (state) {
      this.hourStartMs = state.hourStartMs;
      this.used = state.used;
      this.headerRemaining = state.headerRemaining;
      this.headerResetAtMs = state.headerResetAtMs;
    }
  }

  private roll(nowMs: number): void {
    if (topOfHour(nowMs) !== this.hourStartMs) {
      this.hourStartMs = topOfHour(nowMs);
      this.used = 0;
    }
    if (this.headerResetAtMs !== null && nowMs >= this.headerResetAtMs) {
      this.headerRemaining = null;
      this.headerResetAtMs = null;
    }
  }

  available(nowMs: number): number {
    this.roll(nowMs);
    const own = Math.max(0, this.limitPerHour - this.used);
    return this.headerRemaining === null ? own : Math.min(own, Math.max(0, this.headerRemaining));
  }

  record(nowMs: number, count: number): void {
    this.roll(nowMs);
    this.used += count;
    if (this.headerRemaining !== null)
      this.headerRemaining = Math.max(0, this.headerRemaining - count);
  }

  observe(nowMs: number, headers: Record<string, string>): void {
    this.roll(nowMs);
    const remaining = Number(headerValue(headers, 'fitbit-rate-limit-remaining'));
    const resetSeconds = Number(headerValue(headers, 'fitbit-rate-limit-reset'));
    if (
      headerValue(headers, 'fitbit-rate-limit-remaining') === undefined ||
      !Number.isFinite(remaining)
    )
      return;
    // Responses of one batch arrive together; keep the most conservative reading.
    this.headerRemaining =
      this.headerRemaining === null ? remaining : Math.min(this.headerRemaining, remaining);
    const resetAt =
      Number.isFinite(resetSeconds) && resetSeconds >= 0
        ? nowMs + resetSeconds * 1000
        : topOfHour(nowMs) + HOUR_MS;
    this.headerResetAtMs = Math.max(this.headerResetAtMs ?? 0, resetAt);
  }

  nextAvailableAtMs(nowMs: number): number {
    if (this.available(nowMs) > 0) return nowMs;
    const ownReset = this.used >= this.limitPerHour ? this.hourStartMs + HOUR_MS : nowMs;
    const headerReset =
      this.headerRemaining !== null && this.headerRemaining <= 0
        ? (this.headerResetAtMs ?? nowMs)
        : nowMs;
    return Math.max(ownReset, headerReset);
  }

  toJSON(): RateBudgetState {
    return {
      kind: 'fitbit',
      hourStartMs: this.hourStartMs,
      used: this.used,
      headerRemaining: this.headerRemaining,
      headerResetAtMs: this.headerResetAtMs,
    };
  }
}

export class GoogleHealthRateBudget implements RateBudget {
  /** [sentAtMs, count] pairs, oldest first: a batch is one entry, so the state stays small. */
  private sent: [number, number][] = [];

  constructor(
    readonly limitPerMinute = 300,
    state?: Extract<RateBudgetState, { kind: 'google-health' }>,
  ) {
    if (state)
      this.sent = state.sent
        .map(([at, n]): [number, number] => [at, n])
        .sort((a, b) => a[0] - b[0]);
  }

  private prune(nowMs: number): void {
    while (this.sent.length > 0 && this.sent[0][0] <= nowMs - MINUTE_MS) this.sent.shift();
  }

  private inWindow(nowMs: number): number {
    this.prune(nowMs);
    return this.sent.reduce((n, [, count]) => n + count, 0);
  }

  available(nowMs: number): number {
    return Math.max(0, this.limitPerMinute - this.inWindow(nowMs));
  }

  record(nowMs: number, count: number): void {
    this.prune(nowMs);
    const last = this.sent[this.sent.length - 1];
    if (last && last[0] === nowMs) last[1] += count;
    else this.sent.push([nowMs, count]);
  }

  observe(): void {
    // Google sends no per-user rate headers; a 429 is handled by the response classifier.
  }

  nextAvailableAtMs(nowMs: number): number {
    let excess = this.inWindow(nowMs) - this.limitPerMinute;
    if (excess < 0) return nowMs;
    // Slots free one minute after they were used; wait until enough of the oldest have expired.
    for (const [at, count] of this.sent) {
      excess -= count;
      if (excess < 0) return at + MINUTE_MS;
    }
    return nowMs;
  }

  toJSON(): RateBudgetState {
    return { kind: 'google-health', sent: this.sent.map(([at, n]): [number, number] => [at, n]) };
  }
}

export function rateBudgetFor(
  providerId: 'fitbit' | 'google-health',
  state?: RateBudgetState,
): RateBudget {
  if (providerId === 'fitbit') {
    return new FitbitRateBudget(150, state?.kind === 'fitbit' ? state : undefined);
  }
  return new GoogleHealthRateBudget(300, state?.kind === 'google-health' ? state : undefined);
}
