// Google's error reasons on the built bundle, each answered by the simulator with Google's real
// body (google.rpc.ErrorInfo): a disabled API stops the sync with the link that enables it and
// keeps the connection; a rate-limit reason pauses the sync for a continuation.
import { userProps } from '../connect/harness';
import {
  dataRequests,
  dataRoute,
  runTriggersUntilIdle,
  startSyncBed,
  syncNow,
  USER,
  type SyncBed,
} from './bed';

let bed: SyncBed;
beforeAll(async () => {
  bed = await startSyncBed('google');
});
afterAll(async () => bed?.close());
beforeEach(() => bed.sim.faults.clear());

const storedToken = () =>
  JSON.parse(userProps(bed)['oauth2.google-health'] ?? 'null') as {
    refresh_token?: string;
  } | null;

it('403 SERVICE_DISABLED: "enable the API" with the project and its link; the connection is kept', async () => {
  const before = storedToken();
  expect(before?.refresh_token).toBeTruthy();
  bed.sim.faults.add({
    ...dataRoute('google'),
    kind: 'google-reason',
    reason: 'SERVICE_DISABLED',
    times: 1000,
  });
  const reply = await syncNow(bed);

  expect(reply.ok).toBe(false);
  // The harness's client id starts with its Cloud project number, as Google's do.
  expect(reply.message).toContain(
    'The Google Health API is not enabled in the Google Cloud project 1234567890',
  );
  expect(reply.message).toContain(
    'https://console.developers.google.com/apis/api/health.googleapis.com/overview?project=1234567890',
  );
  expect(reply.state.sync.problem).toBe(reply.message);
  expect(reply.state.connection.state).toBe('connected');
  expect(storedToken()).toEqual(before);
  // The job waits for the fix instead of being dropped.
  expect(bed.rt.properties.document(bed.spreadsheetId).get('sync.job')).not.toBeNull();

  bed.sim.faults.clear();
  bed.sim.clearLog();
  const after = await syncNow(bed);
  expect(after.ok).toBe(true);
  expect(after.state.sync.problem).toBeNull();
  expect(after.state.sync.lastSync?.days).toBe(30);
  expect(dataRequests(bed).length).toBeGreaterThan(0);
  // No consent was needed.
  expect(bed.sim.requests({ pathPrefix: '/o/oauth2/v2/auth' })).toHaveLength(0);
});

it('RATE_LIMIT_EXCEEDED pauses the sync and a continuation finishes it', async () => {
  bed.sim.faults.add({
    ...dataRoute('google'),
    kind: 'google-reason',
    reason: 'RATE_LIMIT_EXCEEDED',
    atRequest: 3,
  });
  const reply = await syncNow(bed);
  expect(reply.ok).toBe(true);
  expect(reply.state.sync.next).toMatchObject({ kind: 'continuation', reason: 'rate-limit' });
  expect(reply.message).toMatch(/request limit/);
  expect(await runTriggersUntilIdle(bed)).toBe(1);
  expect(bed.rt.properties.document(bed.spreadsheetId).get('sync.job')).toBeNull();
  expect(bed.rt.triggers.list({ user: USER, spreadsheetId: bed.spreadsheetId })).toEqual([]);
});
