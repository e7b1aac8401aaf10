// Shared types of the provider simulator: requests as the simulator sees them, users, clients,
// settings, faults and the request log that tests assert on.
import type { ProviderHost } from '../hosts';

export type ProviderName = 'fitbit' | 'google';
export type AppType = 'server' | 'client' | 'personal';

/** One request as a provider would see it: production host and path, parsed query, raw body. */
export interface SimRequest {
  host: ProviderHost;
  method: string;
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RequestLog {
  host: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  /** 0 while unanswered (a 'timeout' fault never answers). */
  status: number;
  /** Simulator clock time the request arrived (epoch ms). */
  at: number;
}

export interface SimUser {
  email: string;
  fitbitUserId: string;
  healthUserId: string;
  healthLinked: boolean;
  timeZone: string;
  seed: number;
  /** Where weight and body fat come from: a smart scale synced through Health Connect, or Fitbit. */
  scaleVia?: 'HEALTH_CONNECT';
}

export interface SimClient {
  provider: ProviderName;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  appType: AppType;
  name: string;
}

export interface SimSettings {
  /** Every legacy Fitbit endpoint (www/api.fitbit.com) answers 410 Gone. */
  retired: boolean;
  /** Fitbit answers an identical refresh request with the same response within this window; 0 = off. */
  fitbitIdenticalRefreshWindowMs: number;
  /** Added to every request before it is answered. */
  latencyMs: number;
  fitbitRateLimitPerHour: number;
  googleRateLimitPerMinute: number;
  /** Google refresh tokens of apps in "Testing" publishing status expire after 7 days (3p). */
  googleTokenRefreshExpiresInTesting?: boolean;
  /**
   * At most this many points per `list` page, whatever pageSize asks (a server may return fewer
   * than asked; some types answered 50 a page: health-data.md). Unset: pageSize decides.
   */
  googleListPageCap?: number;
  /**
   * A slow provider measured on the shared clock: each request to this host and path prefix moves
   * the clock forward by `clockMs` before it is answered. Tests of the 6-minute limit use it
   * instead of a real-time timer, so how much time a batch takes never depends on the machine's
   * load. Unset: requests take no clock time.
   */
  slowRoute?: { host: string; pathPrefix: string; clockMs: number } | null;
}

export type FaultKind =
  | 'status'
  | 'html-error'
  | 'malformed-json'
  | 'timeout'
  /** The connection is dropped without an answer: UrlFetchApp throws "Address unavailable". */
  | 'network'
  | 'latency'
  | 'rate-limit'
  | 'revoke-user'
  /** A Google API error with Google's real body for `reason` (google.rpc.ErrorInfo). */
  | 'google-reason';

/** The ErrorInfo reasons a 'google-reason' fault answers with. */
export type GoogleReason =
  | 'SERVICE_DISABLED'
  | 'ACCESS_TOKEN_SCOPE_INSUFFICIENT'
  | 'RATE_LIMIT_EXCEEDED'
  | 'ACCOUNT_NOT_LINKED';

export interface Fault {
  host?: string;
  /** Matched against the production path (e.g. '/1/user/-/activities'). */
  pathPrefix?: string;
  method?: string;
  /** Fires on the nth matching request counted from when the fault was added (1-based). */
  atRequest?: number;
  /** How many matching requests it affects; default 1. */
  times?: number;
  kind: FaultKind;
  /** For 'status' (default 500) and 'html-error' (default 502). */
  status?: number;
  /** For 'status': the body to send (an object is sent as JSON). */
  body?: unknown;
  /** For 'latency'. */
  ms?: number;
  /** For 'revoke-user': whose tokens; default the owner of the request's bearer token. */
  user?: string;
  /** For 'google-reason'. */
  reason?: GoogleReason;
}
