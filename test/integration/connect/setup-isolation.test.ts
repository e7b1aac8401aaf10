// Nobody can change the OAuth client another person's connection depends on: a second person
// calling every entry point of main.ts, with hostile arguments, leaves the first person's client,
// provider and tokens as they were, and the first person's sync (and token refresh) still works.
// Both providers; the publisher's client, a personal client, and the old shared setup moving over.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstallationSource } from '../../../dev/runtime';
import {
  call,
  connect,
  FITBIT,
  GOOGLE,
  OTHER_USER,
  ROOT,
  setUp,
  startBed,
  state,
  USER,
  userProps,
  type Bed,
  type SetupArgs,
} from './harness';

/** 2026-11-22 12:00 UTC: every test starts its clock here. */
const NOON_UTC = Date.UTC(2026, 10, 22, 12);

/** Clients the second person registered for themselves (a real, working client of their own). */
const THEIRS = {
  google: {
    provider: 'google-health' as const,
    clientId: '999999999999-theirs.apps.googleusercontent.com',
    clientSecret: 'GOCSPX-second-person-secret-0002',
  },
  fitbit: {
    provider: 'fitbit' as const,
    clientId: '99EVIL',
    clientSecret: 'fedcba9876543210fedcba9876543210',
    appType: 'server' as const,
  },
};

type Sim = 'google' | 'fitbit';
const PROVIDERS: { sim: Sim; mine: SetupArgs & { clientSecret: string }; id: string }[] = [
  { sim: 'google', mine: GOOGLE, id: 'google-health' },
  { sim: 'fitbit', mine: FITBIT, id: 'fitbit' },
];

function mainExports(): string[] {
  const src = readFileSync(join(ROOT, 'src', 'main.ts'), 'utf8');
  return [...src.matchAll(/^export function ([A-Za-z0-9_$]+)/gm)].map((m) => m[1]);
}

/** Arguments a hostile caller would pick for each entry point (unknown ones get none). */
function hostileArgs(fn: string, providerId: string): unknown[][] {
  switch (fn) {
    case 'saveProviderSetup':
      // Try to move both providers to the second person's clients, and to blank them.
      return [
        [THEIRS.google],
        [THEIRS.fitbit],
        [{ provider: providerId, clientId: '', clientSecret: '' }],
      ];
    case 'authCallback':
      return [[{ parameter: { serviceName: providerId, code: 'forged-code', state: 'forged' } }]];
    case 'startBackfill':
      return [['2026-11-01']];
    case 'setDailySync':
      return [[true], [false]];
    case 'saveSyncSettings':
      return [[{ metrics: ['steps'], units: 'us' }]];
    default:
      return [[]];
  }
}

/** Setup and token properties of a person, with values: what another person must not change. */
function connectionProps(bed: Bed, user: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(userProps(bed, user)).filter(
      ([k]) => k.startsWith('setup.') || k.startsWith('oauth2.'),
    ),
  );
}

interface Reply {
  ok: boolean;
  message: string;
}

/** The first person's sync after the second person's calls, forcing a token refresh first. */
async function firstPersonStillSyncs(bed: Bed, sim: Sim): Promise<void> {
  bed.sim.expireAccessTokens(USER);
  bed.sim.clearLog();
  const reply = await call<Reply>(bed, 'syncNow');
  expect(reply).toMatchObject({ ok: true });
  const tokenHost = sim === 'google' ? 'oauth2.googleapis.com' : 'api.fitbit.com';
  const refreshes = bed.sim
    .requests({ host: tokenHost, method: 'POST' })
    .filter((r) => /refresh_token/.test(r.body));
  expect(refreshes.map((r) => r.status)).toEqual([200]);
  const s = await state(bed);
  expect(s.connection.state).toBe('connected');
}

async function secondPersonCallsEverything(bed: Bed, providerId: string): Promise<string[]> {
  const called: string[] = [];
  for (const fn of mainExports())
    for (const args of hostileArgs(fn, providerId)) {
      await bed.rt.runFromClient(fn, args, {
        user: OTHER_USER,
        spreadsheetId: bed.rt.defaultSpreadsheetId,
      });
      called.push(fn);
    }
  return called;
}

async function bedAt(installationSource: InstallationSource): Promise<Bed> {
  const bed = await startBed({ atMs: NOON_UTC });
  bed.rt.installationSource = installationSource;
  bed.sim.registerClient('google', { ...THEIRS.google, redirectUris: [bed.rt.redirectUri()] });
  bed.sim.registerClient('fitbit', { ...THEIRS.fitbit, redirectUris: [bed.rt.redirectUri()] });
  return bed;
}

describe.each(PROVIDERS)('$id', ({ sim, mine, id }) => {
  const theirs = THEIRS[sim];

  describe.each<InstallationSource>(['WEB_STORE_ADD_ON', 'NONE'])(
    "personal clients (installation source %s): the second person's calls touch only their own",
    (source) => {
      let bed: Bed;
      beforeAll(async () => {
        bed = await bedAt(source);
      });
      afterAll(async () => bed?.close());

      it('leaves the first person’s client, provider and tokens, and their sync works', async () => {
        await setUp(bed, mine);
        expect((await connect(bed)).page.title).toMatch(/^Connected/);
        expect(await call<Reply>(bed, 'syncNow')).toMatchObject({ ok: true });
        // The second person has a working connection with a client of their own.
        await setUp(bed, theirs, OTHER_USER);
        expect((await connect(bed, { user: OTHER_USER })).page.title).toMatch(/^Connected/);

        const before = connectionProps(bed, USER);
        expect(Object.keys(before)).toEqual(
          expect.arrayContaining(['setup.provider', `setup.${id}.clientSecret`, `oauth2.${id}`]),
        );
        const called = await secondPersonCallsEverything(bed, id);
        expect(new Set(called)).toEqual(new Set(mainExports()));

        expect(connectionProps(bed, USER)).toEqual(before);
        expect(bed.rt.properties.script.all()).toEqual({});
        const s = await state(bed);
        expect(s.providers.find((p) => p.id === id)?.clientId).toBe(mine.clientId);
        await firstPersonStillSyncs(bed, sim);
      });
    },
  );

  describe("the publisher's client", () => {
    let bed: Bed;
    beforeAll(async () => {
      bed = await bedAt('WEB_STORE_ADD_ON');
      const script = bed.rt.properties.script;
      script.set('PUBLISHER_PROVIDER', id);
      script.set('PUBLISHER_CLIENT_ID', mine.clientId);
      script.set('PUBLISHER_CLIENT_SECRET', mine.clientSecret);
      if (id === 'fitbit') script.set('PUBLISHER_FITBIT_APP_TYPE', 'server');
    });
    afterAll(async () => bed?.close());

    it('shows no setup, refuses every change, and the first person keeps syncing', async () => {
      const s0 = await state(bed);
      expect(s0).toMatchObject({ setupMode: 'publisher', providers: [], chosenProvider: id });
      expect(s0.connection.state).toBe('not-connected');
      // Before Authorize: what is read, what for, and that it goes only to this spreadsheet.
      expect(s0.disclosure.points.join(' ')).toMatch(/steps.*this spreadsheet/s);
      expect(JSON.stringify(s0)).not.toContain(mine.clientSecret);
      expect((await connect(bed)).page.title).toMatch(/^Connected/);
      expect(await call<Reply>(bed, 'syncNow')).toMatchObject({ ok: true });

      const refused = await call<{ ok: boolean; errors?: { provider?: string } }>(
        bed,
        'saveProviderSetup',
        [theirs],
        OTHER_USER,
      );
      expect(refused.ok).toBe(false);
      expect(refused.errors?.provider).toMatch(/publisher/);

      const script = bed.rt.properties.script.all();
      const before = connectionProps(bed, USER);
      await secondPersonCallsEverything(bed, id);
      expect(bed.rt.properties.script.all()).toEqual(script);
      expect(connectionProps(bed, USER)).toEqual(before);
      expect(Object.keys(connectionProps(bed, OTHER_USER))).toEqual([]);
      await firstPersonStillSyncs(bed, sim);
    });
  });

  describe('the shared setup of older versions', () => {
    let bed: Bed;
    beforeAll(async () => {
      bed = await bedAt('WEB_STORE_ADD_ON');
    });
    afterAll(async () => bed?.close());

    it('moves to the person who connected with it; nobody else gets it', async () => {
      // Connect, then put the setup where older versions kept it: script properties, shared.
      await setUp(bed, mine);
      expect((await connect(bed)).page.title).toMatch(/^Connected/);
      const legacy = Object.entries(userProps(bed, USER)).filter(([k]) => k.startsWith('setup.'));
      for (const [k, v] of legacy) {
        bed.rt.properties.script.set(k, v);
        bed.rt.properties.user(USER).delete(k);
      }
      const script = bed.rt.properties.script.all();

      // The second person, who never connected with it, is not given it: they see no setup...
      const theirState = await state(bed, OTHER_USER);
      expect(theirState.providers.find((p) => p.id === id)).toMatchObject({
        clientId: '',
        secretSet: false,
      });
      expect(Object.keys(userProps(bed, OTHER_USER)).filter((k) => k.startsWith('setup.'))).toEqual(
        [],
      );
      // ...and after calling everything (saving clients of their own) holds none of its values.
      await secondPersonCallsEverything(bed, id);
      const legacyValues = new Set(legacy.map(([, v]) => v).filter((v) => v.length > 8));
      expect(Object.values(userProps(bed, OTHER_USER)).filter((v) => legacyValues.has(v))).toEqual(
        [],
      );
      expect(bed.rt.properties.script.all()).toEqual(script);

      // The first person's next run (here the daily trigger's, no sidebar) adopts it and syncs.
      const run = await bed.rt.run('runScheduledSync', [{}], {
        user: USER,
        spreadsheetId: bed.rt.defaultSpreadsheetId,
      });
      expect(run.ok).toBe(true);
      expect(Object.fromEntries(legacy)).toEqual(
        Object.fromEntries(
          Object.entries(userProps(bed, USER)).filter(([k]) => k.startsWith('setup.')),
        ),
      );
      const s = await state(bed);
      expect(s).toMatchObject({ setupMode: 'personal', chosenProvider: id });
      await firstPersonStillSyncs(bed, sim);
    });
  });
});
