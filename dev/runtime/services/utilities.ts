// The Utilities service: digests and HMACs as signed bytes, base64 that keeps '=' padding (also the
// web-safe variant), blobs, formatDate/formatString, UUIDs and a real sleep.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Blob } from './blob';
import { Charset, toBuffer, toSignedBytes } from './bytes';
import type { WorkerEnv } from './env';
import { formatDate } from './format-date';
import { formatString } from './format-string';

const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;
const MacAlgorithm = {
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const;
const NODE_HASH: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

const MAX_SLEEP_MS = 300000;

export function createUtilities(env: WorkerEnv): object {
  const { realm } = env;
  const bytesOut = (buf: Uint8Array): number[] => realm.toRealm(toSignedBytes(buf));
  const hashName = (algorithm: string): string => {
    const name = NODE_HASH[String(algorithm).replace(/^HMAC_/, '')];
    if (!name) throw realm.error(`Invalid argument: algorithm`);
    return name;
  };
  const mac = (algorithm: string, value: unknown, key: unknown, charset?: string): number[] =>
    bytesOut(
      createHmac(hashName(algorithm), toBuffer(key, charset))
        .update(toBuffer(value, charset))
        .digest(),
    );
  const toWebSafe = (b64: string): string => b64.replace(/\+/g, '-').replace(/\//g, '_');
  const decode = (encoded: string): number[] => {
    const clean = String(encoded).replace(/\s+/g, '');
    if (/[^A-Za-z0-9+/=_-]/.test(clean)) {
      throw realm.error('Could not decode string.');
    }
    return bytesOut(Buffer.from(clean.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  };

  return {
    Charset,
    DigestAlgorithm,
    MacAlgorithm,
    computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
      return bytesOut(createHash(hashName(algorithm)).update(toBuffer(value, charset)).digest());
    },
    computeHmacSignature(
      algorithm: string,
      value: unknown,
      key: unknown,
      charset?: string,
    ): number[] {
      return mac(algorithm, value, key, charset);
    },
    computeHmacSha256Signature(value: unknown, key: unknown, charset?: string): number[] {
      return mac('SHA_256', value, key, charset);
    },
    // Apps Script keeps the '=' padding in both variants (oauth2-library-contract: PKCE challenge).
    base64Encode(data: unknown, charset?: string): string {
      return toBuffer(data, charset).toString('base64');
    },
    base64EncodeWebSafe(data: unknown, charset?: string): string {
      return toWebSafe(toBuffer(data, charset).toString('base64'));
    },
    base64Decode(encoded: string, _charset?: string): number[] {
      return decode(encoded);
    },
    base64DecodeWebSafe(encoded: string, _charset?: string): number[] {
      return decode(encoded);
    },
    newBlob(data?: unknown, contentType?: string, name?: string): Blob {
      return new Blob(realm, data ?? '', contentType ?? null, name ?? null);
    },
    formatDate(date: Date, timeZone: string, format: string): string {
      if (!date || typeof date.getTime !== 'function') throw realm.error('Invalid argument: date');
      try {
        return formatDate(date.getTime(), String(timeZone), String(format));
      } catch (e) {
        throw realm.error(`Invalid argument: ${(e as Error).message}`);
      }
    },
    formatString(template: string, ...args: unknown[]): string {
      return formatString(template, ...args);
    },
    getUuid(): string {
      return randomUUID();
    },
    sleep(milliseconds: number): void {
      const ms = Number(milliseconds);
      if (!(ms >= 0) || ms > MAX_SLEEP_MS) throw realm.error('Invalid argument: milliseconds');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    },
  };
}
