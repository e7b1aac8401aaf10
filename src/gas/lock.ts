// The current user's lock, one object per execution, shared by the OAuth2 library's service and
// the add-on's own 401 refresh path: the library only skips waitLock when `hasLock()` is true on
// the very lock it was given.
import type { UserLock } from '../app/oauth-client';

/** How long an execution waits for another one's refresh: the library's own 30 s. */
const WAIT_MS = 30000;

let lock: GoogleAppsScript.Lock.Lock | null = null;

export function userLock(): GoogleAppsScript.Lock.Lock {
  if (!lock) lock = LockService.getUserLock();
  return lock;
}

export function userLockPort(): UserLock {
  return {
    withLock<T>(fn: () => T): T {
      const l = userLock();
      const mine = !l.hasLock();
      if (mine) l.waitLock(WAIT_MS);
      try {
        return fn();
      } finally {
        if (mine) l.releaseLock();
      }
    },
  };
}
