// The sidebar's entry point (bundled into sidebar.html): reads the state, draws it, and turns each
// click into one server call whose answer lands in the model and next to the control that asked.
import { PRODUCT_NAME } from '../../app/product';
import type { SidebarState } from '../../app/sidebar-state';
import type { SetupInput } from '../../app/setup-validation';
import { BACKFILL_ERRORS, backfillRange } from '../../app/sync/ranges';
import type { FitbitAppType, ProviderId } from '../../providers/provider';
import { stageOf } from './flow';
import {
  answer,
  asking,
  chooseProvider,
  done,
  initialModel,
  receive,
  settingsValues,
  dashboardValues,
  setupValues,
  type ControlId,
  type Model,
  type SetupField,
} from './model';
import { morph } from './morph';
import { Poller, POLL_DEFAULTS, type Pace } from './poller';
import { callServer, errorText } from './server';
import { feedbackId, FIELD_IDS, render } from './view';

const root = document.getElementById('app') as HTMLElement;
document.title = PRODUCT_NAME;
let model: Model = initialModel;

const poller = new Poller(() => refresh(), {
  ...POLL_DEFAULTS,
  now: () => Date.now(),
  setTimer: (fn, ms) => window.setTimeout(fn, ms),
  clearTimer: (h) => window.clearTimeout(h as number),
});

/** How often the state needs reading: while the person waits on something that moves by itself. */
function pace(m: Model): Pace {
  const sync = m.server?.sync;
  const waitingForConsent = m.consent !== null && !m.consent.ended;
  const busySync = m.busy === 'sync-now' || m.busy === 'backfill';
  if (waitingForConsent || busySync || sync?.running || sync?.continueNow) return 'fast';
  if (sync?.progress || m.consent?.ended) return 'slow';
  return 'off';
}

function el<T extends HTMLElement = HTMLElement>(id: string): T | null {
  return document.getElementById(id) as T | null;
}

function focus(id: string): void {
  el(id)?.focus();
}

/** Draws the model; when the focused control went away with a step change, the next step's main action gets it. */
function update(next: Model): void {
  const stageBefore = stageOf(model.server).kind;
  model = next;
  morph(root, render(model).text);
  poller.setPace(pace(model));
  const lost = !document.activeElement || document.activeElement === document.body;
  if (lost && stageOf(model.server).kind !== stageBefore && stageBefore !== 'loading')
    root.querySelector<HTMLElement>('.action')?.focus();
}

let continuing = false;

/**
 * While the sidebar is open it drives a paused sync itself (add-on triggers run at most hourly):
 * each part's answer is a new state, so the progress moves on screen.
 */
function continueIfDue(): void {
  if (continuing || model.busy || !model.server?.sync?.continueNow) return;
  continuing = true;
  callServer('continueFromSidebar')
    .then((reply) => update(receive(model, reply.state)))
    .catch(() => undefined)
    .finally(() => {
      continuing = false;
      continueIfDue();
    });
}

function refresh(): Promise<void> {
  return callServer('getSidebarState').then(
    (state) => {
      const before = model.feedback.authorize?.text;
      update(receive(model, state));
      continueIfDue();
      const now = model.feedback.authorize;
      if (now && now.text !== before && now.tone === 'error') focus(feedbackId('authorize'));
    },
    (err) => {
      if (!model.server) update({ ...model, loadError: errorText(err) });
    },
  );
}

/** Runs one server call for a control: its old answer goes, the new one lands next to it. */
async function act(control: ControlId, run: () => Promise<Model>, focusAfter?: string) {
  update(asking(model, control));
  try {
    update(done(await run()));
  } catch (err) {
    update(done(answer(model, control, errorText(err), 'error')));
  }
  const target = focusAfter ?? feedbackId(control);
  if (el(target)?.textContent?.trim() || focusAfter) focus(target);
  continueIfDue();
}

/** A sync reply: the state it carries, and its message next to the control. */
function withReply(
  control: ControlId,
  reply: { ok: boolean; message: string; state: SidebarState },
) {
  return answer(receive(model, reply.state), control, reply.message, reply.ok ? 'ok' : 'error');
}

// ---- connection -------------------------------------------------------------------------------

function authorize(): void {
  void act('authorize', async () => {
    const url = await callServer('getAuthorizationUrl');
    // Opened once the server answered: a browser that blocks that gets a link instead.
    const popup = window.open(url, '_blank');
    const pending = model.server?.connection.pendingConsents ?? 0;
    const waiting = answer(
      model,
      'authorize',
      'Waiting for you to allow access in the new window…',
      'info',
    );
    return {
      ...waiting,
      consent: {
        pendingAtStart: Math.min(pending + 1, 5),
        url,
        popupBlocked: !popup,
        drops: 0,
        ended: false,
      },
    };
  });
}

function checkConnection(): void {
  void act('check', async () => {
    const state = await callServer('checkConnection');
    const c = state.connection;
    const text =
      c.state === 'connected'
        ? `Checked: ${c.providerLabel} answered; the connection works${c.accountId ? ` (account ${c.accountLabel ?? c.accountId})` : ''}.`
        : `Checked: the connection does not work. ${c.message}`;
    return answer(receive(model, state), 'check', text, c.state === 'connected' ? 'ok' : 'error');
  });
}

function disconnect(): void {
  const dailyWasOn = model.server?.sync?.daily ?? false;
  void act('disconnect', async () => {
    const state = await callServer('disconnectAccount');
    const off = dailyWasOn && state.sync?.daily === false ? ' Daily sync is off.' : '';
    return answer(
      receive(model, state),
      'disconnect',
      `Disconnected: the add-on no longer has access to your data.${off}`,
      'ok',
    );
  });
}

function switchToGoogleHealth(): void {
  const choice = model.server?.providers.find((p) => p.id === 'google-health');
  if (!choice?.clientId || !choice.secretSet) {
    // No Google Health client yet: the fix is to set one up, so the form opens on it.
    update({ ...chooseProvider(model, 'google-health'), setupOpen: true });
    focus(FIELD_IDS.clientId);
    return;
  }
  void act('switch-google', async () => {
    const res = await callServer('saveProviderSetup', {
      provider: 'google-health',
      clientId: choice.clientId,
      clientSecret: '',
    });
    if (!res.ok) throw new Error(Object.values(res.errors)[0] ?? 'Setup not saved.');
    return answer(
      { ...receive(model, res.state), setupDraft: null },
      'switch-google',
      'Switched to Google Health. Next: click Authorize and allow access.',
      'ok',
    );
  });
}

// ---- setup ------------------------------------------------------------------------------------

function saveSetup(): void {
  const v = setupValues(model);
  const input: SetupInput = {
    provider: v.provider,
    clientId: v.clientId,
    clientSecret: v.clientSecret,
    appType: v.provider === 'fitbit' ? v.appType : undefined,
  };
  let firstBad: string | undefined;
  void act('setup', async () => {
    const res = await callServer('saveProviderSetup', input);
    if (res.ok) {
      const saved = { ...receive(model, res.state), setupDraft: null, setupErrors: {} };
      const next = stageOf(res.state).kind === 'authorize' ? ' Next: click Authorize.' : '';
      return answer(saved, 'setup', `Setup saved.${next}`, 'ok');
    }
    const errors = res.errors as Partial<Record<SetupField, string>>;
    const order: SetupField[] = ['provider', 'appType', 'clientId', 'clientSecret'];
    const first = order.find((f) => errors[f]);
    firstBad = first === 'provider' ? `provider-${v.provider}` : first && FIELD_IDS[first];
    return answer(
      { ...model, setupErrors: errors, setupDraft: { ...v, clientSecret: '' } },
      'setup',
      'Setup not saved: fix the fields marked above.',
      'error',
    );
  }).then(() => {
    if (firstBad) focus(firstBad);
  });
}

function copyRedirectUri(): void {
  const input = el<HTMLInputElement>('redirect-uri');
  if (!input) return;
  const fallback = () => {
    input.select();
    return document.execCommand('copy');
  };
  const copied = navigator.clipboard?.writeText
    ? navigator.clipboard.writeText(input.value).then(() => true, fallback)
    : Promise.resolve(fallback());
  void act('copy', async () =>
    (await copied)
      ? answer(model, 'copy', 'Copied.', 'ok')
      : answer(model, 'copy', 'Could not copy: select the address and press Ctrl+C.', 'error'),
  );
}

// ---- sync -------------------------------------------------------------------------------------

function syncNow(): void {
  void act('sync-now', async () => withReply('sync-now', await callServer('syncNow')));
}

function backfill(): void {
  const input = el<HTMLInputElement>('backfill-start');
  const bounds = model.server?.sync?.backfillBounds;
  const value = input?.value ?? '';
  const check = input?.validity.badInput
    ? { ok: false as const, error: BACKFILL_ERRORS.notADate }
    : bounds
      ? backfillRange(value, bounds.max)
      : null;
  if (check && !check.ok) {
    update(
      answer(
        { ...model, backfillStart: value, backfillInvalid: true },
        'backfill',
        check.error,
        'error',
      ),
    );
    focus('backfill-start');
    return;
  }
  const dateErrors: string[] = [
    BACKFILL_ERRORS.missing,
    BACKFILL_ERRORS.notADate,
    BACKFILL_ERRORS.tooEarly,
  ];
  void act('backfill', async () => {
    const reply = await callServer('startBackfill', value);
    const invalid =
      !reply.ok && (dateErrors.includes(reply.message) || /future/.test(reply.message));
    return { ...withReply('backfill', reply), backfillInvalid: invalid };
  });
}

function intraday(): void {
  const start = el<HTMLInputElement>('intraday-start')?.value ?? '';
  const end = el<HTMLInputElement>('intraday-end')?.value ?? '';
  model = { ...model, intradayStart: start, intradayEnd: end };
  void act('intraday', async () =>
    withReply('intraday', await callServer('startIntraday', start, end)),
  );
}

function cancelSync(): void {
  void act('backfill', async () => withReply('backfill', await callServer('cancelSync')));
}

function setDaily(on: boolean): void {
  model = { ...model, dailyWanted: on };
  void act('daily', async () => withReply('daily', await callServer('setDailySync', on)));
}

/** A record-sheet switch changed: the document's set of record sheets is saved at once. */
function saveRecordSheets(id: string, on: boolean): void {
  const current = (model.server?.sync?.recordSheets ?? []).filter((r) => r.on).map((r) => r.id);
  const ids = on ? [...new Set([...current, id])] : current.filter((r) => r !== id);
  model = { ...model, recordSheetsWanted: ids };
  void act('record-sheets', async () =>
    withReply('record-sheets', await callServer('saveRecordSheets', ids)),
  );
}

function saveSettings(): void {
  const values = settingsValues(model);
  void act('settings', async () => {
    const reply = await callServer('saveSyncSettings', values);
    const next = withReply('settings', reply);
    return reply.ok ? { ...next, settingsDraft: null } : next;
  });
}

function refreshDashboard(): void {
  void act('dashboard', async () => withReply('dashboard', await callServer('refreshDashboard')));
}

function saveDashboard(): void {
  const values = dashboardValues(model);
  void act('dashboard', async () => {
    const reply = await callServer('saveDashboardSettings', {
      weekStart: Number(values.weekStart),
      stepGoal: values.stepGoal,
    });
    const next = withReply('dashboard', reply);
    return reply.ok ? { ...next, dashboardDraft: null } : next;
  });
}

// ---- events -----------------------------------------------------------------------------------

const CLICKS: Record<string, () => void> = {
  authorize,
  check: checkConnection,
  disconnect: () => {
    update({ ...model, confirmingDisconnect: true });
    focus('confirm-disconnect-no');
  },
  'confirm-disconnect-yes': disconnect,
  'confirm-disconnect-no': () => {
    update({ ...model, confirmingDisconnect: false });
    focus('disconnect');
  },
  'switch-google': switchToGoogleHealth,
  'toggle-setup': () => {
    update({ ...model, setupOpen: !model.setupOpen });
    if (model.setupOpen) focus(`provider-${setupValues(model).provider}`);
  },
  copy: copyRedirectUri,
  'sync-now': syncNow,
  backfill,
  intraday,
  cancel: cancelSync,
  'refresh-dashboard': refreshDashboard,
};

root.addEventListener('click', (ev) => {
  const target = (ev.target as Element).closest('button');
  if (!target || target.type === 'submit' || target.disabled) return;
  CLICKS[target.id]?.();
});

root.addEventListener('submit', (ev) => {
  ev.preventDefault();
  if (model.busy) return;
  const form = ev.target as HTMLFormElement;
  if (form.id === 'setup-form') saveSetup();
  if (form.id === 'sync-settings') saveSettings();
  if (form.id === 'dashboard-settings') saveDashboard();
});

function onEdit(ev: Event): void {
  const t = ev.target as HTMLInputElement;
  const setup = setupValues(model);
  if (t.name === 'provider' && ev.type === 'change') {
    update(chooseProvider(model, t.value as ProviderId));
  } else if (t.id === 'client-id') {
    model = { ...model, setupDraft: { ...setup, clientId: t.value } };
  } else if (t.id === 'client-secret') {
    model = { ...model, setupDraft: { ...setup, clientSecret: t.value } };
  } else if (t.id === 'app-type') {
    model = { ...model, setupDraft: { ...setup, appType: t.value as FitbitAppType } };
  } else if (t.id === 'backfill-start') {
    // A changed date is a new question: the answer about the old one goes.
    const feedback = { ...model.feedback };
    if (model.backfillInvalid) delete feedback.backfill;
    const next = { ...model, backfillStart: t.value, backfillInvalid: false, feedback };
    if (model.backfillInvalid) update(next);
    else model = next;
  } else if (t.id === 'intraday-start') {
    model = { ...model, intradayStart: t.value };
  } else if (t.id === 'intraday-end') {
    model = { ...model, intradayEnd: t.value };
  } else if (t.name === 'metric' || t.id === 'units' || t.id === 'weight-unit') {
    const s = settingsValues(model);
    const others = s.metrics.filter((m) => m !== t.value);
    const metrics = t.name === 'metric' ? (t.checked ? [...others, t.value] : others) : s.metrics;
    model = {
      ...model,
      settingsDraft: {
        metrics,
        units: t.id === 'units' ? t.value : s.units,
        weightUnit: t.id === 'weight-unit' ? t.value : s.weightUnit,
      },
    };
  } else if (t.name === 'record-sheet' && ev.type === 'change') {
    saveRecordSheets(t.value, t.checked);
  } else if (t.id === 'week-start' || t.id === 'step-goal') {
    const d = dashboardValues(model);
    model = {
      ...model,
      dashboardDraft: {
        weekStart: t.id === 'week-start' ? t.value : d.weekStart,
        stepGoal: t.id === 'step-goal' ? t.value : d.stepGoal,
      },
    };
  } else if (t.id === 'daily' && ev.type === 'change') {
    setDaily(t.checked);
  }
}

root.addEventListener('input', onEdit);
root.addEventListener('change', (ev) => {
  const t = ev.target as HTMLInputElement;
  // Text fields already updated on input; change events only matter for choices.
  if (t.type === 'text' || t.type === 'password') return;
  if (t.type === 'date') return;
  onEdit(ev);
});

// Coming back to the sidebar (a scheduled run may have happened meanwhile) shows the news and
// watches again for a bounded while.
window.addEventListener('focus', () => {
  if (!model.server) return;
  poller.resume(pace(model));
  void refresh();
});

void refresh();
