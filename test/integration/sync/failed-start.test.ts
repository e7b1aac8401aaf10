// A bed whose start fails part-way closes what it had started: the simulator's port refuses
// connections afterwards and no server or worker is left to keep jest from exiting.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Simulator } from '../../../dev/simulator/index';
import { startBed } from '../connect/harness';
import { startSyncBed } from './bed';

let libraryDir: string;
const savedSrc = process.env.OAUTH2_LIBRARY_SRC;

beforeAll(() => {
  // An OAuth2 library that throws on load: every execution of the add-on fails from its start.
  libraryDir = mkdtempSync(join(tmpdir(), 'oauth2-throws-'));
  writeFileSync(join(libraryDir, 'OAuth2.js'), 'throw new Error("library broken on purpose");\n');
});
afterAll(() => rmSync(libraryDir, { recursive: true, force: true }));
afterEach(() => {
  if (savedSrc === undefined) delete process.env.OAUTH2_LIBRARY_SRC;
  else process.env.OAUTH2_LIBRARY_SRC = savedSrc;
  jest.restoreAllMocks();
});

/** Records every simulator started while `run` runs. */
async function simulatorsStartedBy(run: () => Promise<unknown>): Promise<Simulator[]> {
  const started: Simulator[] = [];
  const real = Simulator.start.bind(Simulator);
  jest.spyOn(Simulator, 'start').mockImplementation(async (opts) => {
    const sim = await real(opts);
    started.push(sim);
    return sim;
  });
  await run();
  return started;
}

const listeningServers = () =>
  process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;

async function refusesConnections(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return false;
  } catch (e) {
    return /ECONNREFUSED/.test(String((e as { cause?: unknown }).cause ?? e));
  }
}

test('a sync bed whose setup fails closes its simulator and runtime before rethrowing', async () => {
  process.env.OAUTH2_LIBRARY_SRC = libraryDir;
  const serversBefore = listeningServers();
  let failure: unknown = null;
  const sims = await simulatorsStartedBy(() =>
    startSyncBed('fitbit', { atMs: Date.UTC(2026, 10, 22, 12) }).catch((e: unknown) => {
      failure = e;
    }),
  );
  expect(String(failure)).toMatch(/saveProviderSetup failed: .*library broken on purpose/);
  expect(sims).toHaveLength(1);
  expect(await refusesConnections(sims[0].url)).toBe(true);
  expect(listeningServers()).toBeLessThanOrEqual(serversBefore);
});

test('a connect bed whose runtime cannot start closes the simulator it had started', async () => {
  const serversBefore = listeningServers();
  // The runtime's start fails after the simulator is already listening.
  const { Runtime } = await import('../../../dev/runtime/index');
  jest.spyOn(Runtime, 'create').mockRejectedValue(new Error('runtime start failed on purpose'));
  let failure: unknown = null;
  const sims = await simulatorsStartedBy(() =>
    startBed({ atMs: Date.UTC(2026, 10, 22, 12) }).catch((e: unknown) => {
      failure = e;
    }),
  );
  expect(String(failure)).toMatch(/runtime start failed on purpose/);
  expect(sims).toHaveLength(1);
  expect(await refusesConnections(sims[0].url)).toBe(true);
  expect(listeningServers()).toBeLessThanOrEqual(serversBefore);
});
