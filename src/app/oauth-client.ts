// The ports app/ needs around the OAuth2 library: one provider's OAuth service for the current
// user, and the user lock it shares with the library.
import type { StoredToken } from '../providers/provider';

/** One provider's OAuth2-library service, bound to the current user's property store. */
export interface OAuthClient {
  /**
   * A consent URL with PKCE S256; `stateArgs` travel inside Apps Script's encrypted state.
   * `incremental` asks for those scopes alone with the provider's incremental parameters.
   */
  authorizationUrl(
    stateArgs: Record<string, string>,
    incremental?: { scopes: string[]; params: Record<string, string> },
  ): string;
  /** Exchanges the code; false when the person declined. Throws the library's error texts. */
  handleCallback(parameters: Record<string, string>): boolean;
  /** The stored token without any network call; `fresh` skips the per-execution memory copy. */
  token(fresh?: boolean): StoredToken | null;
  /** True when the token is valid, refreshing it under the lock when it is about to expire. */
  hasAccess(): boolean;
  /** The message of the last automatic refresh failure of this execution, if any. */
  lastError(): string | null;
  /** Refreshes now (the library takes the shared lock itself, re-entrantly). Throws on failure. */
  refresh(): void;
  /** Forgets the token (properties and cache). */
  reset(): void;
}

/** The current user's lock, the same one the OAuth2 library holds while it refreshes. */
export interface UserLock {
  withLock<T>(fn: () => T): T;
}
