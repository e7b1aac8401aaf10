// The LockService global; the host arbitrates, so executions in different workers really exclude
// each other.
import { requireAuthorization, type WorkerEnv } from './env';

type Scope = 'script' | 'user' | 'document';

export function createLockService(env: WorkerEnv): object {
  const lock = (scope: Scope): object => {
    let held = false;
    const acquire = (timeoutInMillis: number): boolean => {
      const ms = Number(timeoutInMillis);
      if (!(ms >= 0)) throw env.realm.error('Invalid argument: timeoutInMillis');
      held = env.rpc('lock', 'acquire', [scope, ms]) as boolean;
      return held;
    };
    return {
      tryLock: (timeoutInMillis: number) => acquire(timeoutInMillis),
      waitLock(timeoutInMillis: number) {
        // Apps Script's message when the wait runs out (LockService reference: waitLock throws).
        if (!acquire(timeoutInMillis)) {
          throw env.realm.error('Lock timeout: another process was holding the lock for too long.');
        }
      },
      hasLock: () => held && (env.rpc('lock', 'has', [scope]) as boolean),
      releaseLock() {
        held = false;
        env.rpc('lock', 'release', [scope]);
      },
    };
  };
  return {
    getScriptLock() {
      requireAuthorization(env, 'LockService.getScriptLock');
      return lock('script');
    },
    getUserLock() {
      requireAuthorization(env, 'LockService.getUserLock');
      return lock('user');
    },
    getDocumentLock() {
      requireAuthorization(env, 'LockService.getDocumentLock');
      return env.ctx.spreadsheetId ? lock('document') : null;
    },
  };
}
