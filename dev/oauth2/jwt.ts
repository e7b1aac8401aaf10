// JSON Web Tokens: signing for the service-account flow, reading an id_token's expiry.
import type { UtilitiesLike } from './types';

export function encodeJwt(
  utilities: UtilitiesLike,
  claims: Record<string, unknown>,
  privateKey: string,
): string {
  const header = { alg: 'RS256', typ: 'JWT' };
  const toSign =
    utilities.base64EncodeWebSafe(JSON.stringify(header)) +
    '.' +
    utilities.base64EncodeWebSafe(JSON.stringify(claims));
  const signature = utilities.computeRsaSha256Signature(toSign, privateKey);
  return toSign + '.' + utilities.base64EncodeWebSafe(signature);
}

/** The payload of a JWT; the signature is not checked (the library only reads exp). */
export function decodeJwtPayload(utilities: UtilitiesLike, jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1];
  const blob = utilities.newBlob(utilities.base64DecodeWebSafe(payload));
  return JSON.parse(blob.getDataAsString()) as Record<string, unknown>;
}
