// The host's property stores (script, per user, per spreadsheet) with Apps Script's size limits.
import type { ExecutionContext, HostService } from '../rpc-types';

// Quotas (platform-facts, Apps Script): 9 KB per value, 500 KB per store.
export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export class Store {
  private readonly map = new Map<string, string>();

  get(key: string): string | null {
    return this.map.has(key) ? (this.map.get(key) as string) : null;
  }
  set(key: string, value: string): void {
    this.setMany({ [key]: value }, false);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  all(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
  keys(): string[] {
    return [...this.map.keys()];
  }
  clear(): void {
    this.map.clear();
  }
  /** All or nothing: checks every limit before writing anything. */
  setMany(values: Record<string, string>, deleteAllOthers: boolean): void {
    const next = new Map(deleteAllOthers ? [] : this.map);
    for (const [k, v] of Object.entries(values)) {
      if (k === '') throw new Error('Invalid argument: key');
      if (bytes(v) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
      next.set(k, v);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > MAX_STORE_BYTES) {
      throw new Error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.map.clear();
    for (const [k, v] of next) this.map.set(k, v);
  }
}

export class PropertyStores {
  readonly script = new Store();
  private readonly users = new Map<string, Store>();
  private readonly documents = new Map<string, Store>();

  user(email: string): Store {
    return getOrCreate(this.users, email);
  }
  document(spreadsheetId: string): Store {
    return getOrCreate(this.documents, spreadsheetId);
  }

  forScope(ctx: ExecutionContext, scope: string): Store {
    if (scope === 'script') return this.script;
    if (scope === 'user') return this.user(ctx.user);
    if (scope === 'document' && ctx.spreadsheetId) return this.document(ctx.spreadsheetId);
    throw new Error(`Runtime: no ${scope} property store for this execution`);
  }

  handlers(): HostService {
    const s = (ctx: ExecutionContext, scope: string) => this.forScope(ctx, scope);
    return {
      getProperty: (ctx, scope: string, key: string) => s(ctx, scope).get(key),
      setProperty: (ctx, scope: string, key: string, value: string) =>
        s(ctx, scope).set(key, value),
      setProperties: (
        ctx,
        scope: string,
        values: Record<string, string>,
        deleteAllOthers: boolean,
      ) => s(ctx, scope).setMany(values, deleteAllOthers),
      getProperties: (ctx, scope: string) => s(ctx, scope).all(),
      getKeys: (ctx, scope: string) => s(ctx, scope).keys(),
      deleteProperty: (ctx, scope: string, key: string) => s(ctx, scope).delete(key),
      deleteAllProperties: (ctx, scope: string) => s(ctx, scope).clear(),
    };
  }
}

function getOrCreate(map: Map<string, Store>, key: string): Store {
  let store = map.get(key);
  if (!store) {
    store = new Store();
    map.set(key, store);
  }
  return store;
}
