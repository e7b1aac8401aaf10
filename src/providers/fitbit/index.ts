// The legacy Fitbit Web API provider: OAuth settings, identity (token introspection), errors.
import type { HttpResponse } from '../../core/ports';
import type { Provider, StoredToken } from '../provider';
import { classifyFitbitResponse } from './errors';
import { fitbitOAuth } from './oauth';

export const FITBIT_INTROSPECT_URL = 'https://api.fitbit.com/1.1/oauth2/introspect';

function userIdFrom(value: unknown): string | null {
  return typeof value === 'string' && /^[A-Za-z0-9]{1,32}$/.test(value) ? value : null;
}

export const fitbitProvider: Provider = {
  id: 'fitbit',
  label: 'Fitbit (legacy Web API)',
  oauth: fitbitOAuth,
  identityRequest: (accessToken) => ({
    url: FITBIT_INTROSPECT_URL,
    method: 'post',
    payload: { token: accessToken },
  }),
  parseIdentity(res: HttpResponse, token: StoredToken): string | null {
    // The token response already names the user (user_id); introspection confirms the token is
    // live and may repeat it. Prefer the introspected value, fall back to the token's.
    if (res.status >= 200 && res.status < 300) {
      try {
        const body = JSON.parse(res.body) as { active?: unknown; user_id?: unknown };
        if (body.active === false) return null;
        const id = userIdFrom(body.user_id);
        if (id) return id;
      } catch {
        // Not JSON: fall through to the token's user_id.
      }
    }
    return userIdFrom(token.user_id);
  },
  // The Fitbit user id is short and is the one in the address of the person's Fitbit profile page.
  accountLabel: (accountId) => `Fitbit account ${accountId}`,
  classify: classifyFitbitResponse,
};
