// Every URL the built add-on fetches is on its manifest's urlFetchWhitelist, for both providers:
// the code exchange, a refresh, the identity check (Fitbit: introspect), data and the revoke on
// disconnect. The runtime enforces the list as Apps Script does, so a miss would also fail here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isWhitelisted, whitelistOf } from '../../../dev/runtime/url-whitelist';
import { pageTitle } from '../../../src/ui/page-style';
import { BUNDLE, call, connect, FITBIT, GOOGLE, setUp, startBed, type Bed } from './harness';

let bed: Bed;
beforeAll(async () => {
  bed = await startBed();
});
afterAll(async () => bed?.close());

/** Fitbit access tokens last 8 h, Google's 1 h: 9 h later both need a refresh. */
const PAST_EXPIRY_MS = 9 * 3_600_000;

it('the token, refresh, identity, data and revoke URLs of both providers are all on the whitelist', async () => {
  for (const setup of [GOOGLE, FITBIT]) {
    await setUp(bed, setup);
    const { page } = await connect(bed);
    expect(page.title).toBe(pageTitle('Connected'));
    bed.clock.advance(PAST_EXPIRY_MS);
    await call(bed, 'syncNow');
    await call(bed, 'disconnectAccount');
  }

  const manifest: unknown = JSON.parse(readFileSync(join(BUNDLE, 'appsscript.json'), 'utf8'));
  const whitelist = whitelistOf(manifest);
  expect(whitelist).not.toBeNull();
  const log = bed.rt.fetchLog;
  expect(log.filter((e) => !isWhitelisted(e.url, whitelist)).map((e) => e.url)).toEqual([]);
  // Nothing was refused or unanswered on the way.
  expect(log.filter((e) => e.status === 0).map((e) => e.url)).toEqual([]);

  const fetched = (prefix: string) => log.filter((e) => e.url.startsWith(prefix)).length;
  for (const prefix of [
    'https://oauth2.googleapis.com/token',
    'https://oauth2.googleapis.com/revoke',
    'https://health.googleapis.com/v4/users/me/identity',
    'https://health.googleapis.com/v4/users/me/dataTypes/',
    'https://api.fitbit.com/oauth2/token',
    'https://api.fitbit.com/oauth2/revoke',
    'https://api.fitbit.com/1.1/oauth2/introspect',
    'https://api.fitbit.com/1/user/-/',
  ])
    expect({ prefix, fetched: fetched(prefix) > 0 }).toEqual({ prefix, fetched: true });
  // Both providers refreshed once the access tokens had expired.
  for (const host of ['oauth2.googleapis.com', 'api.fitbit.com'])
    expect(
      bed.sim
        .requests({ host, method: 'POST' })
        .some((r) => new URLSearchParams(r.body).get('grant_type') === 'refresh_token'),
    ).toBe(true);
  // The authorize pages are opened by the browser, never fetched.
  expect(log.filter((e) => /\/(o\/oauth2\/v2\/auth|oauth2\/authorize)/.test(e.url))).toEqual([]);
});
