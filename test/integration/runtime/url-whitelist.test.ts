// The manifest's urlFetchWhitelist as the local runtime enforces it, like Apps Script: a URL
// outside every prefix throws before anything is sent; one inside goes out as usual.
import { Clock } from '../../../dev/clock';
import { Runtime } from '../../../dev/runtime';
import {
  isWhitelisted,
  whitelistEntryProblem,
  whitelistOf,
} from '../../../dev/runtime/url-whitelist';
import { Simulator } from '../../../dev/simulator';

/** 2026-11-22 12:00 UTC: the instant this file's runtime and simulator start at. */
const AT_MS = Date.UTC(2026, 10, 22, 12);

const SCRIPT = `
function fetchStatus(url) {
  try {
    return UrlFetchApp.fetch(url, { method: 'post', muteHttpExceptions: true }).getResponseCode();
  } catch (e) { return String(e); }
}
function fetchBoth(a, b) {
  try { UrlFetchApp.fetchAll([{ url: a, muteHttpExceptions: true }, { url: b, muteHttpExceptions: true }]); return 'sent'; }
  catch (e) { return String(e); }
}
`;

describe('prefix rules', () => {
  it('accepts https prefixes with a full domain, a path and at most a leading "*."', () => {
    for (const ok of ['https://api.fitbit.com/', 'https://*.googleapis.com/v4/', 'https://a.b.c/x'])
      expect(whitelistEntryProblem(ok)).toBeNull();
    for (const bad of [
      'http://api.fitbit.com/',
      'https://api.fitbit.com',
      'https://localhost/',
      'https://api.*.com/',
      'https://**.fitbit.com/',
      '*',
    ])
      expect(whitelistEntryProblem(bad)).not.toBeNull();
    expect(() => whitelistOf({ urlFetchWhitelist: ['https://api.fitbit.com'] })).toThrow(
      /urlFetchWhitelist entry "https:\/\/api.fitbit.com" needs a full domain and a path/,
    );
    expect(whitelistOf({})).toBeNull();
  });

  it('matches by prefix, the host exactly or as a subdomain of a wildcard', () => {
    const list = ['https://api.fitbit.com/oauth2/', 'https://*.googleapis.com/'];
    expect(isWhitelisted('https://api.fitbit.com/oauth2/token', list)).toBe(true);
    expect(isWhitelisted('https://API.fitbit.com/oauth2/revoke', list)).toBe(true);
    expect(isWhitelisted('https://api.fitbit.com/1/user/-/x.json', list)).toBe(false);
    expect(isWhitelisted('https://api.fitbit.com.evil.example/oauth2/', list)).toBe(false);
    expect(isWhitelisted('http://api.fitbit.com/oauth2/token', list)).toBe(false);
    expect(isWhitelisted('https://health.googleapis.com/v4/users/me', list)).toBe(true);
    expect(isWhitelisted('https://googleapis.com/', list)).toBe(false);
    expect(isWhitelisted('https://anything.example/', null)).toBe(true);
  });
});

describe('UrlFetchApp with a whitelist in the manifest', () => {
  let sim: Simulator;
  let rt: Runtime;
  beforeAll(async () => {
    const clock = new Clock(AT_MS);
    sim = await Simulator.start({ clock });
    rt = await Runtime.create({
      clock,
      scriptSource: SCRIPT,
      simulatorBase: sim.url,
      manifest: { urlFetchWhitelist: ['https://api.fitbit.com/oauth2/'] },
    });
  });
  afterAll(async () => {
    await rt?.close();
    await sim?.close();
  });
  beforeEach(() => sim.clearLog());

  it('a URL on the list is fetched', async () => {
    const r = await rt.run('fetchStatus', ['https://api.fitbit.com/oauth2/revoke']);
    expect(r.ok && r.value).toBe(401);
    expect(sim.requests({ pathPrefix: '/oauth2/revoke' })).toHaveLength(1);
  });

  it('a URL outside it throws Apps Script’s exception and nothing is sent', async () => {
    const r = await rt.run('fetchStatus', [
      'https://health.googleapis.com/v4/users/me/identity?secret=1',
    ]);
    expect(r.ok && r.value).toBe(
      'Exception: URL (https://health.googleapis.com/v4/users/me/identity) does not match any of the prefixes whitelisted for use in the add-on.',
    );
    expect(sim.requests({})).toHaveLength(0);
  });

  it('one URL outside it fails the whole fetchAll before any request goes out', async () => {
    const r = await rt.run('fetchBoth', [
      'https://api.fitbit.com/oauth2/revoke',
      'https://api.fitbit.com/1/user/-/profile.json',
    ]);
    expect(r.ok && r.value).toMatch(
      /^Exception: URL \(https:\/\/api.fitbit.com\/1\/user\/-\/profile.json\) does not match/,
    );
    expect(sim.requests({})).toHaveLength(0);
  });
});
