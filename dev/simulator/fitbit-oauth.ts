// Fitbit's OAuth endpoints on api.fitbit.com: token (code and refresh grants), revoke, introspect.
import { readBasicAuth, readBearer } from './client-auth';
import type { SimContext } from './context';
import { fitbitError, fitbitOAuthError } from './fitbit-errors';
import { pkceMatches } from './oauth-store';
import { empty, json, parseForm } from './responses';
import type { SimClient, SimRequest, SimResponse } from './types';

/** Fitbit access tokens last 8 hours unless the token request asks for 3600 (doc: swagger). */
const DEFAULT_EXPIRES_IN = 28800;

type ClientCheck = { client: SimClient } | { error: SimResponse };

/**
 * Server apps must authenticate with Basic id:secret; client and personal apps send client_id in
 * the body and no secret (doc). A Basic header, when sent, must be right for any app type.
 */
function authenticateClient(ctx: SimContext, req: SimRequest, form: URLSearchParams): ClientCheck {
  const basic = readBasicAuth(req.headers);
  if (basic.kind === 'malformed') {
    return {
      error: fitbitOAuthError(401, 'invalid_client', 'Invalid authorization header format.'),
    };
  }
  const clientId = basic.kind === 'basic' ? basic.id : form.get('client_id');
  if (!clientId) {
    return { error: fitbitOAuthError(401, 'invalid_client', 'Missing parameters: client_id.') };
  }
  const client = ctx.store.client('fitbit', clientId);
  if (!client) {
    return { error: fitbitOAuthError(401, 'invalid_client', 'Invalid client_id.') };
  }
  if (basic.kind === 'basic' && basic.secret !== client.clientSecret) {
    return {
      error: fitbitOAuthError(
        401,
        'invalid_client',
        'Invalid authorization header. Client secret invalid.',
      ),
    };
  }
  if (client.appType === 'server' && basic.kind !== 'basic') {
    return {
      error: fitbitOAuthError(
        401,
        'invalid_client',
        'Invalid authorization header format. The header was not recognized to be a valid header for any of known implementations or a client_id was not specified in case of a public client.',
      ),
    };
  }
  return { client };
}

function tokenResponse(
  ctx: SimContext,
  clientId: string,
  user: string,
  scopes: string[],
  expiresIn: number,
): SimResponse {
  const now = ctx.clock.now();
  // One active refresh token per user and app (doc): a new grant retires the previous ones.
  for (const t of ctx.store.refresh.values()) {
    if (t.provider === 'fitbit' && t.clientId === clientId && t.user === user) t.active = false;
  }
  const access = ctx.store.issueAccess('fitbit', clientId, user, scopes, now, expiresIn);
  const refresh = ctx.store.issueRefresh('fitbit', clientId, user, scopes, now, null);
  return json(200, {
    access_token: access.token,
    expires_in: expiresIn,
    refresh_token: refresh.token,
    scope: scopes.join(' '),
    token_type: 'Bearer',
    user_id: ctx.users.get(user)?.fitbitUserId ?? '',
  });
}

function expiresInParam(form: URLSearchParams): number | SimResponse {
  const v = form.get('expires_in');
  if (v === null) return DEFAULT_EXPIRES_IN;
  if (v === '3600' || v === '28800') return Number(v);
  return fitbitError(
    400,
    'invalid_request',
    'Invalid expires_in parameter value. Allowed values: 3600, 28800.',
  );
}

function codeGrant(ctx: SimContext, client: SimClient, form: URLSearchParams): SimResponse {
  const codeValue = form.get('code');
  if (!codeValue) return fitbitOAuthError(400, 'invalid_request', 'Missing parameters: code.');
  const code = ctx.store.codes.get(codeValue);
  const now = ctx.clock.now();
  // Messages do not echo the code: the simulator keeps credentials out of anything displayable.
  if (!code || code.provider !== 'fitbit' || code.clientId !== client.clientId || code.used) {
    return fitbitOAuthError(400, 'invalid_grant', 'Authorization code invalid.');
  }
  if (code.expiresAt <= now)
    return fitbitOAuthError(400, 'invalid_grant', 'Authorization code expired.');
  const redirectUri = form.get('redirect_uri');
  if (code.redirectUriSent && redirectUri !== code.redirectUri) {
    return fitbitOAuthError(400, 'invalid_request', 'Invalid redirect_uri parameter value.');
  }
  if (code.challenge !== null) {
    const verifier = form.get('code_verifier');
    if (!verifier)
      return fitbitOAuthError(400, 'invalid_request', 'Missing parameters: code_verifier.');
    if (!pkceMatches(code.challenge, code.challengeMethod, verifier)) {
      return fitbitOAuthError(400, 'invalid_grant', 'Code verifier invalid.');
    }
  }
  const expiresIn = expiresInParam(form);
  if (typeof expiresIn !== 'number') return expiresIn;
  code.used = true;
  return tokenResponse(ctx, client.clientId, code.user, code.scopes, expiresIn);
}

function refreshGrant(
  ctx: SimContext,
  client: SimClient,
  req: SimRequest,
  form: URLSearchParams,
): SimResponse {
  const value = form.get('refresh_token');
  if (!value) return fitbitOAuthError(400, 'invalid_request', 'Missing parameters: refresh_token.');
  const token = ctx.store.refresh.get(value);
  const now = ctx.clock.now();
  if (!token || token.provider !== 'fitbit' || token.clientId !== client.clientId) {
    return fitbitOAuthError(400, 'invalid_grant', 'Refresh token invalid.');
  }
  const requestKey = `${req.headers['authorization'] ?? ''}\n${req.body}`;
  if (!token.active) {
    // Clients report that Fitbit answers an identical refresh request made within about two
    // minutes with the same response instead of invalid_grant (platform-facts.md, marked ?).
    const window = ctx.settings.fitbitIdenticalRefreshWindowMs;
    const first = token.firstUse;
    if (first && window > 0 && now - first.at <= window && first.requestKey === requestKey) {
      return first.response;
    }
    return fitbitOAuthError(400, 'invalid_grant', 'Refresh token invalid.');
  }
  const expiresIn = expiresInParam(form);
  if (typeof expiresIn !== 'number') return expiresIn;
  const response = tokenResponse(ctx, client.clientId, token.user, token.scopes, expiresIn);
  token.active = false;
  token.firstUse = { at: now, requestKey, response };
  return response;
}

export function handleFitbitToken(ctx: SimContext, req: SimRequest): SimResponse {
  const form = parseForm(req.body);
  const auth = authenticateClient(ctx, req, form);
  if ('error' in auth) return auth.error;
  const grantType = form.get('grant_type');
  if (!grantType)
    return fitbitOAuthError(400, 'invalid_request', 'Missing parameters: grant_type.');
  if (grantType === 'authorization_code') return codeGrant(ctx, auth.client, form);
  if (grantType === 'refresh_token') return refreshGrant(ctx, auth.client, req, form);
  return fitbitOAuthError(
    400,
    'unsupported_grant_type',
    `The grant_type value is not supported: ${grantType}.`,
  );
}

export function handleFitbitRevoke(ctx: SimContext, req: SimRequest): SimResponse {
  // Fitbit reads token from the form body only; one in the URL would be logged on the way.
  if (req.query.has('token'))
    return fitbitOAuthError(400, 'invalid_request', 'Send token in the request body, not the URL.');
  const form = parseForm(req.body);
  const auth = authenticateClient(ctx, req, form);
  if ('error' in auth) return auth.error;
  const value = form.get('token');
  if (!value) return fitbitOAuthError(400, 'invalid_request', 'Missing parameters: token.');
  const owner = ctx.store.access.get(value) ?? ctx.store.refresh.get(value);
  if (owner && owner.provider === 'fitbit' && owner.clientId === auth.client.clientId) {
    ctx.store.revokeGrant('fitbit', owner.clientId, owner.user);
  }
  // RFC 7009: an unknown or already revoked token is not an error.
  return empty(200);
}

function introspectScope(scopes: string[]): string {
  return `{${scopes.map((s) => `${s.toUpperCase()}=READ`).join(', ')}}`;
}

export function handleFitbitIntrospect(ctx: SimContext, req: SimRequest): SimResponse {
  const now = ctx.clock.now();
  const bearer = readBearer(req.headers);
  const caller = bearer ? ctx.store.access.get(bearer) : undefined;
  if (!caller || caller.provider !== 'fitbit' || caller.revoked) {
    return fitbitOAuthError(401, 'invalid_token', 'Access token invalid.');
  }
  if (caller.expiresAt <= now)
    return fitbitOAuthError(401, 'expired_token', 'Access token expired.');
  const value = parseForm(req.body).get('token');
  if (!value) return fitbitError(400, 'invalid_request', 'Missing parameters: token.');
  const t = ctx.store.access.get(value);
  if (!t || t.provider !== 'fitbit' || t.revoked || t.expiresAt <= now)
    return json(200, { active: false });
  return json(200, {
    active: true,
    scope: introspectScope(t.scopes),
    client_id: t.clientId,
    user_id: ctx.users.get(t.user)?.fitbitUserId ?? '',
    token_type: 'access_token',
    // Fitbit's introspection reports exp and iat in epoch milliseconds (doc example).
    exp: t.expiresAt,
    iat: t.issuedAt,
  });
}
