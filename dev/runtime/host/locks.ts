// The host's locks: one owner execution per lock, waiters queued in order, a waiter's timeout on
// real time, and every lock of an execution freed when it ends however it ends.
import type { ExecutionContext, HostService } from '../rpc-types';

interface Waiter {
  executionId: string;
  grant(): void;
}

interface LockState {
  owner: string | null;
  waiters: Waiter[];
}

export class Locks {
  private readonly locks = new Map<string, LockState>();

  private lockId(ctx: ExecutionContext, scope: string): string {
    if (scope === 'script') return 'script';
    if (scope === 'user') return `user:${ctx.user}`;
    return `document:${ctx.spreadsheetId ?? ''}`;
  }

  private state(id: string): LockState {
    let s = this.locks.get(id);
    if (!s) {
      s = { owner: null, waiters: [] };
      this.locks.set(id, s);
    }
    return s;
  }

  acquire(id: string, executionId: string, timeoutMs: number): Promise<boolean> {
    const s = this.state(id);
    if (s.owner === null || s.owner === executionId) {
      s.owner = executionId;
      return Promise.resolve(true);
    }
    if (timeoutMs <= 0) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        executionId,
        grant: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        s.waiters = s.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      s.waiters.push(waiter);
    });
  }

  release(id: string, executionId: string): void {
    const s = this.locks.get(id);
    if (!s || s.owner !== executionId) return;
    const next = s.waiters.shift();
    s.owner = next ? next.executionId : null;
    next?.grant();
  }

  /** Frees everything an execution holds or waits for (it ended, failed or was killed). */
  releaseAll(executionId: string): void {
    for (const [id, s] of this.locks) {
      s.waiters = s.waiters.filter((w) => w.executionId !== executionId);
      if (s.owner === executionId) this.release(id, executionId);
    }
  }

  /** Which execution holds each lock now (for tests and the playground). */
  holders(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [id, s] of this.locks) if (s.owner) out[id] = s.owner;
    return out;
  }

  handlers(): HostService {
    return {
      acquire: (ctx, scope: string, timeoutMs: number) =>
        this.acquire(this.lockId(ctx, scope), ctx.executionId, timeoutMs),
      release: (ctx, scope: string) => this.release(this.lockId(ctx, scope), ctx.executionId),
      has: (ctx, scope: string) =>
        this.locks.get(this.lockId(ctx, scope))?.owner === ctx.executionId,
    };
  }
}
