// Google's OAuth endpoints on oauth2.googleapis.com: token (code and refresh grants) and revoke.
import { readBasicAuth } from './client-auth';
import type { SimContext } from './context';
import { googleOAuthError } from './google-errors';
import { pkceMatches, randomToken } from './oauth-store';
import { json, parseForm } from './responses';
import type { SimClient, SimRequest, SimResponse } from './types';

const ACCESS_TOKEN_LIFETIME_S = 3599;
/** Refresh tokens of "Testing" apps expire after 7 days (3p). */
const TESTING_REFRESH_LIFETIME_S = 7 * 24 * 3600;

type ClientCheck = { client: SimClient } | { error: SimResponse };

/** Google takes client_id and client_secret from the body, or from a Basic header. */
function authenticateClient(ctx: SimContext, req: SimRequest, form: URLSearchParams): ClientCheck {
  const basic = readBasicAuth(req.headers);
  const clientId = basic.kind === 'basic' ? basic.id : form.get('client_id');
  const secret = basic.kind === 'basic' ? basic.secret : form.get('client_secret');
  if (!clientId) {
    return {
      error: googleOAuthError(
        400,
        'invalid_request',
        'Could not determine client ID from request.',
      ),
    };
  }
  const client = ctx.store.client('google', clientId);
  if (!client)
    return { error: googleOAuthError(401, 'invalid_client', 'The OAuth client was not found.') };
  if (!secret)
    return { error: googleOAuthError(400, 'invalid_request', 'client_secret is missing.') };
  if (secret !== client.clientSecret)
    return { error: googleOAuthError(401, 'invalid_client', 'Unauthorized') };
  return { client };
}

/** An unsigned-looking ID token: enough for clients that decode the payload, never verifiable. */
function idToken(ctx: SimContext, clientId: string, user: string, now: number): string {
  const u = ctx.users.get(user);
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const iat = Math.floor(now / 1000);
  return [
    enc({ alg: 'RS256', kid: 'simulator', typ: 'JWT' }),
    enc({
      iss: 'https://accounts.google.com',
      aud: clientId,
      sub: u?.healthUserId ?? user,
      email: user,
      email_verified: true,
      iat,
      exp: iat + ACCESS_TOKEN_LIFETIME_S,
    }),
    randomToken(64),
  ].join('.');
}

function codeGrant(ctx: SimContext, client: SimClient, form: URLSearchParams): SimResponse {
  const value = form.get('code');
  if (!value) return googleOAuthError(400, 'invalid_request', 'Missing required parameter: code');
  const code = ctx.store.codes.get(value);
  const now = ctx.clock.now();
  // Google answers a used, expired or foreign code with a bare "Bad Request" (3p).
  if (
    !code ||
    code.provider !== 'google' ||
    code.clientId !== client.clientId ||
    code.used ||
    code.expiresAt <= now
  ) {
    return googleOAuthError(400, 'invalid_grant', code ? 'Bad Request' : 'Malformed auth code.');
  }
  const redirectUri = form.get('redirect_uri');
  if (!redirectUri)
    return googleOAuthError(400, 'invalid_request', 'Missing parameter: redirect_uri');
  if (redirectUri !== code.redirectUri)
    return googleOAuthError(400, 'redirect_uri_mismatch', 'Bad Request');
  if (code.challenge !== null) {
    const verifier = form.get('code_verifier');
    if (!verifier) return googleOAuthError(400, 'invalid_grant', 'Missing code verifier.');
    if (!pkceMatches(code.challenge, code.challengeMethod, verifier)) {
      return googleOAuthError(400, 'invalid_grant', 'Invalid code verifier.');
    }
  }
  code.used = true;
  const access = ctx.store.issueAccess(
    'google',
    client.clientId,
    code.user,
    code.scopes,
    now,
    ACCESS_TOKEN_LIFETIME_S,
  );
  const body: Record<string, unknown> = {
    access_token: access.token,
    expires_in: ACCESS_TOKEN_LIFETIME_S,
  };
  if (code.offline) {
    const testing = ctx.settings.googleTokenRefreshExpiresInTesting === true;
    const refresh = ctx.store.issueRefresh(
      'google',
      client.clientId,
      code.user,
      code.scopes,
      now,
      testing ? now + TESTING_REFRESH_LIFETIME_S * 1000 : null,
    );
    body.refresh_token = refresh.token;
    if (testing) body.refresh_token_expires_in = TESTING_REFRESH_LIFETIME_S;
  }
  body.scope = code.scopes.join(' ');
  body.token_type = 'Bearer';
  if (code.scopes.includes('openid')) body.id_token = idToken(ctx, client.clientId, code.user, now);
  return json(200, body);
}

function refreshGrant(ctx: SimContext, client: SimClient, form: URLSearchParams): SimResponse {
  const value = form.get('refresh_token');
  if (!value)
    return googleOAuthError(400, 'invalid_request', 'Missing required parameter: refresh_token');
  const token = ctx.store.refresh.get(value);
  const now = ctx.clock.now();
  if (!token || token.provider !== 'google')
    return googleOAuthError(400, 'invalid_grant', 'Bad Request');
  if (token.clientId !== client.clientId)
    return googleOAuthError(401, 'unauthorized_client', 'Unauthorized');
  if (!token.active || (token.expiresAt !== null && token.expiresAt <= now)) {
    return googleOAuthError(400, 'invalid_grant', 'Token has been expired or revoked.');
  }
  // Google keeps the refresh token: the response carries a new access token only (doc).
  const access = ctx.store.issueAccess(
    'google',
    client.clientId,
    token.user,
    token.scopes,
    now,
    ACCESS_TOKEN_LIFETIME_S,
  );
  const body: Record<string, unknown> = {
    access_token: access.token,
    expires_in: ACCESS_TOKEN_LIFETIME_S,
    scope: token.scopes.join(' '),
    token_type: 'Bearer',
  };
  if (token.expiresAt !== null)
    body.refresh_token_expires_in = Math.floor((token.expiresAt - now) / 1000);
  if (token.scopes.includes('openid'))
    body.id_token = idToken(ctx, client.clientId, token.user, now);
  return json(200, body);
}

export function handleGoogleToken(ctx: SimContext, req: SimRequest): SimResponse {
  const form = parseForm(req.body);
  const auth = authenticateClient(ctx, req, form);
  if ('error' in auth) return auth.error;
  const grantType = form.get('grant_type');
  if (grantType === 'authorization_code') return codeGrant(ctx, auth.client, form);
  if (grantType === 'refresh_token') return refreshGrant(ctx, auth.client, form);
  return googleOAuthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`);
}

/**
 * Revoking either token of a grant revokes the whole grant. Google also accepts `?token=` in the
 * URL, but a token in a URL ends up in logs and proxies: the simulator refuses it, so a client
 * that puts it there fails loudly instead of leaking it quietly.
 */
export function handleGoogleRevoke(ctx: SimContext, req: SimRequest): SimResponse {
  if (req.query.has('token'))
    return googleOAuthError(400, 'invalid_request', 'Send token in the request body, not the URL');
  const value = parseForm(req.body).get('token');
  if (!value) return googleOAuthError(400, 'invalid_request', 'Missing required parameter: token');
  const now = ctx.clock.now();
  const access = ctx.store.access.get(value);
  const refresh = ctx.store.refresh.get(value);
  const live =
    (access &&
      access.provider === 'google' &&
      !access.revoked &&
      access.expiresAt > now &&
      access) ||
    (refresh && refresh.provider === 'google' && refresh.active && refresh);
  if (!live) return googleOAuthError(400, 'invalid_token', 'Token expired or revoked');
  ctx.store.revokeGrant('google', live.clientId, live.user);
  return json(200, {});
}
