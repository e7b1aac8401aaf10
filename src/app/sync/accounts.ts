// Whose sync is whose: the person running an execution (a random id kept in their own user
// properties) and the provider account they are connected to, and where each account's job,
// status and data sheet live in the document: one account, one sheet, one job.
/**
 * API: `personKey(userStore, newId)`, `accountOf(session, connections, person, userStore)`,
 * `AccountRef`,
 * `SyncScope`, `scopeFor(doc, account, { claim })`, `PRIMARY_SHEET_NAME`,
 * `recordSheetPlace(scope, baseName, id)` (a record sheet's name and stored-id key for the account).
 * Why a random id: Session.getActiveUser().getEmail() needs a scope the add-on does not ask for,
 * and Session.getTemporaryActiveUserKey() rotates every 30 days; user properties are private to
 * the person and need no scope, so an id kept there names them for as long as they use the add-on.
 * The first account to sync in a document keeps the document's original keys and the sheet named
 * "Activity" (so an existing setup goes on as before); every other account gets its own numbered
 * keys and a sheet named after the account.
 */
import type { KeyValueStore } from '../../core/ports';
import type { ProviderId } from '../../providers/provider';
import type { ConnectionStore } from '../connection-store';
import type { Session } from '../session';

export const PRIMARY_SHEET_NAME = 'Activity';
const PERSON_KEY = 'addon.personKey';
const REGISTRY_KEY = 'sync.accounts';

/** This person's id for the add-on, created on first use. */
export function personKey(userStore: KeyValueStore, newId: () => string): string {
  const stored = userStore.get(PERSON_KEY);
  if (stored) return stored;
  const id = newId();
  userStore.set(PERSON_KEY, id);
  return id;
}

export interface AccountRef {
  /** Provider and account id: the same account reached by two people is one account. */
  key: string;
  /** How people tell the account apart: the provider's own account label. */
  label: string;
  providerId: ProviderId;
}

const lastAccountKey = (providerId: ProviderId) => `addon.lastAccount.${providerId}`;

function readAccount(text: string | null, providerId: ProviderId): AccountRef | null {
  if (!text) return null;
  try {
    const a = JSON.parse(text) as Partial<AccountRef>;
    return typeof a.key === 'string' && typeof a.label === 'string' && a.providerId === providerId
      ? { key: a.key, label: a.label, providerId }
      : null;
  } catch {
    return null;
  }
}

/**
 * The account the session is connected to. A reset connection forgets its account id, so the
 * person's last named account (kept in their user properties) stands in until they reconnect: a
 * paused job and its sheet stay theirs meanwhile. Before any identity call has named an account,
 * it is keyed by the person, so it never lands in someone else's.
 */
export function accountOf(
  session: Session,
  connections: ConnectionStore,
  person: string,
  userStore: KeyValueStore,
): AccountRef {
  const providerId = session.provider.id;
  const id = connections.get(providerId)?.accountId ?? null;
  if (id) {
    const named = {
      key: `${providerId}:${id}`,
      label: session.provider.accountLabel(id),
      providerId,
    };
    const text = JSON.stringify(named);
    if (userStore.get(lastAccountKey(providerId)) !== text)
      userStore.set(lastAccountKey(providerId), text);
    return named;
  }
  return (
    readAccount(userStore.get(lastAccountKey(providerId)), providerId) ?? {
      key: `${providerId}:person:${person}`,
      label: `${session.provider.label}, account not named yet`,
      providerId,
    }
  );
}

export interface SyncScope {
  account: AccountRef;
  /** Whether this account has synced in this document before (its keys are registered). */
  registered: boolean;
  sheetName: string;
  keys: { job: string; status: string; sheetId: string; inserts: string };
  /** '' for the first account (the document's original keys), otherwise a number. */
  slot: string;
}

interface Entry {
  key: string;
  label: string;
  /** '' for the first account (the document's original keys), otherwise a number. */
  slot: string;
}

function readRegistry(doc: KeyValueStore): Entry[] {
  const text = doc.get(REGISTRY_KEY);
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed)
      ? parsed.filter(
          (e): e is Entry =>
            !!e &&
            typeof (e as Entry).key === 'string' &&
            typeof (e as Entry).label === 'string' &&
            typeof (e as Entry).slot === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

function scopeOf(account: AccountRef, slot: string, registered: boolean): SyncScope {
  const suffix = slot === '' ? '' : `.${slot}`;
  return {
    account,
    registered,
    slot,
    sheetName: slot === '' ? PRIMARY_SHEET_NAME : `${PRIMARY_SHEET_NAME} (${account.label})`,
    keys: {
      job: `sync.job${suffix}`,
      status: `sync.status${suffix}`,
      sheetId: `sync.sheetId${suffix}`,
      inserts: `sync.pendingInserts${suffix}`,
    },
  };
}

/**
 * Where the account's sync lives in this document. `claim` registers an account met for the first
 * time (only under the document lock, by a sync); without it an unknown account gets the place it
 * would get, unregistered (the sidebar shows it as never synced).
 */
export function scopeFor(
  doc: KeyValueStore,
  account: AccountRef,
  opts: { claim: boolean },
): SyncScope {
  const registry = readRegistry(doc);
  const found = registry.find((e) => e.key === account.key);
  if (found) return scopeOf(account, found.slot, true);
  const used = new Set(registry.map((e) => e.slot));
  let slot = '';
  for (let n = 2; used.has(slot); n++) slot = String(n);
  if (opts.claim) {
    registry.push({ key: account.key, label: account.label, slot });
    doc.set(REGISTRY_KEY, JSON.stringify(registry));
  }
  return scopeOf(account, slot, opts.claim);
}

/**
 * Where an account's record sheet lives: "Exercises" and `sync.recordSheet.exercises` for the first
 * account, "Exercises (<account label>)" and numbered keys for another, as for the daily sheet.
 */
export function recordSheetPlace(
  scope: SyncScope,
  baseName: string,
  id: string,
): { sheetName: string; sheetIdKey: string } {
  const suffix = scope.slot === '' ? '' : `.${scope.slot}`;
  return {
    sheetName: scope.slot === '' ? baseName : `${baseName} (${scope.account.label})`,
    sheetIdKey: `sync.recordSheet.${id}${suffix}`,
  };
}
