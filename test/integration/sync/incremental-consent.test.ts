// Incremental authorization on the built bundle with Google Health: a person connected for
// activity who adds a metric needing another permission is asked for that permission alone
// (include_granted_scopes=true), keeps syncing activity meanwhile, and afterwards holds one grant
// covering both; a permission left unticked leaves its columns out with a note naming them.
import { ok, sheetRows, startSyncBed, syncNow, useNewSpreadsheet, USER, type SyncBed } from './bed';

const G = 'https://www.googleapis.com/auth/googlehealth.';
const ACTIVITY = `${G}activity_and_fitness.readonly`;
const NUTRITION = `${G}nutrition.readonly`;
const SLEEP = `${G}sleep.readonly`;

/** Authorize from this spreadsheet's sidebar -> simulated consent -> the add-on's callback page. */
async function connect(bed: SyncBed, opts: { scopes?: string[] } = {}) {
  const url = await ok<string>(bed, 'getAuthorizationUrl');
  const consent = await bed.sim.consent(url, { user: USER, scopes: opts.scopes });
  const page = await bed.rt.usercallback(consent.location, { user: USER });
  return { url, page };
}

/** The scopes the stored Google token says it covers (the token endpoint's `scope`). */
function tokenScopes(bed: SyncBed): string[] {
  const raw = bed.rt.properties.user(USER).get('oauth2.google-health');
  const token = JSON.parse(raw ?? '{}') as { scope?: string };
  return (token.scope ?? '').split(' ').filter(Boolean).sort();
}

describe('google: adding a metric whose permission is not granted yet', () => {
  let bed: SyncBed;
  beforeAll(async () => {
    bed = await startSyncBed('google', { metrics: ['steps'] });
  });
  afterAll(async () => bed?.close());

  it('asks for the new permission alone, keeps activity flowing, then holds both', async () => {
    expect(tokenScopes(bed)).toEqual([ACTIVITY]);
    await ok(bed, 'saveSyncSettings', [{ metrics: ['steps', 'water'], units: 'metric' }]);
    bed.metrics = ['steps', 'water'];

    // Before the new consent: activity syncs, water is left out with the note naming it.
    const before = await syncNow(bed);
    expect(before.ok).toBe(true);
    expect(sheetRows(bed)[0]).toEqual(['Date', 'Steps']);
    expect(before.state.sync.notes).toEqual([expect.stringContaining('Water')]);

    // The consent URL names the nutrition scope alone, with include_granted_scopes=true.
    const { url, page } = await connect(bed);
    const q = new URL(url).searchParams;
    expect(q.get('scope')).toBe(NUTRITION);
    expect(q.get('include_granted_scopes')).toBe('true');
    expect(q.get('access_type')).toBe('offline');
    expect(page.title).toMatch(/^Connected/);
    // The new token covers the union: what was granted before and the new permission.
    expect(tokenScopes(bed)).toEqual([ACTIVITY, NUTRITION].sort());

    await useNewSpreadsheet(bed);
    bed.sim.clearLog();
    const after = await syncNow(bed);
    expect(after.ok).toBe(true);
    expect(after.state.sync.notes).toEqual([]);
    expect(sheetRows(bed)[0]).toEqual(['Date', 'Steps', 'Water (mL)']);
    const types = new Set(
      bed.sim
        .requests({ host: 'health.googleapis.com', pathPrefix: '/v4/users/me/dataTypes' })
        .map((r) => /dataTypes\/([^/:]+)/.exec(r.path)![1]),
    );
    expect([...types].sort()).toEqual(['hydration-log', 'steps']);
  });

  it('adding Sleep asks for the sleep scope alone and activity keeps syncing', async () => {
    await ok(bed, 'saveSyncSettings', [
      { metrics: ['steps', 'water', 'sleepAsleep'], units: 'metric' },
    ]);
    bed.metrics = ['steps', 'water', 'sleepAsleep'];
    const { url } = await connect(bed);
    expect(new URL(url).searchParams.get('scope')).toBe(SLEEP);
    expect(tokenScopes(bed)).toEqual([ACTIVITY, NUTRITION, SLEEP].sort());
    await useNewSpreadsheet(bed);
    const reply = await syncNow(bed);
    expect(reply.ok).toBe(true);
    expect(reply.state.sync.notes).toEqual([]);
    expect(sheetRows(bed)[0]).toEqual(
      expect.arrayContaining(['Steps', 'Water (mL)', 'Time asleep (min)']),
    );
  });

  it('a new permission left unticked at consent leaves its columns out, with the note, and the rest syncs', async () => {
    await ok(bed, 'saveSyncSettings', [
      { metrics: ['steps', 'water', 'sleepAsleep', 'restingHeartRate'], units: 'metric' },
    ]);
    bed.metrics = ['steps', 'water', 'sleepAsleep', 'restingHeartRate'];
    const { url, page } = await connect(bed, { scopes: [] });
    expect(new URL(url).searchParams.get('scope')).toBe(
      `${G}health_metrics_and_measurements.readonly`,
    );
    // Nothing new ticked: Google keeps the earlier grant, the callback names what is missing.
    expect(page.title).toMatch(/^Connected/);
    expect(tokenScopes(bed)).toEqual([ACTIVITY, NUTRITION, SLEEP].sort());
    await useNewSpreadsheet(bed);
    const reply = await syncNow(bed);
    expect(reply.ok).toBe(true);
    expect(sheetRows(bed)[0]).not.toContain('Resting heart rate (bpm)');
    expect(sheetRows(bed)[0]).toEqual(expect.arrayContaining(['Steps', 'Water (mL)']));
    expect(reply.state.sync.notes).toEqual([expect.stringContaining('Resting heart rate')]);
  });
});
