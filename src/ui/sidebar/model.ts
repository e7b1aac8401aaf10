// The sidebar's one state: the newest server answer plus what the person is doing here (drafts,
// the control waiting for an answer, the message each control got). Every change is a pure
// function from one model to the next; the view is drawn from the result.
import type { SidebarState } from '../../app/sidebar-state';
import type { FitbitAppType, ProviderId } from '../../providers/provider';
import { situation } from './flow';

export type ControlId =
  | 'setup'
  | 'copy'
  | 'authorize'
  | 'check'
  | 'disconnect'
  | 'switch-google'
  | 'sync-now'
  | 'backfill'
  | 'intraday'
  | 'daily'
  | 'record-sheets'
  | 'settings'
  | 'dashboard';

export type Tone = 'ok' | 'error' | 'info';

export interface Feedback {
  text: string;
  tone: Tone;
  /** The situation it answers (see flow.situation); null: kept until the next answer. */
  situation: string | null;
}

export type SetupField = 'provider' | 'clientId' | 'clientSecret' | 'appType';

export interface SetupDraft {
  provider: ProviderId;
  clientId: string;
  clientSecret: string;
  appType: FitbitAppType;
}

export interface SettingsDraft {
  metrics: string[];
  units: string;
  /** '' = weight in the unit system's own unit. */
  weightUnit: string;
}

export interface DashboardDraft {
  weekStart: string;
  stepGoal: string;
}

export interface Model {
  server: SidebarState | null;
  /** The first state could not be read: said instead of "Loading…". */
  loadError: string | null;
  busy: ControlId | null;
  feedback: Partial<Record<ControlId, Feedback>>;
  setupErrors: Partial<Record<SetupField, string>>;
  /** Null: the form shows what the server has; set on the person's first edit. */
  setupDraft: SetupDraft | null;
  /** The setup form shown after setup is done (it leads only while setup is needed). */
  setupOpen: boolean;
  settingsDraft: SettingsDraft | null;
  /** Null: the dashboard form shows what the server has; set on the person's first edit. */
  dashboardDraft: DashboardDraft | null;
  backfillStart: string;
  backfillInvalid: boolean;
  /** The intraday range as typed (yyyy-mm-dd each). */
  intradayStart: string;
  intradayEnd: string;
  /** The daily switch as the person set it, until the server's answer says what it is. */
  dailyWanted: boolean | null;
  /** The record sheets as the person switched them, until the server's answer says. */
  recordSheetsWanted: string[] | null;
  confirmingDisconnect: boolean;
  /** A consent window is open: how many consents were pending once it was. */
  consent: Consent | null;
}

export interface Consent {
  pendingAtStart: number;
  url: string;
  popupBlocked: boolean;
  /** Answers in a row with fewer pending consents and no connection. */
  drops: number;
  /** Judged to have ended without a connection; watched a while longer, slowly, in case not. */
  ended: boolean;
}

export const initialModel: Model = {
  server: null,
  loadError: null,
  busy: null,
  feedback: {},
  setupErrors: {},
  setupDraft: null,
  setupOpen: false,
  settingsDraft: null,
  dashboardDraft: null,
  backfillStart: '',
  backfillInvalid: false,
  intradayStart: '',
  intradayEnd: '',
  dailyWanted: null,
  recordSheetsWanted: null,
  confirmingDisconnect: false,
  consent: null,
};

export const CONSENT_ENDED =
  'The consent window closed without connecting (access not allowed, or the page failed; it says why). Click Authorize to try again.';

/** Applies a server answer; older than the one shown (answers can cross), it is ignored. */
export function receive(model: Model, state: SidebarState): Model {
  const before = model.server;
  if (before && state.asOfMs < before.asOfMs) return model;
  const now = situation(state);
  const feedback: Model['feedback'] = {};
  for (const [id, fb] of Object.entries(model.feedback) as [ControlId, Feedback][])
    if (fb.situation === null || fb.situation === now) feedback[id] = fb;
  const changed = before === null || situation(before) !== now;
  const connectionChanged =
    before === null ||
    before.connection.state !== state.connection.state ||
    before.chosenProvider !== state.chosenProvider;
  let consent = model.consent;
  if (
    consent &&
    state.connection.state !== 'not-connected' &&
    state.connection.state !== 'reconnect'
  )
    consent = null;
  // The callback takes its pending consent before it stores the token: one answer may fall in
  // between. Two in a row without a connection mean the consent ended without one.
  if (consent && !consent.ended && state.connection.pendingConsents < consent.pendingAtStart) {
    const drops = consent.drops + 1;
    consent = { ...consent, drops, ended: drops >= 2 };
    if (consent.ended) feedback.authorize = { text: CONSENT_ENDED, tone: 'error', situation: now };
  }
  return {
    ...model,
    server: state,
    loadError: null,
    feedback,
    consent,
    setupErrors: connectionChanged ? {} : model.setupErrors,
    setupDraft: before && before.chosenProvider !== state.chosenProvider ? null : model.setupDraft,
    setupOpen:
      connectionChanged && state.connection.state !== 'setup-needed' ? false : model.setupOpen,
    confirmingDisconnect: changed ? false : model.confirmingDisconnect,
  };
}

/** A control's answer, tied to the situation the server is in once it answered. */
export function answer(model: Model, control: ControlId, text: string, tone: Tone): Model {
  const tied = model.server ? situation(model.server) : null;
  return { ...model, feedback: { ...model.feedback, [control]: { text, tone, situation: tied } } };
}

/** A control was used: its old answer goes, and the others wait until it is done. */
export function asking(model: Model, control: ControlId): Model {
  const feedback = { ...model.feedback };
  delete feedback[control];
  return { ...model, busy: control, feedback };
}

export function done(model: Model): Model {
  return { ...model, busy: null, dailyWanted: null, recordSheetsWanted: null };
}

/** The setup form's values: the draft being edited, else what the server has for the provider. */
export function setupValues(model: Model): SetupDraft {
  if (model.setupDraft) return model.setupDraft;
  const s = model.server;
  const provider: ProviderId = s?.chosenProvider ?? 'google-health';
  const choice = s?.providers.find((p) => p.id === provider);
  return {
    provider,
    clientId: choice?.clientId ?? '',
    clientSecret: '',
    appType: choice?.appType ?? 'server',
  };
}

/** Choosing another provider in the form shows what the server has for that one. */
export function chooseProvider(model: Model, provider: ProviderId): Model {
  const choice = model.server?.providers.find((p) => p.id === provider);
  return {
    ...model,
    setupErrors: {},
    setupDraft: {
      provider,
      clientId: choice?.clientId ?? '',
      clientSecret: '',
      appType: choice?.appType ?? 'server',
    },
  };
}

export function settingsValues(model: Model): SettingsDraft {
  if (model.settingsDraft) return model.settingsDraft;
  const s = model.server?.sync?.settings;
  return {
    metrics: s ? [...s.metrics] : [],
    units: s?.units ?? 'metric',
    weightUnit: s?.weightUnit ?? '',
  };
}

export function dashboardValues(model: Model): DashboardDraft {
  if (model.dashboardDraft) return model.dashboardDraft;
  const d = model.server?.dashboard;
  return { weekStart: String(d?.weekStart ?? 1), stepGoal: String(d?.stepGoal ?? 10000) };
}
