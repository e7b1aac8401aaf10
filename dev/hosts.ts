// The production hosts the add-on talks to, and how the local runtime and playground reach the
// simulator instead: https://<host>/<path> becomes <simulatorBase>/<host>/<path>, so the add-on
// never carries a test URL.
export const PROVIDER_HOSTS = [
  'www.fitbit.com',
  'api.fitbit.com',
  'accounts.google.com',
  'oauth2.googleapis.com',
  'health.googleapis.com',
] as const;
export type ProviderHost = (typeof PROVIDER_HOSTS)[number];

/** Apps Script's own host: /macros/d/<id>/usercallback lives here. */
export const APPS_SCRIPT_HOST = 'script.google.com';

/** Maps a production URL to the simulator; returns null for any other URL. */
export function toSimulatorUrl(url: string, simulatorBase: string): string | null {
  const m = /^https:\/\/([^/?#]+)(.*)$/.exec(url);
  if (!m || !(PROVIDER_HOSTS as readonly string[]).includes(m[1].toLowerCase())) return null;
  const rest = m[2] === '' ? '/' : m[2];
  return `${simulatorBase.replace(/\/$/, '')}/${m[1].toLowerCase()}${rest.startsWith('/') ? rest : '/' + rest}`;
}

/** The inverse: which production host and path a simulator request path stands for. */
export function fromSimulatorPath(path: string): { host: ProviderHost; path: string } | null {
  const m = /^\/([^/?#]+)(.*)$/.exec(path);
  if (!m || !(PROVIDER_HOSTS as readonly string[]).includes(m[1])) return null;
  return { host: m[1] as ProviderHost, path: m[2] === '' ? '/' : m[2] };
}
