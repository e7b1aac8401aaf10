// PKCE code verifiers from a cryptographically secure source. The OAuth2 library's own
// generateCodeVerifier draws from Math.random; Utilities.getUuid() returns random (version 4)
// UUIDs from a secure generator.

/** 64 hex characters (two UUIDs without dashes, 244 random bits): within PKCE's 43-128. */
export function secureCodeVerifier(): string {
  return (Utilities.getUuid() + Utilities.getUuid()).replace(/-/g, '').toLowerCase();
}

/** A random id for one consent request. */
export function secureNonce(): string {
  return Utilities.getUuid().replace(/-/g, '');
}
