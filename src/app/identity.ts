// The cheap identity call after connecting: proves the token works and names the account, or
// finds the account-level problem (no Google Health profile, retired API) before any sync does.
import { AuthorizedFetch } from './authorized-fetch';
import { ConnectionError } from './connection-error';
import type { AppContext } from './context';
import type { Session } from './session';

export type IdentityResult =
  | { kind: 'ok'; accountId: string | null }
  | { kind: 'account-not-linked'; signUpUrl: string | null }
  | { kind: 'retired' }
  | { kind: 'reconnect' }
  | { kind: 'unavailable' };

export function checkIdentity(ctx: AppContext, session: Session): IdentityResult {
  const fetcher = new AuthorizedFetch({
    session,
    http: ctx.http,
    lock: ctx.lock,
    connections: ctx.connections,
  });
  try {
    const { response } = fetcher.fetch((token) => session.provider.identityRequest(token));
    const accountId = session.provider.parseIdentity(response, session.client.token() ?? {});
    ctx.connections.update(session.provider.id, {
      status: 'connected',
      accountId,
      signUpUrl: null,
      reason: null,
    });
    return { kind: 'ok', accountId };
  } catch (e) {
    if (!(e instanceof ConnectionError)) throw e;
    switch (e.kind) {
      case 'account-not-linked':
        return {
          kind: 'account-not-linked',
          signUpUrl: ctx.connections.get(session.provider.id)?.signUpUrl ?? null,
        };
      case 'retired':
        return { kind: 'retired' };
      case 'reconnect':
      case 'not-connected':
        return { kind: 'reconnect' };
      default:
        return { kind: 'unavailable' };
    }
  }
}
