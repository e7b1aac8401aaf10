// The sidebar's model: answers stay while the situation they answer lasts, and go when it changes.
import {
  answer,
  asking,
  CONSENT_ENDED,
  initialModel,
  receive,
} from '../../../../src/ui/sidebar/model';
import { AS_OF, connected, sidebarState } from './fixtures';

const consentOpen = {
  pendingAtStart: 1,
  url: 'https://x',
  popupBlocked: false,
  drops: 0,
  ended: false,
};

test('an answer stays through polls that bring the same situation', () => {
  let m = receive(initialModel, connected({ lastSync: { atMs: AS_OF, days: 30, mode: 'now' } }));
  m = answer(m, 'sync-now', 'Sync finished: 30 days up to date.', 'ok');
  m = receive(m, connected({ lastSync: { atMs: AS_OF, days: 30, mode: 'now' } }, AS_OF + 2000));
  expect(m.feedback['sync-now']?.text).toBe('Sync finished: 30 days up to date.');
});

test('an answer goes once the state that caused it changes (a backfill after a last sync)', () => {
  let m = receive(initialModel, connected({ lastSync: { atMs: AS_OF, days: 30, mode: 'now' } }));
  m = answer(m, 'sync-now', 'Sync finished: 30 days up to date.', 'ok');
  const progress = {
    mode: 'backfill' as const,
    start: '2025-03-10',
    end: '2026-03-10',
    daysDone: 10,
    daysTotal: 366,
    percent: 2,
    requestsFetchedNow: 4,
  };
  m = receive(
    m,
    connected({ lastSync: { atMs: AS_OF, days: 30, mode: 'now' }, progress }, AS_OF + 1),
  );
  expect(m.feedback['sync-now']).toBeUndefined();
});

test('progress counts moving on do not drop the answer about the paused backfill', () => {
  const progress = (daysDone: number) => ({
    mode: 'backfill' as const,
    start: '2016-03-10',
    end: '2026-03-10',
    daysDone,
    daysTotal: 3653,
    percent: Math.floor((daysDone / 3653) * 100),
    requestsFetchedNow: 0,
  });
  let m = receive(initialModel, connected({ progress: progress(900) }));
  m = answer(m, 'backfill', 'Paused: the request limit is used up.', 'ok');
  m = receive(m, connected({ progress: progress(1800) }, AS_OF + 1));
  expect(m.feedback.backfill?.text).toBe('Paused: the request limit is used up.');
});

test('an answer read before the one shown is ignored (answers can cross)', () => {
  let m = receive(initialModel, connected({}, AS_OF + 10));
  m = receive(m, sidebarState({}, {}, AS_OF));
  expect(m.server?.connection.state).toBe('connected');
});

test('re-authorizing after a partial grant drops the note about the missing data', () => {
  const partial = sidebarState({
    state: 'connected',
    missingScopes: ['Weight'],
    message: 'Connected to Google Health.',
  });
  let m = receive(initialModel, partial);
  m = answer(m, 'sync-now', 'No permission for: Weight.', 'ok');
  m = receive(m, connected({}, AS_OF + 1));
  expect(m.feedback).toEqual({});
});

test('asking clears the asking control’s old answer and keeps the others', () => {
  let m = receive(initialModel, connected());
  m = answer(m, 'daily', 'Daily sync is on.', 'ok');
  m = answer(m, 'sync-now', 'Sync finished.', 'ok');
  m = asking(m, 'sync-now');
  expect(m.busy).toBe('sync-now');
  expect(Object.keys(m.feedback)).toEqual(['daily']);
});

test('a consent that ends without a connection stops the waiting and says so next to Authorize', () => {
  let m = receive(initialModel, sidebarState());
  m = answer(m, 'authorize', 'Waiting for you…', 'info');
  m = { ...m, consent: consentOpen };
  m = receive(m, sidebarState({ pendingConsents: 1 }, {}, AS_OF + 1));
  expect(m.consent?.ended).toBe(false);
  m = receive(m, sidebarState({ pendingConsents: 0 }, {}, AS_OF + 2));
  // One answer may fall between the callback taking its consent and storing the token.
  expect(m.consent?.ended).toBe(false);
  expect(m.feedback.authorize?.text).toBe('Waiting for you…');
  m = receive(m, sidebarState({ pendingConsents: 0 }, {}, AS_OF + 3));
  expect(m.consent?.ended).toBe(true);
  expect(m.feedback.authorize).toEqual(
    expect.objectContaining({ text: CONSENT_ENDED, tone: 'error' }),
  );
});

test('connecting while waiting ends the wait and drops the waiting line', () => {
  let m = receive(initialModel, sidebarState({ pendingConsents: 1 }));
  m = answer(m, 'authorize', 'Waiting for you…', 'info');
  m = { ...m, consent: consentOpen };
  m = receive(m, sidebarState({ pendingConsents: 0 }, {}, AS_OF + 1));
  m = receive(m, connected({}, AS_OF + 2));
  expect(m.consent).toBeNull();
  expect(m.feedback.authorize).toBeUndefined();
});

test('a disconnect confirmation does not outlive a change of connection', () => {
  let m = receive(initialModel, connected());
  m = { ...m, confirmingDisconnect: true };
  m = receive(m, sidebarState({}, {}, AS_OF + 1));
  expect(m.confirmingDisconnect).toBe(false);
});
