// Connecting and disconnecting an account: the consent URL, the OAuth callback, revocation.
import { isProviderId } from '../providers/provider';
import type { CallbackOutcome } from './callback-outcome';
import type { AppContext } from './context';
import { checkIdentity } from './identity';
import { MESSAGES } from './messages';
import { errorMessage, sanitizeText } from './sanitize';
import { currentSession, type Session } from './session';

/**
 * How long a consent link stays usable, in the add-on's own judgement. The OAuth2 library makes
 * Apps Script state tokens live 3600 s, and Apps Script rejects an older one with its own generic
 * page before authCallback ever runs, so the add-on cannot word that case. It can word every
 * earlier one: the state carries its own issue time, and a callback older than this window gets
 * a plain "this link expired, start again" page. 15 minutes is longer than the 10 minutes a
 * Fitbit authorization code lives, so the window never refuses a code that could still work
 * while catching links left open in a forgotten tab.
 */
export const CONSENT_WINDOW_MS = 15 * 60 * 1000;

/**
 * The provider's consent page for the current user, with PKCE S256 and a one-time nonce. A person
 * already connected whose chosen metrics need scopes not granted yet is asked for those alone
 * (incremental authorization, where the provider supports it): the token keeps working for the
 * granted ones meanwhile, and the new token covers both.
 */
export function startAuthorization(ctx: AppContext): string {
  const session = currentSession(ctx);
  if (!session) throw new Error(ctx.setup.problem() ?? MESSAGES.notConfigured);
  const nonce = ctx.newNonce();
  const issuedAtMs = ctx.clock.now();
  // Only a live connection's grant can be added to; any other state asks for everything again.
  const live = ctx.connections.get(session.provider.id)?.status === 'connected';
  const incremental = live ? incrementalRequest(session) : null;
  ctx.connections.addPending({
    nonce,
    issuedAtMs,
    provider: session.provider.id,
    requestedScopes: incremental ? incremental.wanted : session.scopes,
  });
  const stateArgs = { nonce, issuedAt: String(issuedAtMs) };
  return incremental
    ? session.client.authorizationUrl(stateArgs, {
        scopes: incremental.scopes,
        params: incremental.params,
      })
    : session.client.authorizationUrl(stateArgs);
}

/** The scopes to add to a live grant, or null when a full consent is the way (or nothing is new). */
export function incrementalRequest(
  session: Session,
): { scopes: string[]; params: Record<string, string>; wanted: string[] } | null {
  const params = session.provider.oauth.incrementalAuthorizeParams;
  if (!params) return null;
  const token = session.client.token();
  const granted = token ? session.provider.oauth.grantedScopes(token) : [];
  if (granted.length === 0) return null;
  const scopes = session.scopes.filter((s) => !granted.includes(s));
  if (scopes.length === 0) return null;
  return { scopes, params, wanted: [...new Set([...granted, ...session.scopes])].sort() };
}

/** Everything authCallback does, given Apps Script's merged `e.parameter`. */
export function completeAuthorization(
  ctx: AppContext,
  parameters: Record<string, string>,
): CallbackOutcome {
  const serviceName = parameters.serviceName;
  const session = currentSession(ctx);
  if (!session || !isProviderId(serviceName) || session.provider.id !== serviceName)
    return { kind: 'setup-changed' };
  const label = session.provider.label;

  // Apps Script state tokens may be replayed until they time out; the nonce makes each one count
  // once, so a reloaded or re-sent callback page says so instead of failing at the token endpoint.
  const pending = ctx.connections.takePending(parameters.nonce ?? '');
  if (!pending || pending.provider !== session.provider.id) return { kind: 'state-used' };
  const issuedAt = Number(parameters.issuedAt ?? pending.issuedAtMs);
  if (!(ctx.clock.now() - issuedAt <= CONSENT_WINDOW_MS))
    return { kind: 'state-expired', windowMinutes: CONSENT_WINDOW_MS / 60000 };

  if (parameters.error === 'access_denied') return { kind: 'declined', providerLabel: label };
  if (parameters.error)
    return { kind: 'failed', providerLabel: label, code: safeCode(parameters.error) };
  if (!parameters.code) return { kind: 'failed', providerLabel: label, code: 'missing_code' };

  let granted: boolean;
  try {
    granted = session.client.handleCallback(parameters);
  } catch (e) {
    return tokenFailureOutcome(ctx, session, errorMessage(e));
  }
  if (!granted) return { kind: 'declined', providerLabel: label };
  return connectedOutcome(ctx, session, pending.requestedScopes);
}

function tokenFailureOutcome(ctx: AppContext, session: Session, message: string): CallbackOutcome {
  const label = session.provider.label;
  const failure = session.provider.oauth.classifyTokenError(message);
  // The library's text embeds the raw response body: log it only with secrets and tokens hidden.
  console.warn(
    `${session.provider.id} token exchange failed (${failure.kind}): ` +
      sanitizeText(message, [session.setup.credentials.clientSecret]),
  );
  switch (failure.kind) {
    case 'invalid-grant':
      return { kind: 'code-rejected', providerLabel: label, code: failure.code };
    case 'invalid-client':
      return { kind: 'bad-client', providerLabel: label, code: failure.code };
    case 'retired':
      ctx.connections.update(session.provider.id, { status: 'retired', reason: 'gone' });
      return { kind: 'retired' };
    case 'transient':
      return { kind: 'unavailable', providerLabel: label };
    default:
      return { kind: 'failed', providerLabel: label, code: failure.code };
  }
}

function connectedOutcome(ctx: AppContext, session: Session, requested: string[]): CallbackOutcome {
  const { provider } = session;
  ctx.connections.put(provider.id, {
    status: 'connected',
    accountId: null,
    requestedScopes: requested,
    signUpUrl: null,
    reason: null,
  });
  const identity = checkIdentity(ctx, session);
  if (identity.kind === 'account-not-linked')
    return {
      kind: 'account-not-linked',
      providerLabel: provider.label,
      signUpUrl: identity.signUpUrl,
    };
  if (identity.kind === 'retired') return { kind: 'retired' };
  if (identity.kind === 'reconnect')
    return { kind: 'code-rejected', providerLabel: provider.label, code: 'token_refused' };
  const grantedScopes = grantedOrRequested(session, requested);
  const accountId = identity.kind === 'ok' ? identity.accountId : null;
  return {
    kind: 'connected',
    providerLabel: provider.label,
    accountId,
    account: accountId ? provider.accountLabel(accountId) : null,
    granted: grantedScopes.map((s) => provider.oauth.describeScope(s)),
    missing: requested
      .filter((s) => !grantedScopes.includes(s))
      .map((s) => provider.oauth.describeScope(s)),
  };
}

/** Providers list granted scopes in the token; when one does not, assume all asked were granted. */
export function grantedOrRequested(session: Session, requested: string[]): string[] {
  const token = session.client.token();
  const granted = token ? session.provider.oauth.grantedScopes(token) : [];
  return granted.length > 0 ? granted : requested;
}

function safeCode(code: string): string {
  return /^[A-Za-z_]{1,40}$/.test(code) ? code : 'unknown_error';
}

/** Revokes the token at the provider (best effort) and forgets everything about the connection. */
export function disconnect(ctx: AppContext): void {
  const session = currentSession(ctx);
  if (!session) return;
  const { client, provider, setup } = session;
  const token = client.token();
  const value = token?.refresh_token ?? token?.access_token;
  if (typeof value === 'string' && value) {
    // Fitbit revokes every token of the user for the app from either token; Google revokes the
    // grant from the refresh token. A failure (already revoked, 410) must not keep tokens here.
    try {
      ctx.http.fetchAll([provider.oauth.revokeRequest(value, setup.credentials)]);
    } catch {
      // Network failure: the local reset below still disconnects this add-on.
    }
  }
  client.reset();
  ctx.connections.clear(provider.id);
  ctx.connections.clearPending(provider.id);
}
