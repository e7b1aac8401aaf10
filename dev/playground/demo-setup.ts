// The demo OAuth clients and people the playground starts with, so the first click on Authorize
// works without registering an app anywhere. These credentials exist only inside the simulator.
import type { Runtime } from '../runtime/index';
import type { Simulator } from '../simulator/index';

// Saved in this order: the add-on makes the last one saved its chosen provider, and Google Health
// is the one that works today.
export const DEMO_CLIENTS = {
  // Fitbit client ids are six uppercase characters; a "server" app authenticates with Basic auth.
  fitbit: {
    simulatorProvider: 'fitbit',
    clientId: '23PLAY',
    clientSecret: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    appType: 'server',
  },
  'google-health': {
    simulatorProvider: 'google',
    clientId: '123456789012-playground.apps.googleusercontent.com',
    clientSecret: 'GOCSPX-playground-demo-secret',
    appType: undefined,
  },
} as const;
export type DemoProvider = keyof typeof DEMO_CLIENTS;

export const DEFAULT_USER = 'user@example.com';

/** People to switch between: a linked account, and one without a Google Health profile. */
export const DEMO_USERS = [
  { email: DEFAULT_USER },
  { email: 'unlinked@example.com', healthLinked: false },
] as const;

/** Registers both demo clients with the simulator, redirecting to the runtime's usercallback. */
export function registerDemoClients(simulator: Simulator, runtime: Runtime): void {
  for (const c of Object.values(DEMO_CLIENTS)) {
    simulator.registerClient(c.simulatorProvider, {
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      redirectUris: [runtime.redirectUri()],
      ...(c.appType ? { appType: c.appType } : {}),
    });
  }
}

/**
 * Saves both demo clients in the add-on through its own setup entry point, as a person would from
 * the sidebar. Returns the failures (an add-on without saveProviderSetup yet, or one refusing).
 */
/** The add-on answers a setup it will not save with its per-field errors instead of throwing. */
function refused(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'errors' in value && !!value.errors;
}

export async function saveDemoSetup(
  runtime: Runtime,
  user: string,
  spreadsheetId: string,
): Promise<string[]> {
  const problems: string[] = [];
  for (const [provider, c] of Object.entries(DEMO_CLIENTS)) {
    const setup = {
      provider,
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      ...(c.appType ? { appType: c.appType } : {}),
    };
    const result = await runtime.run('saveProviderSetup', [setup], {
      user,
      spreadsheetId,
      authMode: 'FULL',
    });
    if (!result.ok) {
      problems.push(`saveProviderSetup(${provider}): ${result.error.message}`);
    } else if (refused(result.value)) {
      problems.push(`saveProviderSetup(${provider}) refused: ${JSON.stringify(result.value)}`);
    }
  }
  return problems;
}
