// The CacheService global; the caches live in the host and expire on the shared clock.
import { requireAuthorization, type WorkerEnv } from './env';

type Scope = 'script' | 'user' | 'document';

export function createCacheService(env: WorkerEnv): object {
  const cache = (scope: Scope): object => {
    const call = (method: string, ...args: unknown[]) => env.rpc('cache', method, [scope, ...args]);
    return {
      get: (key: string) => call('get', String(key)) as string | null,
      getAll: (keys: string[]) =>
        env.realm.toRealm(call('getAll', Array.from(keys ?? [], String)) as Record<string, string>),
      put: (key: string, value: unknown, expirationInSeconds?: number) => {
        call('put', String(key), String(value), expirationInSeconds);
      },
      putAll: (values: Record<string, unknown>, expirationInSeconds?: number) => {
        const strings: Record<string, string> = {};
        for (const [k, v] of Object.entries(values ?? {})) strings[k] = String(v);
        call('putAll', strings, expirationInSeconds);
      },
      remove: (key: string) => {
        call('remove', String(key));
      },
      removeAll: (keys: string[]) => {
        call('removeAll', Array.from(keys ?? [], String));
      },
    };
  };
  return {
    getScriptCache() {
      requireAuthorization(env, 'CacheService.getScriptCache');
      return cache('script');
    },
    getUserCache() {
      requireAuthorization(env, 'CacheService.getUserCache');
      return cache('user');
    },
    getDocumentCache() {
      requireAuthorization(env, 'CacheService.getDocumentCache');
      return env.ctx.spreadsheetId ? cache('document') : null;
    },
  };
}
