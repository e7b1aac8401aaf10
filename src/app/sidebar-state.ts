// Everything the sidebar shows, as plain JSON: setup mode and summary (never the secret), the
// redirect URI to register, the disclosure shown before Authorize, and the connection state.
import type { FitbitAppType, ProviderId } from '../providers/provider';
import { PROVIDER_IDS } from '../providers/provider';
import { grantedOrRequested } from './connect';
import type { SetupMode } from './client-setup';
import type { AppContext } from './context';
import { disclosure, type Disclosure } from './disclosure';
import { MESSAGES } from './messages';
import { providerById } from './providers';
import { selectedMetricIds } from './scopes';
import { currentSession } from './session';
import { reconcileTriggers, schedule, whoseSync } from './sync/sync';
import { syncView, type SyncView } from './sync/view';
import { readDashboardSettings, type DashboardSettings } from './dashboard/settings';

export interface ProviderChoice {
  id: ProviderId;
  label: string;
  recommended: boolean;
  /** One sentence on why (not) to choose it. */
  note: string;
  /** Where to register the redirect URI and find the client id and secret. */
  registerAt: string;
  clientIdExample: string;
  clientId: string;
  /** Whether a client secret is stored: the only thing the browser learns about it. */
  secretSet: boolean;
  appType: FitbitAppType;
}

export type ConnectionState =
  'setup-needed' | 'not-connected' | 'connected' | 'reconnect' | 'retired' | 'account-not-linked';

export interface SidebarState {
  /**
   * 'publisher': the publisher's client serves everyone and the sidebar shows no setup at all;
   * 'personal': Setup edits this person's own client, which nobody else's calls can change.
   */
  setupMode: SetupMode;
  /** This person's own setup per provider; empty in publisher mode. */
  providers: ProviderChoice[];
  chosenProvider: ProviderId | null;
  redirectUri: string;
  connection: {
    state: ConnectionState;
    providerLabel: string | null;
    accountId: string | null;
    /** The account as the person recognises it (the provider's accountLabel), or null. */
    accountLabel: string | null;
    grantedScopes: string[];
    missingScopes: string[];
    message: string;
    signUpUrl: string | null;
    /** True when switching to Google Health is the way out (the legacy API is off). */
    offerGoogleHealth: boolean;
    /** Needed by the data chosen since the last consent: Authorize again asks for them. */
    notRequestedScopes: string[];
    /**
     * Consent pages opened and not answered yet: when the count drops without a connection, the
     * person declined or the page failed, and the sidebar stops waiting.
     */
    pendingConsents: number;
  };
  /** What is read, what for and where it goes: shown before Authorize. */
  disclosure: Disclosure;
  /** Sync settings, progress and status of this document; null without a document. */
  sync: SyncView | null;
  /** The dashboard's week start (1 = Monday ... 7 = Sunday) and step goal; null without one. */
  dashboard: DashboardSettings | null;
  /**
   * When the server read this state. Answers can arrive out of order (a poll sent before an
   * action ends may land after it), so the sidebar keeps the newest, not the last to arrive.
   */
  asOfMs: number;
}

const CHOICE_TEXT: Record<
  ProviderId,
  Pick<ProviderChoice, 'recommended' | 'note' | 'registerAt' | 'clientIdExample'>
> = {
  'google-health': {
    recommended: true,
    note: 'Recommended: the legacy Fitbit Web API was turned off on 2 Nov 2026; Google Health is its successor and reads the same Fitbit data.',
    registerAt:
      'Google Cloud console > APIs & Services > Credentials > your OAuth client (type "Web application") > Authorized redirect URIs.',
    clientIdExample: '1234567890-abc123.apps.googleusercontent.com',
  },
  fitbit: {
    recommended: false,
    note: 'Legacy: Fitbit turned this API off on 2 Nov 2026 (it answers "410 Gone"); only for installations that still point at it.',
    registerAt:
      'dev.fitbit.com > Manage > Register an App (or Edit Application Settings) > Redirect URL.',
    clientIdExample: '23ABCD',
  },
};

export function sidebarState(ctx: AppContext): SidebarState {
  const setupMode = ctx.setup.mode();
  const providers =
    setupMode === 'publisher'
      ? []
      : PROVIDER_IDS.map((id): ProviderChoice => {
          const summary = ctx.setup.summary(id);
          return { id, label: providerById(id).label, ...CHOICE_TEXT[id], ...summary };
        });
  const chosenProvider = ctx.setup.chosenProvider();
  return {
    setupMode,
    providers,
    chosenProvider,
    redirectUri: ctx.redirectUri(),
    disclosure: disclosure(chosenProvider, selectedMetricIds(ctx.documentStore)),
    connection: connectionView(ctx),
    sync: syncState(ctx),
    dashboard: ctx.documentStore ? readDashboardSettings(ctx.documentStore) : null,
    asOfMs: ctx.clock.now(),
  };
}

function syncState(ctx: AppContext): SyncView | null {
  if (!ctx.documentStore) return null;
  const ports = ctx.sync?.() ?? null;
  const whose = ports ? whoseSync(ctx, ports, { claim: false }) : null;
  // Opening the sidebar repairs a trigger a run could not leave right (say, one that found the
  // add-on's authorization gone), so the state shows the live trigger the person needs.
  if (ports) reconcileTriggers(ctx, ports);
  return syncView({
    doc: ctx.documentStore,
    providerId: ctx.setup.chosenProvider(),
    scope: whose?.scope ?? null,
    person: whose?.person ?? null,
    schedule: ports ? schedule(ports, ctx).view() : null,
    nowMs: ctx.clock.now(),
    today: ports ? ports.workbook.today() : null,
    grantNow: whose?.session.client.token()
      ? grantedOrRequested(whose.session, whose.session.scopes)
      : null,
  });
}

function connectionView(ctx: AppContext): SidebarState['connection'] {
  const base = {
    providerLabel: null as string | null,
    accountId: null as string | null,
    accountLabel: null as string | null,
    grantedScopes: [] as string[],
    missingScopes: [] as string[],
    signUpUrl: null as string | null,
    offerGoogleHealth: false,
    notRequestedScopes: [] as string[],
    pendingConsents: 0,
  };
  const session = currentSession(ctx);
  if (!session)
    return { ...base, state: 'setup-needed', message: ctx.setup.problem() ?? MESSAGES.setupNeeded };
  const { provider, client } = session;
  const label = provider.label;
  const record = ctx.connections.get(provider.id);
  const pendingConsents = ctx.connections
    .pending()
    .filter((p) => p.provider === provider.id).length;
  const withLabel = { ...base, providerLabel: label, pendingConsents };
  if (record?.status === 'retired')
    return {
      ...withLabel,
      state: 'retired',
      message: MESSAGES.retired,
      // Only a person with their own setup can switch; the publisher's client is not theirs to change.
      offerGoogleHealth: ctx.setup.mode() === 'personal',
    };
  const token = client.token();
  if (!token) {
    if (record?.status === 'reconnect')
      return { ...withLabel, state: 'reconnect', message: MESSAGES.reconnect(label) };
    return { ...withLabel, state: 'not-connected', message: MESSAGES.notConnected };
  }
  if (record?.status === 'account-not-linked')
    return {
      ...withLabel,
      state: 'account-not-linked',
      signUpUrl: record.signUpUrl,
      message: record.signUpUrl ? MESSAGES.accountNotLinked : MESSAGES.accountNotLinkedNoLink,
    };
  const requested = record?.requestedScopes?.length ? record.requestedScopes : session.scopes;
  const granted = grantedOrRequested(session, requested);
  return {
    ...withLabel,
    state: 'connected',
    accountId: record?.accountId ?? null,
    accountLabel: record?.accountId ? provider.accountLabel(record.accountId) : null,
    grantedScopes: granted.map((s) => provider.oauth.describeScope(s)),
    missingScopes: requested
      .filter((s) => !granted.includes(s))
      .map((s) => provider.oauth.describeScope(s)),
    notRequestedScopes: session.scopes
      .filter((s) => !granted.includes(s) && !requested.includes(s))
      .map((s) => provider.oauth.describeScope(s)),
    message: MESSAGES.connected(label),
  };
}
