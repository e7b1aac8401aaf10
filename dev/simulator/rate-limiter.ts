// Fixed-window request counters: Fitbit per user per clock hour (reset at the top of the hour),
// Google per user per minute (platform-facts.md, rate limits).

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetS: number;
}

export class RateLimiter {
  private readonly counts = new Map<string, { window: number; count: number }>();

  hit(key: string, now: number, windowMs: number, limit: number): RateDecision {
    const window = Math.floor(now / windowMs);
    const entry = this.counts.get(key);
    const current = entry && entry.window === window ? entry : { window, count: 0 };
    const allowed = current.count < limit;
    if (allowed) current.count++;
    this.counts.set(key, current);
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - current.count),
      resetS: Math.ceil(((window + 1) * windowMs - now) / 1000),
    };
  }

  reset(): void {
    this.counts.clear();
  }
}
