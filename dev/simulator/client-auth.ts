// Reads client credentials from an HTTP Basic Authorization header (RFC 6749 section 2.3.1).

export type BasicAuth =
  { kind: 'none' } | { kind: 'malformed' } | { kind: 'basic'; id: string; secret: string };

export function readBasicAuth(headers: Record<string, string>): BasicAuth {
  const h = headers['authorization'];
  if (!h) return { kind: 'none' };
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(h);
  if (!m) return { kind: 'malformed' };
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { kind: 'malformed' };
  return {
    kind: 'basic',
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

export function readBearer(headers: Record<string, string>): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers['authorization'] ?? '');
  return m ? m[1] : null;
}
