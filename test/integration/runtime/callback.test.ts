// State tokens and Apps Script's /usercallback: expiry on the shared clock, e.parameter merging.
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime';

const SCRIPT = `
function makeToken(timeout) {
  var b = ScriptApp.newStateToken().withMethod('callback').withArgument('serviceName', 'fitbit');
  if (timeout) b = b.withTimeout(timeout);
  return b.createToken();
}
function callback(e) {
  return HtmlService.createHtmlOutput('<p>' + JSON.stringify(e.parameter) + '</p>').setTitle('Done');
}
`;

let rt: Runtime;
/** 2026-11-22 12:00 UTC: the instant this file's clock starts at. */
const clock = new Clock(Date.UTC(2026, 10, 22, 12));
beforeAll(async () => {
  rt = await Runtime.create({ scriptSource: SCRIPT, clock });
});
afterAll(() => rt.close());

async function token(timeout?: number): Promise<string> {
  const r = await rt.run('makeToken', timeout === undefined ? [] : [timeout]);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as string;
}

const callbackUrl = (state: string, query = 'code=abc') =>
  `${rt.redirectUri()}?${query}&state=${encodeURIComponent(state)}`;

test('the state token is opaque: its arguments cannot be read from it', async () => {
  const t = await token();
  expect(t).not.toContain('fitbit');
  expect(Buffer.from(t, 'base64url').toString('latin1')).not.toContain('fitbit');
});

test("usercallback merges the token's arguments and the redirect's query into e.parameter", async () => {
  const state = await token();
  const page = await rt.usercallback(callbackUrl(state, 'code=abc&scope=activity+sleep'));
  expect(page.status).toBe(200);
  expect(page.title).toBe('Done');
  const parameter = JSON.parse(page.html.replace(/^<p>|<\/p>$/g, ''));
  expect(parameter).toEqual({ code: 'abc', scope: 'activity sleep', state, serviceName: 'fitbit' });
});

test('a token is accepted just before its default 60 s timeout and rejected after it', async () => {
  const early = await token();
  const late = await token();
  clock.advance(59000);
  expect((await rt.usercallback(callbackUrl(early))).status).toBe(200);
  clock.advance(2000);
  const rejected = await rt.usercallback(callbackUrl(late));
  expect(rejected.status).toBe(400);
  expect(rejected.html).toContain('The state token is invalid or has expired. Please try again.');
});

test('withTimeout extends the validity, up to 3600 s', async () => {
  const long = await token(7200);
  clock.advance(3500 * 1000);
  expect((await rt.usercallback(callbackUrl(long))).status).toBe(200);
  clock.advance(200 * 1000);
  expect((await rt.usercallback(callbackUrl(long))).status).toBe(400);
});

test('a forged or damaged token is rejected', async () => {
  const t = await token();
  const i = 20;
  const damaged = t.slice(0, i) + (t[i] === 'A' ? 'B' : 'A') + t.slice(i + 1);
  expect((await rt.usercallback(callbackUrl(damaged))).status).toBe(400);
});
