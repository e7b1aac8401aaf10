// What every route handler of the simulator can reach: clock, settings, users and OAuth state.
import type { Clock } from '../clock';
import type { OAuthStore } from './oauth-store';
import type { RateLimiter } from './rate-limiter';
import type { SimSettings, SimUser } from './types';

export interface SimContext {
  clock: Clock;
  store: OAuthStore;
  users: Map<string, SimUser>;
  settings: SimSettings;
  rate: RateLimiter;
  /** Origin that stands in for https://script.google.com in redirects (playground), if any. */
  callbackBase?: string;
}
