// OAuth 2.0 settings of the Google Health API v4 (Google OAuth): endpoints, offline access,
// restricted read-only scopes, revoke; pure, so the gas/ adapter only copies them.
import type { OAuthSettings, StoredToken } from '../provider';
import { isMetricId, scopesForMetrics } from '../metrics';
import { classifyGoogleTokenError } from './errors';

export const GOOGLE_AUTHORIZE_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const GOOGLE_REVOKE_URL = 'https://oauth2.googleapis.com/revoke';

const SCOPE_PREFIX = 'https://www.googleapis.com/auth/googlehealth.';
export const GH_ACTIVITY_SCOPE = SCOPE_PREFIX + 'activity_and_fitness.readonly';
export const GH_METRICS_SCOPE = SCOPE_PREFIX + 'health_metrics_and_measurements.readonly';

/** Steps, distance, floors, calories, active and sedentary minutes: all activity_and_fitness. */
export const GOOGLE_DEFAULT_SCOPES: readonly string[] = [GH_ACTIVITY_SCOPE];

/** Google's scope-mapping table: what each permission lets the add-on read. */
const SCOPE_WORDS: Record<string, string> = {
  'activity_and_fitness.readonly':
    'Activity and fitness (steps, distance, calories, floors, active minutes, activity level, active zone minutes, exercise, VO2 max, time in heart-rate zones)',
  'health_metrics_and_measurements.readonly':
    'Health metrics and measurements (heart rate, resting heart rate, HRV, SpO2, respiratory rate, temperature, weight, body fat, height)',
  'sleep.readonly': 'Sleep',
  'nutrition.readonly': 'Nutrition (hydration and nutrition logs)',
  'settings.readonly': 'Devices and settings',
  'profile.readonly': 'Profile',
};

/** The scopes of the metrics the add-on reads (metric catalog); activity when none apply. */
export function googleScopesForMetrics(metricIds: readonly string[]): string[] {
  const scopes = scopesForMetrics('google-health', metricIds.filter(isMetricId));
  return scopes.length > 0 ? scopes : [...GOOGLE_DEFAULT_SCOPES];
}

/** Google returns the granted scopes space separated in the token response's `scope`. */
function scopeList(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value.split(/\s+/).filter((s) => s.length > 0);
}

export const googleHealthOAuth: OAuthSettings = {
  authorizationBaseUrl: GOOGLE_AUTHORIZE_URL,
  tokenUrl: GOOGLE_TOKEN_URL,
  scopesFor: googleScopesForMetrics,
  // Google issues a refresh token only with access_type=offline, and again on a repeat consent
  // only with prompt=consent (Google OAuth 2.0 for web server apps).
  authorizeParams: { access_type: 'offline', prompt: 'consent' },
  // Incremental authorization (Google OAuth 2.0 for web server apps): with
  // include_granted_scopes=true the request names only the new scopes, and the new access and
  // refresh tokens also cover every scope the person granted the client before.
  incrementalAuthorizeParams: { include_granted_scopes: 'true' },
  tokenHeaders: () => ({}),
  tokenPayload(payload) {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(payload)) if (v !== undefined) out[k] = v;
    return out;
  },
  // The token goes in the form body, never the URL, where proxies and logs would keep it
  // (Google's revoke endpoint accepts token as a POST form parameter).
  revokeRequest: (token) => ({
    url: GOOGLE_REVOKE_URL,
    method: 'post',
    contentType: 'application/x-www-form-urlencoded',
    payload: `token=${encodeURIComponent(token)}`,
  }),
  grantedScopes: (token: StoredToken) => scopeList(token.scope),
  describeScope(scope) {
    if (!scope.startsWith(SCOPE_PREFIX)) return scope;
    return SCOPE_WORDS[scope.slice(SCOPE_PREFIX.length)] ?? scope.slice(SCOPE_PREFIX.length);
  },
  classifyTokenError: classifyGoogleTokenError,
};
