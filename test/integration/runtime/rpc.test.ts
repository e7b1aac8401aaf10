// The synchronous RPC between an execution's worker and the host: a wake-up of the waiting worker
// that does not carry its answer never makes it lose the reply.
import { setTimeout as delay } from 'node:timers/promises';
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime';
import { startServer } from './local-server';

const SCRIPT = `
function readThenFetch(url) {
  PropertiesService.getScriptProperties().getProperty('warm-up');
  return UrlFetchApp.fetch(url).getContentText();
}
`;

/** Extra notifies sent on the execution's signal while the host holds the fetch. */
const STRAY_WAKE_UPS = 40;

let rt: Runtime;
let server: Awaited<ReturnType<typeof startServer>>;
let signal: Int32Array | null = null;
let wokenByStrays = 0;

beforeAll(async () => {
  // The host notifies the worker after each answer; the first one (for getProperty) tells the
  // test which slot the worker sleeps on.
  const notify = Atomics.notify.bind(Atomics);
  jest.spyOn(Atomics, 'notify').mockImplementation((array, index, count) => {
    if (array instanceof Int32Array) signal ??= array;
    return notify(array, index, count);
  });
  server = await startServer((_req, res) => {
    // While the fetch is pending, wake the worker as the previous answer's notify does when the
    // host thread is descheduled between storing that answer and notifying it: the worker has
    // already read the answer and now sleeps on the next call, which nothing has answered yet.
    void (async () => {
      for (let i = 0; i < STRAY_WAKE_UPS; i++) {
        if (signal) wokenByStrays += notify(signal, 0);
        await delay(2);
      }
      res.end('held reply');
    })();
  });
  rt = await Runtime.create({ clock: new Clock(Date.UTC(2026, 10, 22, 12)), scriptSource: SCRIPT });
});

afterAll(async () => {
  jest.restoreAllMocks();
  await rt.close();
  await server.close();
});

test('a wake-up that is not the answer (a late notify of the previous call) does not lose the reply', async () => {
  const r = await rt.run('readThenFetch', [`${server.base}/held`]);
  expect(r.ok ? r.value : r.error.message).toBe('held reply');
  // The stray notifies did reach the sleeping worker: the test exercised the race.
  expect(wokenByStrays).toBeGreaterThan(0);
  expect(rt.counters.rpcByService).toMatchObject({ properties: 1, urlfetch: 1 });
});
