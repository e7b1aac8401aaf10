// The simulator's OAuth state for both providers: registered clients, pending consents,
// authorization codes, access and refresh tokens.
import { createHash, randomBytes } from 'node:crypto';
import type { ProviderName, SimClient, SimResponse } from './types';

export type ChallengeMethod = 'S256' | 'plain';

/** What a person is being asked to consent to; lives between GET and POST of the consent page. */
export interface PendingConsent {
  id: string;
  provider: ProviderName;
  clientId: string;
  redirectUri: string;
  /** Whether redirect_uri was in the authorize request (Fitbit then requires it at the token endpoint). */
  redirectUriSent: boolean;
  scopes: string[];
  state: string | null;
  challenge: string | null;
  challengeMethod: ChallengeMethod;
  offline: boolean;
  loginHint: string | null;
  /** Google's include_granted_scopes=true: the grant adds to the scopes granted before. */
  includeGrantedScopes?: boolean;
  expiresAt: number;
}

export interface AuthCode {
  code: string;
  provider: ProviderName;
  clientId: string;
  redirectUri: string;
  redirectUriSent: boolean;
  user: string;
  scopes: string[];
  challenge: string | null;
  challengeMethod: ChallengeMethod;
  offline: boolean;
  expiresAt: number;
  used: boolean;
}

export interface AccessToken {
  token: string;
  provider: ProviderName;
  clientId: string;
  user: string;
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshToken {
  token: string;
  provider: ProviderName;
  clientId: string;
  user: string;
  scopes: string[];
  issuedAt: number;
  /** Google "Testing" apps only. */
  expiresAt: number | null;
  active: boolean;
  /** Fitbit: the first successful use, replayed for identical requests inside the window. */
  firstUse?: { at: number; requestKey: string; response: SimResponse };
}

/** Counts and membership checks; deliberately no way to print the tokens themselves. */
export interface LiveTokens {
  access: number;
  refresh: number;
  scopes: string[];
  hasAccessToken(token: string): boolean;
  hasRefreshToken(token: string): boolean;
}

export const CODE_LIFETIME_MS = 10 * 60 * 1000;

export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** PKCE (RFC 7636): S256 is base64url(SHA-256(verifier)) without padding. */
export function pkceMatches(challenge: string, method: ChallengeMethod, verifier: string): boolean {
  const computed =
    method === 'S256'
      ? createHash('sha256').update(verifier, 'ascii').digest('base64url')
      : verifier;
  return computed === challenge;
}

export class OAuthStore {
  readonly clients = new Map<string, SimClient>();
  readonly pending = new Map<string, PendingConsent>();
  readonly codes = new Map<string, AuthCode>();
  readonly access = new Map<string, AccessToken>();
  readonly refresh = new Map<string, RefreshToken>();

  client(provider: ProviderName, clientId: string): SimClient | undefined {
    return this.clients.get(`${provider}:${clientId}`);
  }

  addClient(c: SimClient): void {
    this.clients.set(`${c.provider}:${c.clientId}`, c);
  }

  issueAccess(
    provider: ProviderName,
    clientId: string,
    user: string,
    scopes: string[],
    now: number,
    lifetimeS: number,
  ): AccessToken {
    const prefix = provider === 'google' ? 'ya29.' : 'fb.';
    const t: AccessToken = {
      token: prefix + randomToken(32),
      provider,
      clientId,
      user,
      scopes,
      issuedAt: now,
      expiresAt: now + lifetimeS * 1000,
      revoked: false,
    };
    this.access.set(t.token, t);
    return t;
  }

  issueRefresh(
    provider: ProviderName,
    clientId: string,
    user: string,
    scopes: string[],
    now: number,
    expiresAt: number | null,
  ): RefreshToken {
    const prefix = provider === 'google' ? '1//' : '';
    const t: RefreshToken = {
      token: prefix + randomToken(provider === 'google' ? 48 : 32),
      provider,
      clientId,
      user,
      scopes,
      issuedAt: now,
      expiresAt,
      active: true,
    };
    this.refresh.set(t.token, t);
    return t;
  }

  /**
   * The scopes one user has granted one app so far: those of its live tokens (a revoked grant
   * leaves none). Google's include_granted_scopes adds a new consent to these.
   */
  grantedScopes(provider: ProviderName, clientId: string, user: string, now: number): string[] {
    const scopes = new Set<string>();
    for (const t of this.refresh.values())
      if (t.provider === provider && t.clientId === clientId && t.user === user && t.active)
        t.scopes.forEach((s) => scopes.add(s));
    for (const t of this.access.values())
      if (
        t.provider === provider &&
        t.clientId === clientId &&
        t.user === user &&
        !t.revoked &&
        t.expiresAt > now
      )
        t.scopes.forEach((s) => scopes.add(s));
    return [...scopes];
  }

  /** Revokes every token of one user for one app (both providers' documented revoke semantics). */
  revokeGrant(provider: ProviderName, clientId: string, user: string): void {
    for (const t of this.access.values()) {
      if (t.provider === provider && t.clientId === clientId && t.user === user) t.revoked = true;
    }
    for (const t of this.refresh.values()) {
      if (t.provider === provider && t.clientId === clientId && t.user === user) t.active = false;
    }
  }

  revokeUser(user?: string): void {
    for (const t of this.access.values()) if (!user || t.user === user) t.revoked = true;
    for (const t of this.refresh.values()) if (!user || t.user === user) t.active = false;
  }

  expireAccess(now: number, user?: string): void {
    for (const t of this.access.values()) {
      if ((!user || t.user === user) && t.expiresAt > now - 1000) t.expiresAt = now - 1000;
    }
  }

  live(provider: ProviderName, now: number): Record<string, LiveTokens> {
    const out: Record<string, LiveTokens> = {};
    const entry = (user: string) => {
      if (!out[user]) {
        const access = new Set<string>();
        const refresh = new Set<string>();
        const scopes = new Set<string>();
        out[user] = {
          access: 0,
          refresh: 0,
          scopes: [],
          hasAccessToken: (tok) => access.has(tok),
          hasRefreshToken: (tok) => refresh.has(tok),
        };
        Object.defineProperty(out[user], '_sets', { value: { access, refresh, scopes } });
      }
      return out[user] as LiveTokens & {
        _sets: { access: Set<string>; refresh: Set<string>; scopes: Set<string> };
      };
    };
    for (const t of this.access.values()) {
      if (t.provider !== provider || t.revoked || t.expiresAt <= now) continue;
      const e = entry(t.user);
      e._sets.access.add(t.token);
      t.scopes.forEach((s) => e._sets.scopes.add(s));
      e.access = e._sets.access.size;
      e.scopes = [...e._sets.scopes].sort();
    }
    for (const t of this.refresh.values()) {
      if (t.provider !== provider || !t.active || (t.expiresAt !== null && t.expiresAt <= now))
        continue;
      const e = entry(t.user);
      e._sets.refresh.add(t.token);
      t.scopes.forEach((s) => e._sets.scopes.add(s));
      e.refresh = e._sets.refresh.size;
      e.scopes = [...e._sets.scopes].sort();
    }
    return out;
  }
}
