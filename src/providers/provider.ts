// The one interface both providers (legacy Fitbit, Google Health) implement; the rest of the
// add-on never branches on which provider it talks to.
import type { HttpRequest, HttpResponse } from '../core/ports';

export type ProviderId = 'fitbit' | 'google-health';

/** What the person pasted in setup. `appType` matters only to Fitbit (server vs client/personal). */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  appType?: 'server' | 'client' | 'personal';
}

/** How a response was judged; drives refresh/retry/stop decisions in app/. */
export type ResponseClass =
  | { kind: 'ok' }
  | { kind: 'expired-token' }
  | { kind: 'revoked' }
  | { kind: 'scope-missing'; message: string }
  | { kind: 'rate-limited'; retryAtMs: number | null }
  | { kind: 'transient'; message: string }
  | { kind: 'malformed'; message: string }
  | { kind: 'retired' }
  | { kind: 'account-not-linked'; signUpUrl: string | null }
  | { kind: 'client-error'; message: string };

/** OAuth settings the gas/ OAuth2-library adapter applies to `OAuth2.createService(id)`. */
export interface OAuthSettings {
  authorizationBaseUrl: string;
  tokenUrl: string;
  /** Scopes to request for the chosen metrics (never "all scopes"). */
  scopesFor(metricIds: readonly string[]): string[];
  /** Extra authorize-URL parameters (Google: access_type=offline, prompt=consent). */
  authorizeParams: Record<string, string>;
  /** Headers for token and refresh requests (Fitbit server apps: Basic client auth). */
  tokenHeaders(creds: ClientCredentials): Record<string, string>;
  /** Final say on the token/refresh form body (Fitbit client apps: no client_secret). */
  tokenPayload(payload: Record<string, string>, creds: ClientCredentials): Record<string, string>;
  /** The request that revokes a token at the provider. */
  revokeRequest(token: string, creds: ClientCredentials): HttpRequest;
  /** Scopes actually granted, read from the stored token (may be fewer than asked). */
  grantedScopes(token: Record<string, unknown>): string[];
  /** Scope names shown to a person ("activity", "Activity and fitness"). */
  describeScope(scope: string): string;
}

export interface Provider {
  id: ProviderId;
  label: string;
  oauth: OAuthSettings;
  /** One cheap call that proves the token works and names the account. */
  identityRequest(): HttpRequest;
  parseIdentity(res: HttpResponse): string;
  /** Classifies any API response of this provider. */
  classify(res: HttpResponse): ResponseClass;
}
