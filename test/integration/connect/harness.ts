// Shared set-up for the connect integration tests: the built bundle on the local runtime, the
// provider simulator over real HTTP on 127.0.0.1, one shared clock, registered clients.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime/index';
import { Simulator } from '../../../dev/simulator/index';

export const ROOT = join(__dirname, '..', '..', '..');
export const BUNDLE = join(ROOT, 'build');

export const GOOGLE = {
  provider: 'google-health' as const,
  clientId: '1234567890-abc123def456.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-integration-secret-0001',
};
export const FITBIT = {
  provider: 'fitbit' as const,
  clientId: '23ABCD',
  clientSecret: '0123456789abcdef0123456789abcdef',
  appType: 'server' as const,
};
export const USER = 'user@example.com';
export const OTHER_USER = 'other@example.com';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** `npm test` builds first; a direct `npx jest` run builds here when src/ is newer. */
export function ensureBuilt(): void {
  const code = join(BUNDLE, 'Code.js');
  const stale =
    !existsSync(code) ||
    statSync(code).mtimeMs <
      Math.max(newestMtime(join(ROOT, 'src')), statSync(join(ROOT, 'esbuild.config.mjs')).mtimeMs);
  if (stale)
    execFileSync(process.execPath, [join(ROOT, 'esbuild.config.mjs')], {
      cwd: ROOT,
      stdio: 'pipe',
    });
}

export interface Bed {
  clock: Clock;
  sim: Simulator;
  rt: Runtime;
  close(): Promise<void>;
}

/** 2026-11-22 12:00 UTC: where the connect beds' clock starts unless a test names another. */
export const CONNECT_AT_MS = Date.UTC(2026, 10, 22, 12);

/**
 * A simulator and a runtime on one clock started at `atMs`. If anything after the simulator's
 * start throws, what was started is closed before the error goes on (nothing keeps jest alive).
 */
export async function startBed(opts: { atMs?: number } = {}): Promise<Bed> {
  ensureBuilt();
  const clock = new Clock(opts.atMs ?? CONNECT_AT_MS);
  const sim = await Simulator.start({ clock });
  return closingOnFailure(sim.close.bind(sim), async () => {
    const rt = await Runtime.create({
      bundleDir: BUNDLE,
      simulatorBase: sim.url,
      clock,
      oauth2LibrarySrc: process.env.OAUTH2_LIBRARY_SRC || undefined,
    });
    sim.registerClient('google', { ...GOOGLE, redirectUris: [rt.redirectUri()] });
    sim.registerClient('fitbit', { ...FITBIT, redirectUris: [rt.redirectUri()] });
    sim.addUser({ email: OTHER_USER });
    return {
      clock,
      sim,
      rt,
      async close() {
        await rt.close();
        await sim.close();
      },
    };
  });
}

/**
 * Runs the rest of a start; if it throws, calls `close` (for what was started so far) and
 * rethrows the start's error.
 */
export async function closingOnFailure<T>(
  close: () => Promise<void>,
  rest: () => Promise<T>,
): Promise<T> {
  try {
    return await rest();
  } catch (e) {
    await close().catch(() => {
      // The start's error is the one worth reporting; closing is best effort on this path.
    });
    throw e;
  }
}

/** Runs an entry point as google.script.run would; throws with the message when it fails. */
export async function call<T>(bed: Bed, fn: string, args: unknown[] = [], user = USER): Promise<T> {
  const r = await bed.rt.runFromClient(fn, args, {
    user,
    spreadsheetId: bed.rt.defaultSpreadsheetId,
  });
  if (!r.ok) throw new Error(`${fn} failed: ${r.error.message}`);
  return r.value as T;
}

export interface SidebarStateView {
  setupMode: 'publisher' | 'personal';
  disclosure: { heading: string; points: string[] };
  chosenProvider: string | null;
  redirectUri: string;
  providers: { id: string; secretSet: boolean; clientId: string; recommended: boolean }[];
  connection: {
    state: string;
    accountId: string | null;
    accountLabel: string | null;
    grantedScopes: string[];
    missingScopes: string[];
    message: string;
    signUpUrl: string | null;
    offerGoogleHealth: boolean;
  };
}

export const state = (bed: Bed, user = USER) =>
  call<SidebarStateView>(bed, 'getSidebarState', [], user);

export interface SetupArgs {
  provider: 'fitbit' | 'google-health';
  clientId: string;
  clientSecret?: string;
  appType?: 'server' | 'client' | 'personal';
}

/** Saves the person's own client from the sidebar (personal mode: their user properties). */
export async function setUp(bed: Bed, setup: SetupArgs, user = USER): Promise<void> {
  const r = await call<{ ok: boolean }>(bed, 'saveProviderSetup', [setup], user);
  if (!r.ok) throw new Error(`setup refused: ${JSON.stringify(r)}`);
}

/** Authorize URL -> simulated consent -> Apps Script's /usercallback -> the add-on's page. */
export async function connect(
  bed: Bed,
  opts: {
    user?: string;
    scopes?: string[] | 'all';
    deny?: boolean;
    beforeCallback?: () => void;
  } = {},
) {
  const user = opts.user ?? USER;
  const url = await call<string>(bed, 'getAuthorizationUrl', [], user);
  const consent = await bed.sim.consent(url, { user, scopes: opts.scopes, deny: opts.deny });
  opts.beforeCallback?.();
  const page = await bed.rt.usercallback(consent.location, { user });
  return { url, consent, page };
}

/** Keys of one user's properties (values are never printed by tests). */
export const userProps = (bed: Bed, user = USER) =>
  bed.rt.properties.user(user).all() as Record<string, string>;

export const tokenOf = (
  bed: Bed,
  provider: string,
  user = USER,
): Record<string, unknown> | null => {
  const raw = userProps(bed, user)[`oauth2.${provider}`];
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
};
