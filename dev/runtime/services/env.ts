// What every worker-side service facade gets: the RPC into the host, the execution's context, and
// the script's realm (its own Error, Date and Array, so values look native to the script).
import { AUTHORIZATION_REQUIRED, type ExecutionContext, type Rpc } from '../rpc-types';

export interface Realm {
  /** An Apps Script style exception: name "Exception", so String(e) reads "Exception: <message>". */
  error(message: string): Error;
  /** Deep copy of a plain value (arrays, objects, Dates) built from the script's own constructors. */
  toRealm<T>(value: T): T;
  /** Evaluates code in the script's global scope (templates see the script's globals). */
  evaluate(code: string, filename: string): unknown;
}

export interface WorkerEnv {
  rpc: Rpc;
  ctx: ExecutionContext;
  scriptId: string;
  bundleDir: string;
  realm: Realm;
  log(text: string): void;
}

const SCOPES: Record<string, string> = {
  UrlFetchApp: 'https://www.googleapis.com/auth/script.external_request',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
};

/**
 * Services that need authorization refuse to run in AuthMode.NONE (platform-facts: onOpen runs in
 * AuthMode.NONE until the add-on is enabled and must not read properties).
 */
export function requireAuthorization(env: WorkerEnv, what: string, needsFull = false): void {
  const mode = env.ctx.authMode;
  const scope = SCOPES[what.split('.')[0]];
  if (mode === 'FULL' || (mode === 'LIMITED' && !needsFull)) {
    if (scope && env.ctx.missingScopes?.includes(scope))
      throw env.realm.error(AUTHORIZATION_REQUIRED);
    return;
  }
  throw env.realm.error(
    `You do not have permission to call ${what}.` +
      (scope ? ` Required permissions: ${scope}` : ''),
  );
}
