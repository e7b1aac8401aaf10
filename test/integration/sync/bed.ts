// Shared set-up for the sync integration tests: the built bundle on the local runtime, the
// simulator over real HTTP, a connected account, and helpers that read the data sheet back.
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime/index';
import { Simulator } from '../../../dev/simulator/index';
import {
  BUNDLE,
  closingOnFailure,
  connect,
  ensureBuilt,
  FITBIT,
  GOOGLE,
  type Bed,
} from '../connect/harness';

export const USER = 'user@example.com';
/** 2026-11-22 12:00 UTC: "today" of the brief. */
export const NOON_UTC = Date.UTC(2026, 10, 22, 12);

export type ProviderKey = 'google' | 'fitbit';

export interface SyncBed extends Bed {
  provider: ProviderKey;
  spreadsheetId: string;
  metrics?: string[];
  timeZone: string;
}

/** A fresh runtime and simulator per test file; the clock starts at `atMs` (default NOON_UTC). */
export async function startSyncBed(
  provider: ProviderKey,
  opts: {
    timeZone?: string;
    atMs?: number;
    scopes?: string[] | 'all';
    metrics?: string[];
    /** How long UrlFetchApp waits for an answer (Apps Script: about 60 s). */
    fetchTimeoutMs?: number;
  } = {},
): Promise<SyncBed> {
  ensureBuilt();
  const clock = new Clock(opts.atMs ?? NOON_UTC);
  const timeZone = opts.timeZone ?? 'America/Los_Angeles';
  const sim = await Simulator.start({ clock });
  return closingOnFailure(sim.close.bind(sim), () =>
    finishSyncBed(provider, opts, clock, timeZone, sim),
  );
}

/** The rest of startSyncBed once the simulator listens: runtime, setup and connection. */
async function finishSyncBed(
  provider: ProviderKey,
  opts: NonNullable<Parameters<typeof startSyncBed>[1]>,
  clock: Clock,
  timeZone: string,
  sim: Simulator,
): Promise<SyncBed> {
  sim.addUser({ email: 'zoned@example.com', timeZone });
  const rt = await Runtime.create({
    bundleDir: BUNDLE,
    simulatorBase: sim.url,
    clock,
    timeZone,
    oauth2LibrarySrc: process.env.OAUTH2_LIBRARY_SRC || undefined,
    fetchTimeoutMs: opts.fetchTimeoutMs,
  });
  sim.registerClient('google', { ...GOOGLE, redirectUris: [rt.redirectUri()] });
  sim.registerClient('fitbit', { ...FITBIT, redirectUris: [rt.redirectUri()] });
  // The default simulated user lives in America/Los_Angeles; match the spreadsheet's zone.
  (sim.users.get(USER) as { timeZone: string }).timeZone = timeZone;
  const bed: SyncBed = {
    clock,
    sim,
    rt,
    provider,
    spreadsheetId: rt.defaultSpreadsheetId,
    metrics: opts.metrics,
    timeZone,
    async close() {
      await rt.close();
      await sim.close();
    },
  };
  // From here the runtime is up too: a failing step closes both (their workers included).
  return closingOnFailure(rt.close.bind(rt), async () => {
    await ok(bed, 'saveProviderSetup', [provider === 'google' ? GOOGLE : FITBIT]);
    if (opts.metrics)
      await ok(bed, 'saveSyncSettings', [{ metrics: opts.metrics, units: 'metric' }]);
    const { page } = await connect(bed, { scopes: opts.scopes });
    if (!/^Connected/.test(page.title)) throw new Error(`connect failed: ${page.title}`);
    sim.clearLog();
    return bed;
  });
}

/** Runs an entry point from the sidebar; throws with the execution's message when it fails. */
export async function ok<T = unknown>(
  bed: Bed & { spreadsheetId?: string },
  fn: string,
  args: unknown[] = [],
): Promise<T> {
  const r = await bed.rt.runFromClient(fn, args, {
    user: USER,
    spreadsheetId: bed.spreadsheetId ?? bed.rt.defaultSpreadsheetId,
  });
  if (!r.ok) throw new Error(`${fn} failed: ${r.error.message}`);
  return r.value as T;
}

export interface SyncReply {
  ok: boolean;
  message: string;
  state: {
    sync: {
      progress: { daysDone: number; daysTotal: number } | null;
      next: { kind: string; atMs?: number; reason?: string } | null;
      problem: string | null;
      notes: string[];
      lastSync: { days: number } | null;
      lastSyncedDate: string | null;
      daily: boolean;
      hint: string | null;
    };
    connection: { state: string };
  };
}

export const syncNow = (bed: Bed) => ok<SyncReply>(bed, 'syncNow');
export const backfill = (bed: Bed, start: string) => ok<SyncReply>(bed, 'startBackfill', [start]);

/** The stored data sheet id of the document. */
export function dataSheetId(bed: SyncBed): number {
  const raw = bed.rt.properties.document(bed.spreadsheetId).get('sync.sheetId');
  if (raw === null) throw new Error('no data sheet yet');
  return Number(raw);
}

/** The data sheet's values with dates as yyyy-MM-dd in the spreadsheet's zone. */
export function sheetRows(bed: SyncBed): unknown[][] {
  const model = bed.rt.sheets.get(bed.spreadsheetId);
  const values = model.sheet(dataSheetId(bed)).values() as unknown[][];
  const tz = model.timeZone;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: tz });
  return values.map((row) =>
    row.map((v) =>
      v instanceof Date || Object.prototype.toString.call(v) === '[object Date]'
        ? day.format(v as Date)
        : v,
    ),
  );
}

/** Fires every due trigger until none is due, advancing the clock to each pending one. */
export async function runTriggersUntilIdle(bed: SyncBed, maxRounds = 20): Promise<number> {
  let fired = 0;
  for (let i = 0; i < maxRounds; i++) {
    const pending = bed.rt.triggers
      .list({ user: USER })
      .filter((t) => t.oneOff && t.nextRunAt !== null);
    if (pending.length === 0) return fired;
    const at = Math.min(...pending.map((t) => t.nextRunAt as number));
    if (at > bed.clock.now()) bed.clock.advance(at - bed.clock.now());
    const results = await bed.rt.triggers.fireDue();
    fired += results.length;
    for (const r of results) if (!r.ok) throw new Error(`trigger failed: ${r.error.message}`);
  }
  throw new Error('triggers never settled');
}

/** A new, empty spreadsheet in the bed's zone; the helpers then work on it. */
export async function useNewSpreadsheet(bed: SyncBed): Promise<string> {
  bed.spreadsheetId = bed.rt.sheets.createSpreadsheet('Another', bed.timeZone);
  if (bed.metrics) await ok(bed, 'saveSyncSettings', [{ metrics: bed.metrics, units: 'metric' }]);
  return bed.spreadsheetId;
}

/** The local date of the clock's instant in a zone. */
export function localDate(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(ms));
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Where the provider's data requests go (not OAuth or identity): also a fault's target. */
export function dataRoute(provider: ProviderKey): { host: string; pathPrefix: string } {
  return provider === 'google'
    ? { host: 'health.googleapis.com', pathPrefix: '/v4/users/me/dataTypes' }
    : { host: 'api.fitbit.com', pathPrefix: '/1/user/' };
}

/** Data requests the simulator served (not OAuth or identity). */
export function dataRequests(bed: SyncBed) {
  return bed.sim.requests(dataRoute(bed.provider));
}

/** Rows without today's numbers: today is partial and its values move with the minute. */
export function settledRows(rows: unknown[][], today: string): unknown[][] {
  return rows.map((r) => (r[0] === today ? [r[0]] : r));
}

/** Los Angeles at 00:30 on 2026-11-22: scenarios advance the clock by hours and stay on one day. */
export const LA_ZONE = 'America/Los_Angeles';
export const LA_EARLY_MS = Date.UTC(2026, 10, 22, 8, 30);

export interface ReferenceBackfill {
  bed: SyncBed;
  today: string;
  start: string;
  /** The uninterrupted result, today's partial numbers left out. */
  reference: unknown[][];
  /** Data requests the uninterrupted backfill made: its whole plan. */
  planSize: number;
}

/**
 * A bed in Los Angeles early in the day, with an uninterrupted backfill of `days` days on a fresh
 * spreadsheet: what every interrupted scenario must end equal to.
 */
export async function startWithReferenceBackfill(
  provider: ProviderKey,
  days: number,
  opts: Omit<Parameters<typeof startSyncBed>[1], 'timeZone' | 'atMs'> = {},
): Promise<ReferenceBackfill> {
  const bed = await startSyncBed(provider, { ...opts, timeZone: LA_ZONE, atMs: LA_EARLY_MS });
  return closingOnFailure(bed.close.bind(bed), async () => {
    const today = localDate(bed.clock.now(), LA_ZONE);
    const start = addDays(today, -(days - 1));
    await useNewSpreadsheet(bed);
    const reply = await backfill(bed, start);
    if (reply.state.sync.lastSync?.days !== days)
      throw new Error(
        `reference backfill wrote ${reply.state.sync.lastSync?.days} days, not ${days}`,
      );
    return {
      bed,
      today,
      start,
      reference: settledRows(sheetRows(bed), today),
      planSize: dataRequests(bed).length,
    };
  });
}

/**
 * Registers the reference backfill around a describe block: its fields are filled by the
 * beforeAll it adds, and its bed is closed by the afterAll.
 */
export function useReferenceBackfill(
  provider: ProviderKey,
  days: number,
  opts: Parameters<typeof startWithReferenceBackfill>[2] = {},
): ReferenceBackfill {
  const ref = {} as ReferenceBackfill;
  beforeAll(async () => {
    Object.assign(ref, await startWithReferenceBackfill(provider, days, opts));
  });
  afterAll(async () => ref.bed?.close());
  return ref;
}

/**
 * A slow provider on the shared clock: every data request moves it 30 s before it is answered. The
 * worker's Date follows the clock at every RPC answer, so a fetchAll of 30 requests lasts 15
 * minutes for the time budget, well past the 6-minute limit.
 */
export async function slowRun<T>(bed: SyncBed, run: () => Promise<T>): Promise<T> {
  // Counted per request, not by a real-time timer: a timer advancing the clock while requests
  // waited made a loaded machine's batches last hours, and Fitbit's 8-hour tokens expired in them.
  bed.sim.settings.slowRoute = { ...dataRoute(bed.provider), clockMs: 30_000 };
  try {
    return await run();
  } finally {
    bed.sim.settings.slowRoute = null;
  }
}
