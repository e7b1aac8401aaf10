// Which step the person is at, from the server's state: the sidebar leads with that step's action.
import type { SidebarState } from '../../app/sidebar-state';

export type Stage =
  | { kind: 'loading' }
  | { kind: 'setup' }
  | { kind: 'authorize' }
  | { kind: 'connected' }
  | { kind: 'problem'; fix: 'authorize' | 'switch-google' | 'sign-up' };

export function stageOf(state: SidebarState | null): Stage {
  if (!state) return { kind: 'loading' };
  const c = state.connection;
  switch (c.state) {
    case 'setup-needed':
      return { kind: 'setup' };
    case 'not-connected':
      return { kind: 'authorize' };
    case 'connected':
      return { kind: 'connected' };
    case 'retired':
      return { kind: 'problem', fix: 'switch-google' };
    case 'account-not-linked':
      return { kind: 'problem', fix: c.signUpUrl ? 'sign-up' : 'authorize' };
    case 'reconnect':
      return { kind: 'problem', fix: 'authorize' };
  }
}

/**
 * The facts a message answers to. A message is kept while these stay as they were when it was
 * shown and dropped when they change: progress counts are left out, so a poll during a paused
 * backfill keeps its message, while its end (a new last sync) drops it.
 */
export function situation(state: SidebarState): string {
  const c = state.connection;
  const s = state.sync;
  return JSON.stringify([
    c.state,
    state.chosenProvider,
    c.accountId,
    c.grantedScopes,
    c.missingScopes,
    s?.running ?? null,
    s?.progress ? [s.progress.mode, s.progress.start, s.progress.end] : null,
    s?.lastSync?.atMs ?? null,
    s?.lastScheduled?.atMs ?? null,
    s?.daily ?? null,
    s?.problem ?? null,
  ]);
}
