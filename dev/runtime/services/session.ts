// The Session global: the simulated user, the script time zone and locale.
import { createHash } from 'node:crypto';
import type { WorkerEnv } from './env';

export function createSession(env: WorkerEnv): object {
  const user = () => ({
    getEmail: () => env.ctx.user,
    getUsername: () => env.ctx.user.split('@')[0],
    toString: () => env.ctx.user,
  });
  return {
    getActiveUser: user,
    getEffectiveUser: user,
    getScriptTimeZone: () => env.ctx.timeZone,
    getTimeZone: () => env.ctx.timeZone,
    getActiveUserLocale: () => 'en',
    // Stable per user and script, and reveals neither (documented as an anonymous key).
    getTemporaryActiveUserKey: () =>
      createHash('sha256')
        .update(`${env.scriptId}\n${env.ctx.user}`)
        .digest('base64url')
        .slice(0, 43),
  };
}
