// Utilities as the runtime emulates it, exercised by scripts running in the runtime.
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime';

/** 2026-11-22 12:00 UTC: the instant this file's runtimes start at. */
const AT_MS = Date.UTC(2026, 10, 22, 12);

const SCRIPT = `
function digest(text) {
  return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8);
}
function webSafe(text) { return Utilities.base64EncodeWebSafe(text); }
function standard(text) { return Utilities.base64Encode(text); }
function decodeWebSafe(text) { return Utilities.base64DecodeWebSafe(text); }
// Exactly what the OAuth2 library does for an S256 challenge.
function challenge(verifier) {
  var c = Utilities.base64EncodeWebSafe(
    Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, verifier, Utilities.Charset.US_ASCII));
  return c.indexOf('=') >= 0 ? c.slice(0, c.indexOf('=')) : c;
}
function hmac(value, key) { return Utilities.computeHmacSha256Signature(value, key); }
function fmt(ms, tz, pattern) { return Utilities.formatDate(new Date(ms), tz, pattern); }
function fmtString() { return Utilities.formatString('%s has %d steps (%.1f%%)', 'Ann', 8432.7, 84.33); }
function blob() {
  var b = Utilities.newBlob('héllo', 'text/plain', 'a.txt');
  return [b.getBytes().length, b.getDataAsString(), b.getContentType(), b.getName()];
}
`;

let rt: Runtime;
beforeAll(async () => {
  rt = await Runtime.create({ clock: new Clock(AT_MS), scriptSource: SCRIPT });
});
afterAll(() => rt.close());

async function value(fn: string, ...args: unknown[]): Promise<unknown> {
  const r = await rt.run(fn, args);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

test('computeDigest returns signed bytes (-128..127), as Java byte[] reach Apps Script', async () => {
  const bytes = (await value('digest', 'abc')) as number[];
  const expected = [
    ...Buffer.from('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'hex'),
  ].map((b) => (b > 127 ? b - 256 : b));
  expect(bytes).toEqual(expected);
  expect(bytes.some((b) => b < 0)).toBe(true);
  expect(bytes.every((b) => b >= -128 && b <= 127)).toBe(true);
});

test('base64EncodeWebSafe keeps the = padding and uses - and _', async () => {
  expect(await value('webSafe', 'a')).toBe('YQ==');
  expect(await value('webSafe', '\u00ff\u00fe')).toBe('w7_Dvg==');
  expect(await value('standard', '\u00ff\u00fe')).toBe('w7/Dvg==');
});

test('base64DecodeWebSafe returns signed bytes', async () => {
  expect(await value('decodeWebSafe', 'w7_Dvg==')).toEqual([-61, -65, -61, -66]);
});

test("Fitbit's PKCE example: the library's challenge computation gives the documented 43 characters", async () => {
  const verifier = '0123456789'.repeat(5);
  expect(verifier).toHaveLength(50);
  const c = await value('challenge', verifier);
  expect(c).toBe('-4cf-Mzo_qg9-uq0F4QwWhRh4AjcAqNx7SbYVsdmyQM');
});

test('computeHmacSha256Signature matches HMAC-SHA256 as signed bytes', async () => {
  const sig = (await value('hmac', 'message', 'key')) as number[];
  const hex = Buffer.from(sig.map((b) => b & 255)).toString('hex');
  expect(hex).toBe('6e9ef29b75fffc5b7abae527d58fdadb2fe42e7219011976917343065f58ed4a');
});

describe('formatDate honours the time zone', () => {
  const instant = Date.UTC(2026, 10, 22, 23, 30, 5, 42); // 2026-11-22T23:30:05.042Z, a Sunday

  test('UTC, with quoted literals and milliseconds', async () => {
    expect(await value('fmt', instant, 'Etc/UTC', "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")).toBe(
      '2026-11-22T23:30:05.042Z',
    );
  });

  test('a zone east of UTC moves to the next day', async () => {
    expect(await value('fmt', instant, 'Asia/Tokyo', 'yyyy-MM-dd HH:mm EEE XXX')).toBe(
      '2026-11-23 08:30 Mon +09:00',
    );
  });

  test('a zone west of UTC, 12-hour clock and month names', async () => {
    expect(await value('fmt', instant, 'America/Los_Angeles', 'EEEE, MMMM d, yy h:mm a Z')).toBe(
      'Sunday, November 22, 26 3:30 PM -0800',
    );
  });

  test('across a DST change the offset follows the date', async () => {
    // Europe/Berlin leaves summer time on 2026-10-25 at 01:00 UTC.
    const before = Date.UTC(2026, 9, 25, 0, 30);
    const after = Date.UTC(2026, 9, 25, 1, 30);
    expect(await value('fmt', before, 'Europe/Berlin', 'yyyy-MM-dd HH:mm XXX')).toBe(
      '2026-10-25 02:30 +02:00',
    );
    expect(await value('fmt', after, 'Europe/Berlin', 'yyyy-MM-dd HH:mm XXX')).toBe(
      '2026-10-25 02:30 +01:00',
    );
  });

  test('X gives Z for a zero offset', async () => {
    expect(await value('fmt', instant, 'Etc/UTC', 'HH:mmXXX')).toBe('23:30Z');
  });
});

test('formatString formats like sprintf', async () => {
  expect(await value('fmtString')).toBe('Ann has 8432 steps (84.3%)');
});

test('newBlob keeps bytes, type and name', async () => {
  expect(await value('blob')).toEqual([6, 'héllo', 'text/plain', 'a.txt']);
});
