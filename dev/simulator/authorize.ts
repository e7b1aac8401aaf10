// The authorization endpoints of both providers (Fitbit www.fitbit.com/oauth2/authorize, Google
// accounts.google.com/o/oauth2/v2/auth): request validation, the consent page, and the redirect
// back to the app with a code or an error.
import { renderConsentPage, renderErrorPage } from './consent-page';
import type { SimContext } from './context';
import {
  CODE_LIFETIME_MS,
  randomToken,
  type ChallengeMethod,
  type PendingConsent,
} from './oauth-store';
import { html, parseForm, redirect } from './responses';
import { FITBIT_SCOPES, GOOGLE_SCOPES } from './scopes';
import type { ProviderName, SimRequest, SimResponse } from './types';
import { APPS_SCRIPT_HOST } from '../hosts';

export const AUTHORIZE_PATHS: Record<ProviderName, { host: string; path: string }> = {
  fitbit: { host: 'www.fitbit.com', path: '/oauth2/authorize' },
  google: { host: 'accounts.google.com', path: '/o/oauth2/v2/auth' },
};

/** How long a consent page stays valid between GET and POST. */
const CONSENT_PAGE_LIFETIME_MS = 60 * 60 * 1000;
const PKCE_CHALLENGE_RE = /^[A-Za-z0-9\-._~]{43,128}$/;

class AuthorizeError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
  ) {
    super(description);
  }
}

function errorPage(provider: ProviderName, e: AuthorizeError): SimResponse {
  return html(e.status, renderErrorPage(provider, e.error, e.description, e.status));
}

function validPrompt(provider: ProviderName, prompt: string): boolean {
  if (provider === 'fitbit') return ['none', 'consent', 'login', 'login consent'].includes(prompt);
  const parts = prompt.split(' ');
  if (parts.includes('none') && parts.length > 1) return false;
  return parts.every((p) => ['none', 'consent', 'select_account'].includes(p));
}

function validate(ctx: SimContext, provider: ProviderName, q: URLSearchParams): PendingConsent {
  const missing = (name: string) =>
    provider === 'google'
      ? new AuthorizeError('invalid_request', `Missing required parameter: ${name}`)
      : new AuthorizeError('invalid_request', `Missing parameters: ${name}`);
  const clientId = q.get('client_id');
  if (!clientId) throw missing('client_id');
  const client = ctx.store.client(provider, clientId);
  if (!client) {
    throw provider === 'google'
      ? new AuthorizeError('invalid_client', 'The OAuth client was not found.', 401)
      : new AuthorizeError('invalid_request', 'Invalid client_id');
  }
  const sentRedirect = q.get('redirect_uri');
  let redirectUri: string;
  if (sentRedirect === null) {
    // Fitbit: redirect_uri is optional when the app has exactly one registered (doc); Google requires it.
    if (provider === 'google' || client.redirectUris.length !== 1) throw missing('redirect_uri');
    redirectUri = client.redirectUris[0];
  } else if (!client.redirectUris.includes(sentRedirect)) {
    throw provider === 'google'
      ? new AuthorizeError(
          'redirect_uri_mismatch',
          `You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. Request details: redirect_uri=${sentRedirect}`,
        )
      : new AuthorizeError('invalid_request', 'Invalid redirect_uri parameter value');
  } else {
    redirectUri = sentRedirect;
  }
  const responseType = q.get('response_type');
  if (!responseType) throw missing('response_type');
  if (responseType !== 'code') {
    throw new AuthorizeError(
      'unsupported_response_type',
      `Unsupported response_type: ${responseType}`,
    );
  }
  const scope = q.get('scope');
  if (!scope || !scope.trim()) throw missing('scope');
  const known = provider === 'google' ? GOOGLE_SCOPES : FITBIT_SCOPES;
  const scopes = [...new Set(scope.trim().split(/[\s+]+/))];
  const unknown = scopes.filter((s) => !(s in known));
  if (unknown.length) {
    throw new AuthorizeError(
      'invalid_scope',
      `Some requested scopes were invalid: ${unknown.join(' ')}`,
    );
  }
  const challenge = q.get('code_challenge');
  const method = q.get('code_challenge_method');
  if (method !== null && method !== 'S256' && method !== 'plain') {
    throw new AuthorizeError('invalid_request', `Invalid code_challenge_method: ${method}`);
  }
  if (method !== null && challenge === null) throw missing('code_challenge');
  if (challenge !== null && !PKCE_CHALLENGE_RE.test(challenge)) {
    throw new AuthorizeError(
      'invalid_request',
      'Invalid code_challenge: must be 43-128 unreserved characters',
    );
  }
  const prompt = q.get('prompt');
  if (prompt !== null && !validPrompt(provider, prompt)) {
    throw new AuthorizeError('invalid_request', `Invalid prompt: ${prompt}`);
  }
  const accessType = q.get('access_type');
  if (
    provider === 'google' &&
    accessType !== null &&
    accessType !== 'online' &&
    accessType !== 'offline'
  ) {
    throw new AuthorizeError('invalid_request', `Invalid access_type: ${accessType}`);
  }
  // Google: "include_granted_scopes=true" makes the grant cover the scopes granted before too.
  const includeGranted = q.get('include_granted_scopes');
  if (
    provider === 'google' &&
    includeGranted !== null &&
    includeGranted !== 'true' &&
    includeGranted !== 'false'
  ) {
    throw new AuthorizeError(
      'invalid_request',
      `Invalid include_granted_scopes: ${includeGranted}`,
    );
  }
  return {
    id: randomToken(18),
    provider,
    clientId,
    redirectUri,
    redirectUriSent: sentRedirect !== null,
    scopes,
    state: q.get('state'),
    challenge,
    // Fitbit and RFC 7636 both default to plain when a challenge comes without a method.
    challengeMethod: (method ?? 'plain') as ChallengeMethod,
    // Fitbit always issues refresh tokens; Google only for access_type=offline (doc).
    offline: provider === 'fitbit' || accessType === 'offline',
    loginHint: q.get('login_hint'),
    includeGrantedScopes: provider === 'google' && includeGranted === 'true',
    expiresAt: ctx.clock.now() + CONSENT_PAGE_LIFETIME_MS,
  };
}

/** The app's redirect URI with params added; https://script.google.com is swapped for callbackBase. */
function redirectBack(
  ctx: SimContext,
  p: PendingConsent,
  params: Record<string, string>,
): SimResponse {
  const url = new URL(p.redirectUri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  if (p.state !== null) url.searchParams.set('state', p.state);
  // Fitbit appends an empty-looking fragment to its redirects (doc).
  let location = url.toString() + (p.provider === 'fitbit' ? '#_=_' : '');
  if (ctx.callbackBase && url.host === APPS_SCRIPT_HOST) {
    location = ctx.callbackBase.replace(/\/$/, '') + location.slice(url.origin.length);
  }
  return redirect(location);
}

function consentPage(
  ctx: SimContext,
  p: PendingConsent,
  status = 200,
  message?: string,
): SimResponse {
  const client = ctx.store.client(p.provider, p.clientId);
  const labels = p.provider === 'google' ? GOOGLE_SCOPES : FITBIT_SCOPES;
  const users = [...ctx.users.keys()];
  const where = AUTHORIZE_PATHS[p.provider];
  return html(
    status,
    renderConsentPage({
      provider: p.provider,
      action: `/${where.host}${where.path}`,
      consentId: p.id,
      appName: client?.name ?? p.clientId,
      scopes: p.scopes.map((s) => ({ value: s, label: labels[s] ?? s })),
      users,
      selectedUser: p.loginHint && ctx.users.has(p.loginHint) ? p.loginHint : (users[0] ?? null),
      message,
    }),
  );
}

export function handleAuthorizeGet(
  ctx: SimContext,
  provider: ProviderName,
  req: SimRequest,
): SimResponse {
  let pending: PendingConsent;
  try {
    pending = validate(ctx, provider, req.query);
  } catch (e) {
    if (e instanceof AuthorizeError) return errorPage(provider, e);
    throw e;
  }
  // The simulator keeps no browser session, so a silent (prompt=none) request can never succeed.
  if (req.query.get('prompt') === 'none') {
    return redirectBack(ctx, pending, {
      error: provider === 'google' ? 'interaction_required' : 'login_required',
    });
  }
  ctx.store.pending.set(pending.id, pending);
  return consentPage(ctx, pending);
}

export function handleAuthorizePost(
  ctx: SimContext,
  provider: ProviderName,
  req: SimRequest,
): SimResponse {
  const form = parseForm(req.body);
  const pending = ctx.store.pending.get(form.get('consent_id') ?? '');
  const now = ctx.clock.now();
  if (!pending || pending.provider !== provider || pending.expiresAt <= now) {
    return errorPage(
      provider,
      new AuthorizeError(
        'invalid_request',
        'This consent page has expired. Start again from the app.',
      ),
    );
  }
  if (form.get('decision') === 'deny') {
    ctx.store.pending.delete(pending.id);
    return redirectBack(
      ctx,
      pending,
      provider === 'fitbit'
        ? { error: 'access_denied', error_description: 'The user denied the request.' }
        : { error: 'access_denied' },
    );
  }
  const user = form.get('user') ?? '';
  if (!ctx.users.has(user)) return consentPage(ctx, pending, 400, 'Choose an account.');
  const ticked = pending.scopes.filter((s) => form.getAll('scope').includes(s));
  // Incremental authorization: the new grant is the union with what this person granted before.
  const before = pending.includeGrantedScopes
    ? ctx.store.grantedScopes(provider, pending.clientId, user, now)
    : [];
  const granted = [...new Set([...before, ...ticked])];
  if (granted.length === 0)
    return consentPage(ctx, pending, 400, 'Select at least one permission, or choose Deny.');
  ctx.store.pending.delete(pending.id);
  const code = (provider === 'google' ? '4/0A' : '') + randomToken(30);
  ctx.store.codes.set(code, {
    code,
    provider,
    clientId: pending.clientId,
    redirectUri: pending.redirectUri,
    redirectUriSent: pending.redirectUriSent,
    user,
    scopes: granted,
    challenge: pending.challenge,
    challengeMethod: pending.challengeMethod,
    offline: pending.offline,
    expiresAt: now + CODE_LIFETIME_MS,
    used: false,
  });
  return redirectBack(
    ctx,
    pending,
    provider === 'google' ? { code, scope: granted.join(' ') } : { code },
  );
}
