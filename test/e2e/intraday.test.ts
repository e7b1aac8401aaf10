// Intraday from the sidebar, as a person meets it: two dates and "Fetch intraday" give an
// Intraday sheet of one row per minute, the answer next to the button says how many, the group
// passes axe; with the legacy Fitbit provider the group says intraday comes from Google Health only.
import { seriousViolations } from './axe';
import { connect, NOON_LA, openPlayground, textOf, type Harness } from './page-helpers';

let h: Harness | null = null;

afterEach(async () => {
  await h?.close();
  h = null;
});

test('two days picked in the sidebar give 2,880 rows in the Intraday sheet', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await connect(h, 'google-health');
  const group = sb.locator('#intraday-group');
  await group.waitFor();
  await sb.getByLabel('From', { exact: true }).fill('2026-11-19');
  await sb.getByLabel('to', { exact: true }).fill('2026-11-20');
  await sb.getByRole('button', { name: 'Fetch intraday' }).click();
  const answer = sb.locator('#fb-intraday');
  await answer.filter({ hasText: 'Intraday finished' }).waitFor({ timeout: 90_000 });
  expect(await textOf(answer)).toContain('Intraday finished: 2 days, 2,880 minutes');
  const handle = await h.page.locator('#sidebar-frame').elementHandle();
  const frame = await handle!.contentFrame();
  expect(await seriousViolations(frame!)).toEqual([]);
  const ss = h.playground.runtime.sheets.get(h.playground.session.spreadsheetId);
  const values = ss.sheet('Intraday').values();
  expect(values[0][0]).toBe('Time');
  expect(values).toHaveLength(1 + 2 * 1440);
  expect(values[1][0]).toBe('2026-11-19 00:00');
});

test('with the legacy Fitbit provider the group says intraday comes from Google Health only', async () => {
  h = await openPlayground({ startAtMs: NOON_LA });
  const sb = await connect(h, 'fitbit');
  const hint = sb.locator('#intraday-hint');
  await hint.waitFor();
  expect(await textOf(hint)).toContain('legacy Fitbit Web API provider does not supply them');
  expect(await sb.getByRole('button', { name: 'Fetch intraday' }).count()).toBe(0);
});
