// What every route handler of the simulator can reach: clock, settings, users and OAuth state.
import type { Clock } from '../clock';
import type { OAuthStore } from './oauth-store';
import type { RateLimiter } from './rate-limiter';
import type { SimSettings, SimUser } from './types';
import type { ExerciseEdit } from './google-exercises';

export interface SimContext {
  clock: Clock;
  store: OAuthStore;
  users: Map<string, SimUser>;
  settings: SimSettings;
  rate: RateLimiter;
  /** Workouts edited on the host (by data point name): a newer updateTime and new numbers. */
  exerciseEdits: Map<string, ExerciseEdit>;
  /** Origin that stands in for https://script.google.com in redirects (playground), if any. */
  callbackBase?: string;
}
