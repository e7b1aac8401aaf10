// OAuth 2.0 settings of the legacy Fitbit Web API: endpoints, scopes, client authentication by app
// type, revoke; pure, so the gas/ adapter only copies them into the OAuth2 library's service.
import type { ClientCredentials, OAuthSettings, StoredToken } from '../provider';
import { isMetricId, scopesForMetrics } from '../metrics';
import { classifyFitbitTokenError } from './errors';

export const FITBIT_AUTHORIZE_URL = 'https://www.fitbit.com/oauth2/authorize';
export const FITBIT_TOKEN_URL = 'https://api.fitbit.com/oauth2/token';
export const FITBIT_REVOKE_URL = 'https://api.fitbit.com/oauth2/revoke';

/** Every daily activity metric lives under Fitbit's `activity` scope. */
export const FITBIT_DEFAULT_SCOPES: readonly string[] = ['activity'];

const SCOPE_WORDS: Record<string, string> = {
  activity: 'Activity (steps, distance, calories, floors, active minutes)',
  cardio_fitness: 'Cardio fitness',
  electrocardiogram: 'ECG readings',
  heartrate: 'Heart rate',
  location: 'Location (GPS of exercises)',
  nutrition: 'Food and water logs',
  oxygen_saturation: 'Blood oxygen (SpO2)',
  profile: 'Profile',
  respiratory_rate: 'Breathing rate',
  settings: 'Devices and settings',
  sleep: 'Sleep',
  social: 'Friends',
  temperature: 'Skin temperature',
  weight: 'Weight and body fat',
};

/** The scopes of the metrics the add-on reads (metric catalog); activity when none apply. */
export function fitbitScopesForMetrics(metricIds: readonly string[]): string[] {
  const scopes = scopesForMetrics('fitbit', metricIds.filter(isMetricId));
  return scopes.length > 0 ? scopes : [...FITBIT_DEFAULT_SCOPES];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of the UTF-8 bytes of `text` (no btoa/Buffer in Apps Script's V8). */
export function base64Utf8(text: string): string {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else
      bytes.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63];
    out += b === undefined ? '=' : BASE64[(n >> 6) & 63];
    out += c === undefined ? '=' : BASE64[n & 63];
  }
  return out;
}

/** Only Fitbit "server" apps authenticate with the secret; client and personal apps must not. */
function isServerApp(creds: ClientCredentials): boolean {
  return (creds.appType ?? 'server') === 'server';
}

function basicAuth(creds: ClientCredentials): Record<string, string> {
  return { Authorization: 'Basic ' + base64Utf8(`${creds.clientId}:${creds.clientSecret}`) };
}

/** Fitbit writes granted scopes space separated in the token response's `scope`. */
export function scopeList(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value.split(/[\s,]+/).filter((s) => s.length > 0);
}

export const fitbitOAuth: OAuthSettings = {
  authorizationBaseUrl: FITBIT_AUTHORIZE_URL,
  tokenUrl: FITBIT_TOKEN_URL,
  scopesFor: fitbitScopesForMetrics,
  authorizeParams: {},
  tokenHeaders: (creds) => (isServerApp(creds) ? basicAuth(creds) : {}),
  tokenPayload(payload, creds) {
    // Server apps are identified by the Basic header; client and personal apps by client_id in
    // the body and no secret at all (Fitbit docs, "Authorization Code Flow with PKCE").
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(payload)) {
      if (v === undefined || k === 'client_secret') continue;
      out[k] = v;
    }
    out.client_id = creds.clientId;
    return out;
  },
  revokeRequest(token, creds) {
    const payload: Record<string, string> = { token };
    if (!isServerApp(creds)) payload.client_id = creds.clientId;
    return {
      url: FITBIT_REVOKE_URL,
      method: 'post',
      headers: isServerApp(creds) ? basicAuth(creds) : {},
      payload,
    };
  },
  grantedScopes: (token: StoredToken) => scopeList(token.scope),
  describeScope: (scope) => SCOPE_WORDS[scope] ?? scope,
  classifyTokenError: classifyFitbitTokenError,
};
