// URL building, required-value checks and PKCE encodings, reproducing the library's exact output.
import type { UtilitiesLike } from './types';

/** Appends params in insertion order; values go through encodeURIComponent (undefined -> "undefined"). */
export function buildUrl(base: string, params: Record<string, unknown>): string {
  const query = Object.keys(params)
    .map((key) => encodeURIComponent(key) + '=' + encodeURIComponent(String(params[key])))
    .join('&');
  return base + (base.indexOf('?') >= 0 ? '&' : '?') + query;
}

/** Throws "<name> is required." for the first falsy value, as the library's validate_ does. */
export function requireValues(values: Record<string, unknown>): void {
  for (const name of Object.keys(values)) {
    if (!values[name]) throw new Error(name + ' is required.');
  }
}

/**
 * Web-safe base64 cut at the first '='. Apps Script's base64EncodeWebSafe keeps the padding and the
 * library slices up to indexOf('='): without padding indexOf is -1 and the last character is lost,
 * which is the real library's behaviour too, so it is kept.
 */
export function base64UrlNoPadding(utilities: UtilitiesLike, value: string | number[]): string {
  const encoded = utilities.base64EncodeWebSafe(value);
  return encoded.slice(0, encoded.indexOf('='));
}

/** PKCE code_challenge for method S256 or plain (case-insensitive). */
export function codeChallenge(utilities: UtilitiesLike, method: string, verifier: string): string {
  const normalized = method.toLowerCase();
  if (normalized === 'plain') return verifier;
  if (normalized === 's256') {
    const digest = utilities.computeDigest(
      utilities.DigestAlgorithm.SHA_256,
      verifier,
      utilities.Charset.US_ASCII,
    );
    return base64UrlNoPadding(utilities, digest);
  }
  throw new Error('Unsupported challenge method: ' + normalized);
}

/**
 * 32 bytes from Math.random (0..254, as the library draws them), encoded to 43 characters. Not a
 * cryptographic source: that is the library's documented weakness, reproduced on purpose.
 */
export function randomCodeVerifier(utilities: UtilitiesLike): string {
  const bytes: number[] = [];
  for (let i = 0; i < 32; ++i) bytes[i] = Math.floor(Math.random() * 255);
  return base64UrlNoPadding(utilities, bytes);
}
