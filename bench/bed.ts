// The bench's test bed: one simulator and clock for every run, a local runtime per strategy run,
// and the add-on's own connect flow (setup, authorization URL, consent, /usercallback).
import { join } from 'node:path';
import { Clock } from '../dev/clock';
import { Runtime } from '../dev/runtime/index';
import { Simulator } from '../dev/simulator/index';
import type { ProviderId } from '../src/providers/provider';
import { pageTitle } from '../src/ui/page-style';

export const BENCH_USER = 'user@example.com';
const BUNDLE = join(__dirname, '..', 'build');

/** Bench-only OAuth clients registered in the simulator (not real credentials). */
const CLIENTS = {
  'google-health': {
    clientId: '555000111-benchclient.apps.googleusercontent.com',
    clientSecret: 'GOCSPX-bench-only-secret',
  },
  fitbit: {
    clientId: '23BNCH',
    clientSecret: 'benchonlysecret0123456789abcdef',
    appType: 'server',
  },
} as const;

/** Long enough for the slowest baseline at 0 ms; the bench, not Apps Script, bounds run time. */
const MAX_EXECUTION_MS = 30 * 60_000;

export interface Bed {
  clock: Clock;
  sim: Simulator;
  close(): Promise<void>;
}

/**
 * 2026-11-22 12:00 in Los Angeles (the simulated person's zone): the bench's "today", so its
 * ranges and the simulator's data are the same whatever day the bench runs.
 */
export const BENCH_AT_MS = Date.UTC(2026, 10, 22, 20);

export async function startBed(atMs: number): Promise<Bed> {
  const clock = new Clock(atMs);
  const sim = await Simulator.start({ clock });
  // Limits turned up for every strategy alike so each run finishes; the Fitbit hourly waits are
  // reported as a derived column instead.
  sim.settings.fitbitRateLimitPerHour = 1_000_000_000;
  sim.settings.googleRateLimitPerMinute = 1_000_000_000;
  return { clock, sim, close: () => sim.close() };
}

/** A runtime over the add-on's built bundle, or over a baseline's source. */
export async function newRuntime(
  bed: Bed,
  timeZone: string,
  scriptSource?: string,
): Promise<Runtime> {
  const rt = await Runtime.create({
    timeZone,
    ...(scriptSource === undefined ? { bundleDir: BUNDLE } : { scriptSource, bundleDir: BUNDLE }),
    simulatorBase: bed.sim.url,
    clock: bed.clock,
    oauth2LibrarySrc: process.env.OAUTH2_LIBRARY_SRC || undefined,
    maxExecutionMs: MAX_EXECUTION_MS,
  });
  return rt;
}

/** Runs an add-on entry point as the sidebar would; throws with its message when it fails. */
export async function callAddOn<T>(
  rt: Runtime,
  fn: string,
  args: unknown[] = [],
  spreadsheetId = rt.defaultSpreadsheetId,
): Promise<T> {
  const r = await rt.runFromClient(fn, args, { user: BENCH_USER, spreadsheetId });
  if (!r.ok) throw new Error(`${fn} failed: ${r.error.message}`);
  return r.value as T;
}

/** Connects the add-on in `rt` to the provider through its real flow, as a person would. */
export async function connectAddOn(bed: Bed, rt: Runtime, provider: ProviderId): Promise<void> {
  const simProvider = provider === 'fitbit' ? 'fitbit' : 'google';
  bed.sim.registerClient(simProvider, { ...CLIENTS[provider], redirectUris: [rt.redirectUri()] });
  const saved = await callAddOn<{ ok: boolean }>(rt, 'saveProviderSetup', [
    { provider, ...CLIENTS[provider] },
  ]);
  if (!saved.ok) throw new Error(`saveProviderSetup refused the bench client for ${provider}`);
  const url = await callAddOn<string>(rt, 'getAuthorizationUrl');
  const consent = await bed.sim.consent(url, { user: BENCH_USER });
  if (!consent.code) throw new Error(`consent at ${provider} gave no code (${consent.error})`);
  const page = await rt.usercallback(consent.location, {
    user: BENCH_USER,
    spreadsheetId: rt.defaultSpreadsheetId,
  });
  if (page.status !== 200 || page.title !== pageTitle('Connected'))
    throw new Error(`authorization callback for ${provider} ended with "${page.title}"`);
}

/**
 * The access token the add-on stored (the OAuth2 library's `oauth2.<service>` user property),
 * handed to the baselines as an argument. It stays in memory: never printed.
 */
export function storedAccessToken(rt: Runtime, provider: ProviderId): string {
  const raw = rt.properties.user(BENCH_USER).get(`oauth2.${provider}`);
  const token = raw ? (JSON.parse(raw) as { access_token?: unknown }).access_token : undefined;
  if (typeof token !== 'string') throw new Error(`no stored ${provider} token after connecting`);
  return token;
}
