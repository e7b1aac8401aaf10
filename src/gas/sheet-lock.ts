// Waiting inside a document: the DOCUMENT lock that keeps a manual sync and a trigger from
// interleaving their writes to the sheet, and the pause between retries.
import type { DocumentLock } from '../app/sync/ports';

export function documentLock(): DocumentLock {
  const lock = LockService.getDocumentLock();
  return {
    // tryLock returns false on timeout where waitLock would throw (LockService docs).
    tryLock: (waitMs) => !!lock && lock.tryLock(waitMs),
    release: () => lock?.releaseLock(),
  };
}

export function pause(ms: number): void {
  Utilities.sleep(ms);
}
