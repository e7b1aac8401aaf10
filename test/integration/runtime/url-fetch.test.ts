// UrlFetchApp as the runtime emulates it: real HTTP to a local server.
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime';
import { startServer } from './local-server';

/** 2026-11-22 12:00 UTC: the instant this file's runtimes start at. */
const AT_MS = Date.UTC(2026, 10, 22, 12);

const SCRIPT = `
function postForm(url) {
  var r = UrlFetchApp.fetch(url, {
    method: 'post',
    payload: { code: 'a b&c', client_id: 'id', client_secret: undefined, grant_type: 'authorization_code' },
  });
  return [r.getResponseCode(), r.getContentText()];
}
function postJson(url) {
  var r = UrlFetchApp.fetch(url, { method: 'post', contentType: 'application/json', payload: JSON.stringify({ a: 1 }) });
  return r.getContentText();
}
function getAll(urls) {
  return UrlFetchApp.fetchAll(urls.map(function (u) { return { url: u, muteHttpExceptions: true }; }))
    .map(function (r) { return r.getContentText(); });
}
function getStatus(url, mute) {
  var r = UrlFetchApp.fetch(url, { muteHttpExceptions: mute });
  return [r.getResponseCode(), r.getContentText(), r.getHeaders()['X-Thing'], r.getAllHeaders()['Set-Cookie']];
}
function caught(url) {
  try { UrlFetchApp.fetch(url); return 'no error'; } catch (e) { return [e.name, e.message, e instanceof Error]; }
}
`;

let rt: Runtime;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = req.url.split('?')[0];
    if (path === '/slow') {
      setTimeout(() => res.end('slow'), 300);
    } else if (path === '/fast') {
      res.end('fast');
    } else if (path === '/medium') {
      setTimeout(() => res.end('medium'), 100);
    } else if (path === '/missing') {
      res.writeHead(404, {
        'Content-Type': 'application/json',
        'X-Thing': 'yes',
        'Set-Cookie': ['a=1', 'b=2'],
      });
      res.end('{"errors":[{"errorType":"not_found"}]}');
    } else {
      res.end(`${req.headers['content-type']}|${req.body}`);
    }
  });
  rt = await Runtime.create({ clock: new Clock(AT_MS), scriptSource: SCRIPT });
});
afterAll(async () => {
  await rt.close();
  await server.close();
});

test('an object payload arrives form-encoded, keys in order, undefined values left out', async () => {
  const r = await rt.run('postForm', [`${server.base}/token`]);
  expect(r.ok ? 'ok' : r.error.message).toBe('ok');
  const body = server.received.at(-1)!;
  expect(body.method).toBe('POST');
  expect(body.headers['content-type']).toBe('application/x-www-form-urlencoded');
  expect(body.body).toBe('code=a+b%26c&client_id=id&grant_type=authorization_code');
});

test('a string payload is sent as is with its contentType', async () => {
  const r = await rt.run('postJson', [`${server.base}/json`]);
  expect(r.ok && r.value).toBe('application/json|{"a":1}');
});

test('fetchAll answers in request order although the server answers out of order', async () => {
  const r = await rt.run('getAll', [
    [`${server.base}/slow`, `${server.base}/fast`, `${server.base}/medium`],
  ]);
  expect(r.ok ? r.value : r.error.message).toEqual(['slow', 'fast', 'medium']);
  const paths = server.received.slice(-3).map((x) => x.url);
  expect(paths.sort()).toEqual(['/fast', '/medium', '/slow']);
});

test('with muteHttpExceptions a 404 is returned with its headers', async () => {
  const r = await rt.run('getStatus', [`${server.base}/missing`, true]);
  expect(r.ok && r.value).toEqual([
    404,
    '{"errors":[{"errorType":"not_found"}]}',
    'yes',
    ['a=1', 'b=2'],
  ]);
});

test("without muteHttpExceptions a 404 throws Apps Script's Request failed exception", async () => {
  const r = await rt.run('caught', [`${server.base}/missing`]);
  expect(r.ok && r.value).toEqual([
    'Exception',
    `Request failed for ${server.base} returned code 404. Truncated server response: ` +
      '{"errors":[{"errorType":"not_found"}]} (use muteHttpExceptions option to examine full response)',
    true,
  ]);
  const failed = await rt.run('getStatus', [`${server.base}/missing`, false]);
  expect(failed.ok).toBe(false);
  expect(!failed.ok && failed.error.message).toMatch(
    /^Exception: Request failed for .* returned code 404\./,
  );
});

test('a host other than 127.0.0.1 or the simulated providers fails like an unknown host', async () => {
  const r = await rt.run('caught', ['https://example.com/x']);
  expect(r.ok && r.value).toEqual(['Exception', 'DNS error: https://example.com/x', true]);
});

test('provider hosts are routed to the simulator base, and every request is logged', async () => {
  const routed = await Runtime.create({
    clock: new Clock(AT_MS),
    scriptSource: SCRIPT,
    simulatorBase: server.base,
  });
  try {
    const r = await routed.run('postJson', ['https://api.fitbit.com/oauth2/token']);
    expect(r.ok && r.value).toBe('application/json|{"a":1}');
    expect(server.received.at(-1)!.url).toBe('/api.fitbit.com/oauth2/token');
    expect(routed.fetchLog).toEqual([
      {
        executionId: r.executionId,
        url: 'https://api.fitbit.com/oauth2/token',
        method: 'POST',
        status: 200,
      },
    ]);
  } finally {
    await routed.close();
  }
});

test('a request slower than fetchTimeoutMs throws a timeout', async () => {
  const impatient = await Runtime.create({
    clock: new Clock(AT_MS),
    scriptSource: SCRIPT,
    fetchTimeoutMs: 50,
  });
  try {
    const r = await impatient.run('caught', [`${server.base}/slow`]);
    expect(r.ok && r.value).toEqual(['Exception', `Timeout: ${server.base}/slow`, true]);
  } finally {
    await impatient.close();
  }
});
