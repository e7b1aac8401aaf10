/**
 * @jest-environment jsdom
 */
// The sidebar drawn from its model: the next step leads with the one main button, answers sit
// next to their control, and no line is said twice.
import { answer, initialModel, receive, type Model } from '../../../../src/ui/sidebar/model';
import { render } from '../../../../src/ui/sidebar/view';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRODUCT_NAME } from '../../../../src/app/product';
import type { SidebarState } from '../../../../src/app/sidebar-state';
import { AS_OF, connected, retired, setupNeeded, sidebarState } from './fixtures';

function draw(model: Model): HTMLElement {
  const root = document.createElement('main');
  root.innerHTML = render(model).text;
  return root;
}

const drawState = (state: SidebarState, change: Partial<Model> = {}) =>
  draw({ ...receive(initialModel, state), ...change });

/** Visible labels of the main (blue) buttons and links. */
const mainActions = (root: HTMLElement) =>
  Array.from(root.querySelectorAll('.action')).map((e) => e.textContent?.trim());

const buttons = (root: HTMLElement) =>
  Array.from(root.querySelectorAll('button')).map((b) => b.textContent?.trim());

/** An element's text as read: whitespace runs as one space. */
const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Every line of text a person reads, leaf by leaf. */
function lines(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll('p, li, .feedback, .error'))
    .filter((e) => !e.querySelector('p, li'))
    .map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

test('not set up: the setup form comes right after the status, with Save setup as the main button', () => {
  const root = drawState(setupNeeded());
  expect(mainActions(root)).toEqual(['Save setup']);
  const sections = Array.from(root.querySelectorAll('section')).map((s) => s.id);
  expect(sections).toEqual(['connection', 'setup-section']);
  expect(buttons(root)).not.toContain('Authorize');
});

test('set up: a short disclosure and Authorize as the main button, the setup behind Change setup', () => {
  const root = drawState(sidebarState());
  expect(mainActions(root)).toEqual(['Authorize']);
  expect(root.querySelector('#disclosure h3')?.textContent).toBe(
    'What the add-on reads and where it goes',
  );
  expect(root.querySelectorAll('#disclosure li')).toHaveLength(2);
  expect(root.querySelector('#setup-form')).toBeNull();
  const toggle = root.querySelector('#toggle-setup');
  expect(toggle?.getAttribute('aria-expanded')).toBe('false');
});

test('connected: Sync now leads, then the last result, backfill, daily sync and the data to sync; connection actions are grouped after', () => {
  const root = drawState(connected({ lastSync: { atMs: AS_OF, days: 30, mode: 'now' } }));
  expect(mainActions(root)).toEqual(['Sync now']);
  const order = ['sync-now', 'sync-status', 'backfill-start', 'daily', 'sync-settings', 'more'].map(
    (id) => root.querySelector(`#${id}`),
  );
  for (let i = 1; i < order.length; i++)
    expect(
      order[i - 1]!.compareDocumentPosition(order[i]!) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  const more = Array.from(root.querySelectorAll('#more button')).map((b) => b.textContent?.trim());
  expect(more).toEqual(['Authorize again', 'Check connection', 'Disconnect', 'Change setup']);
});

test('the legacy API retired: the problem and Switch to Google Health as the one main button, no Authorize', () => {
  const root = drawState(retired());
  expect(mainActions(root)).toEqual(['Switch to Google Health']);
  expect(buttons(root).filter((b) => /^Authorize/.test(b ?? ''))).toEqual([]);
  expect(root.querySelector('#status')?.className).toContain('bad');
});

test('a revoked connection: Authorize is the fix', () => {
  const root = drawState(
    sidebarState({
      state: 'reconnect',
      message: 'Google Health no longer accepts this connection.',
    }),
  );
  expect(mainActions(root)).toEqual(['Authorize']);
});

test('an answer appears right after its control, and one whose control is gone leads', () => {
  const base = receive(initialModel, connected());
  const root = draw(answer(base, 'daily', 'Daily sync is on.', 'ok'));
  const slot = root.querySelector('#fb-daily');
  expect(slot?.textContent).toBe('Daily sync is on.');
  expect(slot?.getAttribute('role')).toBe('status');
  expect(root.querySelector('#daily-group')?.contains(slot!)).toBe(true);

  const afterDisconnect = receive(base, sidebarState({}, {}, AS_OF + 1));
  const led = draw(answer(afterDisconnect, 'disconnect', 'Disconnected. Daily sync is off.', 'ok'));
  expect(led.querySelector('#lead #fb-disconnect')?.textContent).toBe(
    'Disconnected. Daily sync is off.',
  );
});

test('an error answer keeps its slot’s live role, is marked as an error and can take focus', () => {
  const m = answer(
    receive(initialModel, connected()),
    'backfill',
    'Pick a start date first.',
    'error',
  );
  const slot = draw({ ...m, backfillInvalid: true }).querySelector('#fb-backfill');
  expect(slot?.getAttribute('role')).toBe('status');
  expect(slot?.className).toContain('error');
  expect(slot?.textContent).toBe('Pick a start date first.');
  expect(slot?.getAttribute('tabindex')).toBe('-1');
});

test('the backfill date carries min, max and aria-invalid when wrong', () => {
  const m = receive(initialModel, connected());
  const good = draw(m).querySelector('#backfill-start')!;
  expect(good.getAttribute('min')).toBe('2009-01-01');
  expect(good.getAttribute('max')).toBe('2026-03-10');
  expect(good.hasAttribute('aria-invalid')).toBe(false);
  const bad = draw({ ...m, backfillInvalid: true }).querySelector('#backfill-start')!;
  expect(bad.getAttribute('aria-invalid')).toBe('true');
  expect(bad.getAttribute('aria-describedby')).toContain('fb-backfill');
});

test('a sync answer that repeats a note of the state is said once, next to the button', () => {
  const note = 'No permission for: Weight (not ticked at consent).';
  const state = connected({ notes: [note], lastSync: { atMs: AS_OF, days: 3, mode: 'now' } });
  const root = draw(answer(receive(initialModel, state), 'sync-now', note, 'ok'));
  const all = lines(root);
  expect(all.filter((l) => l.includes('No permission for: Weight'))).toHaveLength(1);
  expect(new Set(all).size).toBe(all.length);
});

test('while a backfill runs, no earlier "Last sync" line is shown, and Cancel is offered', () => {
  const state = connected({
    running: true,
    lastSync: { atMs: AS_OF - 3_600_000, days: 30, mode: 'now' },
    progress: {
      mode: 'backfill',
      start: '2025-03-10',
      end: '2026-03-10',
      daysDone: 90,
      daysTotal: 366,
      percent: 24,
      requestsFetchedNow: 8,
    },
  });
  const root = drawState(state);
  expect(root.textContent).not.toMatch(/Last sync/);
  expect(root.querySelector('#sync-progress')?.getAttribute('aria-valuenow')).toBe('24');
  expect(buttons(root)).toContain('Cancel backfill');
});

test('the last scheduled run is shown with its time and result', () => {
  const root = drawState(
    connected({
      daily: true,
      lastScheduled: { atMs: AS_OF, ok: true, message: 'Sync finished: 4 days up to date.' },
    }),
  );
  expect(text(root.querySelector('#sync-scheduled'))).toMatch(
    /^Last scheduled sync .+: Sync finished: 4 days up to date\.$/,
  );
});

test('data chosen after connecting is "not asked yet", not "left out at consent"', () => {
  const root = drawState(
    sidebarState({
      state: 'connected',
      message: 'Connected to Google Health.',
      notRequestedScopes: ['Health metrics and measurements'],
    }),
  );
  expect(root.querySelector('#status-missing')).toBeNull();
  expect(root.querySelector('#status-not-requested')?.textContent).toMatch(/Health metrics/);
});

test('Disconnect asks first, in the sidebar', () => {
  const m = receive(initialModel, connected({ daily: true }));
  const root = draw({ ...m, confirmingDisconnect: true });
  const confirm = root.querySelector('#confirm-disconnect');
  expect(confirm?.textContent).toMatch(/daily sync turns off/);
  expect(Array.from(confirm!.querySelectorAll('button')).map((b) => b.textContent)).toEqual([
    'Disconnect',
    'Keep connected',
  ]);
});

test('setup field errors mark their field invalid', () => {
  const m = receive(initialModel, setupNeeded());
  const root = draw({ ...m, setupErrors: { clientId: 'Paste the client ID.' } });
  expect(root.querySelector('#client-id')?.getAttribute('aria-invalid')).toBe('true');
  expect(root.querySelector('#error-clientId')?.textContent).toBe('Paste the client ID.');
  expect(root.querySelector('#client-secret')?.hasAttribute('aria-invalid')).toBe(false);
});

test('server text is escaped, never markup', () => {
  const root = drawState(sidebarState({ message: '<img src=x onerror=alert(1)>' }));
  expect(root.querySelector('img')).toBeNull();
  expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
});

test('the page is titled with the product name (the script sets the same one)', () => {
  const page = readFileSync(join(__dirname, '../../../../src/ui/sidebar/sidebar.html'), 'utf8');
  expect(/<title>([^<]*)<\/title>/.exec(page)?.[1]).toBe(PRODUCT_NAME);
});

test('with the publisher’s client: no setup form and no Change setup; a retired provider is the publisher’s to switch', () => {
  const publisher = { ...retired(), setupMode: 'publisher' as const, providers: [] };
  const root = drawState(publisher);
  expect(root.querySelector('#setup-form')).toBeNull();
  expect(root.querySelector('#toggle-setup')).toBeNull();
  expect(root.querySelectorAll('.action')).toHaveLength(0);
  expect(root.querySelector('#publisher-switch')?.textContent).toMatch(/publisher/);
});

test('a link in a sync problem becomes an anchor; the rest stays text', () => {
  const url =
    'https://console.developers.google.com/apis/api/health.googleapis.com/overview?project=12';
  const root = drawState(connected({ problem: `Enable the API at ${url}. Then <b>retry</b>.` }));
  const link = root.querySelector('#sync-problem a');
  expect(link?.getAttribute('href')).toBe(url);
  expect(link?.getAttribute('target')).toBe('_blank');
  expect(root.querySelector('#sync-problem b')).toBeNull();
  expect(text(root.querySelector('#sync-problem'))).toBe(
    `Enable the API at ${url}. Then <b>retry</b>.`,
  );
});

test('the data to sync is grouped by domain, each group named', () => {
  const root = drawState(connected());
  const groups = Array.from(root.querySelectorAll('#metric-choices [role="group"]'));
  expect(groups.map((g) => text(g.querySelector('.domain-label')))).toEqual(['Activity', 'Body']);
  expect(groups[1].querySelectorAll('input[name="metric"]')).toHaveLength(1);
});

test('each domain group says what its permission reads, as its description', () => {
  const root = drawState(connected());
  const body = root.querySelector('#metric-choices [aria-labelledby="domain-body"]')!;
  const reads = body.querySelector('.domain-reads')!;
  expect(text(reads)).toBe('Permission: Health metrics and measurements (weight)');
  expect(body.getAttribute('aria-describedby')).toBe(reads.id);
});

test('weight in: the same as Units until the person picks kg, lb or stones', () => {
  const root = drawState(connected());
  const select = root.querySelector<HTMLSelectElement>('#weight-unit')!;
  expect(text(root.querySelector('label[for="weight-unit"]'))).toBe('Weight in');
  expect(Array.from(select.options).map((o) => [o.value, text(o)])).toEqual([
    ['', 'Same as Units'],
    ['kg', 'Kilograms (kg)'],
    ['lb', 'Pounds (lb)'],
    ['st', 'Stones (st, as a decimal)'],
  ]);
  expect(select.value).toBe('');
  const chosen = drawState(connected(), {
    settingsDraft: { metrics: ['weight'], units: 'us', weightUnit: 'st' },
  });
  expect(chosen.querySelector<HTMLSelectElement>('#weight-unit')!.value).toBe('st');
});

test('record sheets: one switch each after daily sync, checked as the document says, with the sheet its rows go to', () => {
  const root = drawState(connected());
  const box = root.querySelector<HTMLInputElement>('#record-sheet-exercises');
  expect(box?.checked).toBe(false);
  expect(box?.disabled).toBe(false);
  expect(text(root.querySelector('#record-sheet-exercises-hint'))).toContain('“Exercises”');
  const daily = root.querySelector('#daily')!;
  expect(daily.compareDocumentPosition(box!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(root.querySelector('#fb-record-sheets')).not.toBeNull();
});

test('a record sheet the provider does not supply is shown off and disabled, with the reason', () => {
  const note =
    'Fitbit (legacy Web API) does not supply the Exercises sheet: connect to Google Health to fill it.';
  const root = drawState(
    connected({
      recordSheets: [
        {
          id: 'exercises',
          label: 'Exercises sheet',
          description: 'One row per workout.',
          on: true,
          supplied: false,
          sheetName: 'Exercises',
          note,
        },
      ],
    }),
  );
  expect(root.querySelector<HTMLInputElement>('#record-sheet-exercises')?.disabled).toBe(true);
  expect(text(root.querySelector('#record-sheet-exercises-hint'))).toBe(note);
});
