// Sidebar states as the server sends them, for the client's unit tests: one builder per step.
import type { SidebarState } from '../../../../src/app/sidebar-state';
import type { SyncView } from '../../../../src/app/sync/view';

/** The instant every fixture is read at: 2026-03-10 09:00 UTC. */
export const AS_OF = Date.UTC(2026, 2, 10, 9, 0);

export function syncView(change: Partial<SyncView> = {}): SyncView {
  return {
    account: null,
    continueNow: false,
    settings: {
      metrics: ['steps', 'distance'],
      units: 'metric',
      unitChoices: ['metric', 'us', 'uk'],
      weightUnit: null,
      weightUnitChoices: ['kg', 'lb', 'st'],
      available: [
        {
          id: 'steps',
          label: 'Steps',
          domain: 'activity',
          domainLabel: 'Activity',
          domainReads: 'Activity and fitness (steps, distance)',
          isDefault: true,
        },
        {
          id: 'distance',
          label: 'Distance',
          domain: 'activity',
          domainLabel: 'Activity',
          domainReads: 'Activity and fitness (steps, distance)',
          isDefault: true,
        },
        {
          id: 'weight',
          label: 'Weight',
          domain: 'body',
          domainLabel: 'Body',
          domainReads: 'Health metrics and measurements (weight)',
          isDefault: false,
        },
      ],
    },
    recordSheets: [
      {
        id: 'exercises',
        label: 'Exercises sheet',
        description: 'One row per workout.',
        on: false,
        supplied: true,
        sheetName: 'Exercises',
        note: null,
      },
    ],
    running: false,
    lastSync: null,
    lastSyncedDate: null,
    progress: null,
    next: null,
    daily: false,
    lastScheduled: null,
    backfillBounds: { min: '2009-01-01', max: '2026-03-10' },
    intraday: {
      supported: true,
      max: '2026-03-09',
      note: 'Heart rate and steps for every minute.',
    },
    problem: null,
    notes: [],
    hint: null,
    ...change,
  };
}

type Connection = SidebarState['connection'];

export function sidebarState(
  connection: Partial<Connection> = {},
  sync: Partial<SyncView> | null = {},
  asOfMs = AS_OF,
): SidebarState {
  return {
    setupMode: 'personal',
    disclosure: {
      heading: 'What the add-on reads and where it goes',
      points: ['It reads steps and distance.', 'They go nowhere else.'],
    },
    providers: [
      {
        id: 'google-health',
        label: 'Google Health',
        recommended: true,
        note: 'Recommended.',
        registerAt: 'Google Cloud console',
        clientIdExample: '1-abc.apps.googleusercontent.com',
        clientId: '1-demo.apps.googleusercontent.com',
        secretSet: true,
        appType: 'server',
      },
      {
        id: 'fitbit',
        label: 'Fitbit',
        recommended: false,
        note: 'Legacy.',
        registerAt: 'dev.fitbit.com',
        clientIdExample: '23ABCD',
        clientId: '23PLAY',
        secretSet: true,
        appType: 'server',
      },
    ],
    chosenProvider: 'google-health',
    redirectUri: 'https://script.google.com/macros/d/ID/usercallback',
    connection: {
      state: 'not-connected',
      providerLabel: 'Google Health',
      accountId: null,
      accountLabel: null,
      grantedScopes: [],
      missingScopes: [],
      notRequestedScopes: [],
      message: 'Not connected yet. Click Authorize and allow access in the window that opens.',
      signUpUrl: null,
      offerGoogleHealth: false,
      pendingConsents: 0,
      ...connection,
    },
    sync: sync === null ? null : syncView(sync),
    dashboard: sync === null ? null : { weekStart: 1, stepGoal: 10_000 },
    asOfMs,
  };
}

export const connected = (sync: Partial<SyncView> = {}, asOfMs = AS_OF) =>
  sidebarState(
    {
      state: 'connected',
      accountId: 'A1B2C3',
      grantedScopes: ['Activity and fitness'],
      message: 'Connected to Google Health.',
    },
    sync,
    asOfMs,
  );

export const setupNeeded = () =>
  sidebarState({
    state: 'setup-needed',
    providerLabel: null,
    message:
      'Choose a data provider and paste its client ID and secret below, then click Authorize.',
  });

export const retired = () =>
  sidebarState({
    state: 'retired',
    providerLabel: 'Fitbit',
    offerGoogleHealth: true,
    message: 'Fitbit turned off its legacy Web API on 2 Nov 2026.',
  });
