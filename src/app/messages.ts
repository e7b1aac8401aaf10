// Every status line the person reads, in plain words with the action to take.
export const MESSAGES = {
  setupNeeded:
    'Choose a data provider and paste its client ID and secret below, then click Authorize.',
  notConnected: 'Not connected yet. Click Authorize and allow access in the window that opens.',
  connected: (label: string) => `Connected to ${label}.`,
  reconnect: (label: string) =>
    `${label} no longer accepts this connection (access was revoked or expired). Click Authorize to connect again.`,
  retired:
    'Fitbit turned off its legacy Web API on 2 Nov 2026, so it answers "410 Gone". Switch to Google Health in Setup (create a Google Cloud OAuth client), then click Authorize.',
  accountNotLinked:
    'This Google account has no Google Health (Fitbit) profile yet. Open the sign-up link, finish it, then click Authorize again.',
  accountNotLinkedNoLink:
    'This Google account has no Google Health (Fitbit) profile yet. Sign in to the Fitbit app with this Google account, then click Authorize again.',
  transient: (label: string) =>
    `${label} could not be reached, retrying: your connection is kept and nothing was lost. The sync tries again by itself in a few minutes.`,
  badClient: (label: string) =>
    `${label} does not accept the OAuth client in Setup (its client ID or secret is wrong, or the client was deleted). Your connection is kept: correct the client in Setup (or ask whoever set up the add-on), then click Sync now.`,
  serviceDisabled: (project: string | null, enableUrl: string | null) =>
    `The Google Health API is not enabled in the Google Cloud project${project ? ` ${project}` : ''} of this OAuth client. Enable it${enableUrl ? ` at ${enableUrl}` : ' (Google Cloud console > APIs & Services > Library)'}, wait a few minutes, then click Sync now. Your connection is kept.`,
  publisherSetup:
    'The publisher of this add-on set up the connection for everyone: there is nothing to set here. Click Authorize.',
  notConfigured:
    'Setup is not finished: choose a provider and save its client ID and secret first.',
} as const;
