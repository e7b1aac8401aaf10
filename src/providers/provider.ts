// The one interface both providers (legacy Fitbit, Google Health) implement; the rest of the
// add-on never branches on which provider it talks to.
import type { HttpRequest, HttpResponse } from '../core/ports';

export type ProviderId = 'fitbit' | 'google-health';

export const PROVIDER_IDS: readonly ProviderId[] = ['google-health', 'fitbit'];

export function isProviderId(value: unknown): value is ProviderId {
  return value === 'fitbit' || value === 'google-health';
}

/** Fitbit app types (dev.fitbit.com): only "server" apps authenticate with the client secret. */
export type FitbitAppType = 'server' | 'client' | 'personal';

/** What the person pasted in setup. `appType` matters only to Fitbit (server vs client/personal). */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  appType?: FitbitAppType;
}

/** How a response was judged; drives refresh/retry/stop decisions in app/. */
export type ResponseClass =
  | { kind: 'ok' }
  | { kind: 'expired-token' }
  | { kind: 'revoked' }
  | { kind: 'scope-missing'; message: string }
  /** retryAfterMs: how long the provider asks to wait, relative to the response (null: unknown). */
  | { kind: 'rate-limited'; retryAfterMs: number | null }
  | { kind: 'transient'; message: string }
  | { kind: 'malformed'; message: string }
  | { kind: 'retired' }
  | { kind: 'account-not-linked'; signUpUrl: string | null }
  /** The API is not enabled in the OAuth client's Cloud project (Google SERVICE_DISABLED). */
  | { kind: 'service-disabled'; project: string | null; enableUrl: string | null }
  | { kind: 'client-error'; message: string };

/**
 * Why a token request (code exchange or refresh) failed, read from the OAuth2 library's error
 * text. `code` is a short provider error code (e.g. "invalid_grant") safe to show; never a body.
 * Only `invalid-grant` proves the person's token dead; `invalid-client` blames the OAuth client;
 * `transient` and `other` prove nothing about the token.
 */
export type TokenFailure =
  | { kind: 'invalid-grant'; code: string }
  | { kind: 'invalid-client'; code: string }
  | { kind: 'retired' }
  | { kind: 'transient'; code: string }
  | { kind: 'other'; code: string };

/** A token as the OAuth2 library stores it: the provider's JSON plus the library's fields. */
export type StoredToken = Record<string, unknown> & { access_token?: string };

/** OAuth settings the gas/ OAuth2-library adapter applies to `OAuth2.createService(id)`. */
export interface OAuthSettings {
  authorizationBaseUrl: string;
  tokenUrl: string;
  /** Scopes to request for the chosen metrics (never "all scopes"). */
  scopesFor(metricIds: readonly string[]): string[];
  /** Extra authorize-URL parameters (Google: access_type=offline, prompt=consent). */
  authorizeParams: Record<string, string>;
  /**
   * Set when the provider supports incremental authorization: the parameters that ask for new
   * scopes alone while keeping the granted ones (Google: include_granted_scopes=true, whose token
   * then covers the union). Absent (Fitbit): a new consent asks for every scope again.
   */
  incrementalAuthorizeParams?: Record<string, string>;
  /** Headers for token and refresh requests (Fitbit server apps: Basic client auth). */
  tokenHeaders(creds: ClientCredentials): Record<string, string>;
  /** Final say on the token/refresh form body (Fitbit client apps: no client_secret). */
  tokenPayload(
    payload: Record<string, string | undefined>,
    creds: ClientCredentials,
  ): Record<string, string>;
  /** The request that revokes a token at the provider. */
  revokeRequest(token: string, creds: ClientCredentials): HttpRequest;
  /** Scopes actually granted, read from the stored token (may be fewer than asked). */
  grantedScopes(token: StoredToken): string[];
  /** Scope names shown to a person ("Activity: steps, distance, ..."). */
  describeScope(scope: string): string;
  /** Classifies the OAuth2 library's error text of a failed token or refresh request. */
  classifyTokenError(libraryMessage: string): TokenFailure;
}

export interface Provider {
  id: ProviderId;
  label: string;
  oauth: OAuthSettings;
  /**
   * One cheap call that proves the token works and names the account. It gets the access token
   * because Fitbit's introspect wants it in the body too; app/ adds the Bearer header.
   */
  identityRequest(accessToken: string): HttpRequest;
  /** The account id from the identity response, else from the token; null when neither has one. */
  parseIdentity(res: HttpResponse, token: StoredToken): string | null;
  /**
   * The account as the person can recognise it, from the id alone: identity calls give no name
   * or email without asking for more access than the data needs.
   */
  accountLabel(accountId: string): string;
  /** Classifies any API response of this provider. */
  classify(res: HttpResponse): ResponseClass;
}
