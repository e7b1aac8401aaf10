// The user cache the sheet's sync keeps fetched but not yet written values in between executions
// (CacheService: up to 100 KB per value, 6 hours at most).
import type { ExpiringStore } from '../app/sync/carry';

export function userSyncCache(): ExpiringStore {
  const cache = CacheService.getUserCache();
  return {
    getAll: (keys) => (cache ? cache.getAll(keys) : {}),
    putAll: (values, ttlSeconds) => cache?.putAll(values, ttlSeconds),
    removeAll: (keys) => cache?.removeAll(keys),
  };
}
