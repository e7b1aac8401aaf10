// Byte conversions as Apps Script does them: Java byte[] arrive in JavaScript as SIGNED numbers
// (-128..127), and strings are encoded with a Charset (US_ASCII turns other characters into '?').

export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;

export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

export function encodeString(value: string, charset?: string): Buffer {
  if (charset === Charset.US_ASCII || charset === 'US-ASCII') {
    return Buffer.from(Array.from(value, (ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 63)));
  }
  return Buffer.from(value, 'utf8');
}

export function decodeBytes(buf: Uint8Array, charset?: string): string {
  if (charset === Charset.US_ASCII || charset === 'US-ASCII') {
    return Array.from(buf, (b) => (b < 128 ? String.fromCharCode(b) : '\ufffd')).join('');
  }
  const label =
    !charset || charset === Charset.UTF_8 ? 'utf-8' : charset.toLowerCase().replace('_', '-');
  return new TextDecoder(label).decode(buf);
}

function isByteArray(value: unknown): value is ArrayLike<number> {
  return (
    value instanceof Uint8Array ||
    (Array.isArray(value) && value.every((b) => typeof b === 'number'))
  );
}

/** A string (encoded with charset) or a byte array (signed or unsigned) as raw bytes. */
export function toBuffer(value: unknown, charset?: string): Buffer {
  if (typeof value === 'string') return encodeString(value, charset);
  if (isByteArray(value)) return Buffer.from(Array.from(value, (b) => b & 255));
  if (value && typeof (value as { getBytes?: unknown }).getBytes === 'function') {
    return toBuffer((value as { getBytes(): number[] }).getBytes());
  }
  return encodeString(String(value), charset);
}
