// PKCE verifiers come from Utilities.getUuid (secure), not Math.random, and fit RFC 7636's shape.
import { randomUUID } from 'node:crypto';
import { secureCodeVerifier, secureNonce } from '../../../src/gas/pkce';

let uuids = 0;
beforeAll(() => {
  (globalThis as unknown as { Utilities: unknown }).Utilities = {
    getUuid: () => {
      uuids++;
      return randomUUID();
    },
  };
});

it('builds a 64-character unreserved verifier from two secure UUIDs', () => {
  const spy = jest.spyOn(Math, 'random');
  uuids = 0;
  const v = secureCodeVerifier();
  expect(v).toMatch(/^[a-f0-9]{64}$/);
  expect(uuids).toBe(2);
  expect(spy).not.toHaveBeenCalled();
  spy.mockRestore();
});

it('never repeats a verifier or a nonce', () => {
  const seen = new Set(Array.from({ length: 200 }, () => secureCodeVerifier() + secureNonce()));
  expect(seen.size).toBe(200);
});
