// The Google Health API v4 provider: OAuth settings, identity (users/me/identity), errors.
import type { HttpResponse } from '../../core/ports';
import type { Provider } from '../provider';
import { classifyGoogleResponse } from './errors';
import { googleHealthOAuth } from './oauth';

export const GOOGLE_IDENTITY_URL = 'https://health.googleapis.com/v4/users/me/identity';

export const googleHealthProvider: Provider = {
  id: 'google-health',
  label: 'Google Health',
  oauth: googleHealthOAuth,
  identityRequest: () => ({ url: GOOGLE_IDENTITY_URL, method: 'get' }),
  parseIdentity(res: HttpResponse): string | null {
    if (res.status < 200 || res.status >= 300) return null;
    try {
      const id = (JSON.parse(res.body) as { healthUserId?: unknown }).healthUserId;
      // Identity.healthUserId: 1-63 letters, digits and hyphens (discovery document).
      return typeof id === 'string' && /^[A-Za-z0-9-]{1,63}$/.test(id) ? id : null;
    } catch {
      return null;
    }
  },
  // Identity has only healthUserId, an opaque id no Google page shows: its last characters tell
  // two accounts apart without pretending to be a name.
  accountLabel: (accountId) => `Google Health account …${accountId.slice(-4)}`,
  classify: classifyGoogleResponse,
};
