// The host's caches (script, per user, per spreadsheet): entries expire on the shared clock.
import type { ExecutionContext, HostService } from '../rpc-types';

// CacheService reference: default expiry 600 s, at most 21,600 s; values up to 100 KB; keys up to
// 250 characters.
const DEFAULT_EXPIRATION_S = 600;
const MAX_EXPIRATION_S = 21600;
const MAX_VALUE_BYTES = 100 * 1024;
const MAX_KEY_LENGTH = 250;

interface Entry {
  value: string;
  expiresAt: number;
}

export class Caches {
  private readonly caches = new Map<string, Map<string, Entry>>();
  constructor(private readonly now: () => number) {}

  private cache(ctx: ExecutionContext, scope: string): Map<string, Entry> {
    const id =
      scope === 'script'
        ? 'script'
        : scope === 'user'
          ? `user:${ctx.user}`
          : `document:${ctx.spreadsheetId ?? ''}`;
    let c = this.caches.get(id);
    if (!c) {
      c = new Map();
      this.caches.set(id, c);
    }
    return c;
  }

  private read(c: Map<string, Entry>, key: string): string | null {
    const e = c.get(key);
    if (!e) return null;
    if (e.expiresAt <= this.now()) {
      c.delete(key);
      return null;
    }
    return e.value;
  }

  private write(c: Map<string, Entry>, key: string, value: string, expiration?: number): void {
    if (key.length > MAX_KEY_LENGTH) throw new Error('Argument too large: key');
    if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES)
      throw new Error('Argument too large: value');
    const seconds =
      expiration === undefined || expiration === null ? DEFAULT_EXPIRATION_S : Number(expiration);
    if (!(seconds >= 1)) throw new Error('Invalid argument: expirationInSeconds');
    const ttl = Math.min(seconds, MAX_EXPIRATION_S);
    c.set(key, { value, expiresAt: this.now() + ttl * 1000 });
  }

  handlers(): HostService {
    return {
      get: (ctx, scope: string, key: string) => this.read(this.cache(ctx, scope), key),
      getAll: (ctx, scope: string, keys: string[]) => {
        const c = this.cache(ctx, scope);
        const out: Record<string, string> = {};
        for (const k of keys) {
          const v = this.read(c, k);
          if (v !== null) out[k] = v;
        }
        return out;
      },
      put: (ctx, scope: string, key: string, value: string, expiration?: number) =>
        this.write(this.cache(ctx, scope), key, value, expiration),
      putAll: (ctx, scope: string, values: Record<string, string>, expiration?: number) => {
        const c = this.cache(ctx, scope);
        for (const [k, v] of Object.entries(values)) this.write(c, k, v, expiration);
      },
      remove: (ctx, scope: string, key: string) => {
        this.cache(ctx, scope).delete(key);
      },
      removeAll: (ctx, scope: string, keys: string[]) => {
        const c = this.cache(ctx, scope);
        for (const k of keys) c.delete(k);
      },
    };
  }
}
