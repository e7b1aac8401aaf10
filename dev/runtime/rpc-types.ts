// Types shared by the runtime host (main thread: all state) and an execution worker (one per
// execution: a fresh global scope running build/Code.js), which talk by synchronous RPC.

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/**
 * ScriptApp.InstallationSource: NONE for a script bound to its document (or run from its editor),
 * the other two for an installed add-on (by the person from the store, or by a domain admin).
 */
export type InstallationSource = 'NONE' | 'WEB_STORE_ADD_ON' | 'APPS_MARKETPLACE_DOMAIN_ADD_ON';

/** Who and what an execution runs for; the host passes it to every service handler. */
/** What Apps Script throws when a service needs a scope the user has not authorized. */
export const AUTHORIZATION_REQUIRED = 'Authorization is required to perform that action.';

export interface ExecutionContext {
  executionId: string;
  /** Simulated user's email (Session.getEffectiveUser / getActiveUser, the user property store). */
  user: string;
  /** The spreadsheet the execution is bound to (SpreadsheetApp.getActive), or null. */
  spreadsheetId: string | null;
  authMode: AuthMode;
  /** IANA time zone of the script (Session.getScriptTimeZone). */
  timeZone: string;
  /**
   * Scopes of the manifest this user has not authorized (a new version asks for more, or the
   * user removed the add-on's access). Services needing one of them throw; ScriptApp's
   * getAuthorizationInfo answers REQUIRED. Absent: all authorized.
   */
  missingScopes?: string[];
  /** What ScriptApp.getInstallationSource() answers in this execution. */
  installationSource: InstallationSource;
}

/**
 * A service living in the host. Each method receives the calling execution's context first; it may
 * return a value or a Promise (the worker stays blocked until it settles). Thrown errors are
 * re-thrown in the worker with the same message, as Apps Script services throw.
 */
export type HostService = Record<string, (ctx: ExecutionContext, ...args: never[]) => unknown>;

/** Worker side: a synchronous call into a host service. */
export type Rpc = (service: string, method: string, args: unknown[]) => unknown;
