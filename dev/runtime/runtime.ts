// The local Apps Script runtime's host: holds every piece of state (properties, caches, locks,
// triggers, state-token key, spreadsheets, logs, counters) and runs each execution in a worker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Clock } from '../clock';
import {
  errorPage,
  INVALID_STATE_MESSAGE,
  NO_OUTPUT_MESSAGE,
  type CallbackPage,
} from './callback-page';
import { Caches } from './host/caches';
import { httpHandlers, type FetchLogEntry } from './host/http';
import { Locks } from './host/locks';
import { PropertyStores, type Store } from './host/property-stores';
import { StateTokens } from './host/state-tokens';
import { Triggers, type ClockSpec, type TriggerInfo } from './host/triggers';
import type { RenderedPage } from './result-shape';
import { runInWorker, type RunningExecution } from './rpc-host';
import type { AuthMode, ExecutionContext, HostService, InstallationSource } from './rpc-types';
import { zonedFields } from './services/format-date';
import { SpreadsheetHost } from './services/spreadsheet/host';
import { workerFile } from './worker-bundle';
import type { CallMode, WorkerRequest } from './worker-request';
import { whitelistOf, type UrlWhitelist } from './url-whitelist';

export interface RuntimeOptions {
  bundleDir?: string;
  scriptSource?: string;
  simulatorBase?: string;
  /** Required: every runtime reads time from a clock started at an instant its owner names. */
  clock: Clock;
  scriptId?: string;
  timeZone?: string;
  oauth2LibrarySrc?: string | null;
  fetchTimeoutMs?: number;
  maxExecutionMs?: number;
  /**
   * The manifest of a `scriptSource` runtime (its urlFetchWhitelist is enforced); a bundle's is
   * read from its appsscript.json. A bare script without one has no allowlist.
   */
  manifest?: Record<string, unknown>;
  /** How the script came to run (default: installed as an add-on from the store). */
  installationSource?: InstallationSource;
  /**
   * Apps Script's trigger rules for add-ons (one clock trigger per user and document, none more
   * often than hourly) on top of the 20-per-user cap. Default: on while `installationSource`
   * plays an add-on, off for a bound script ('NONE').
   */
  addOnTriggerRules?: boolean;
}

export interface RunOptions {
  user?: string;
  spreadsheetId?: string | null;
  authMode?: AuthMode;
  /** Test hook: called before each RPC; return true to kill the execution right there (the call
   *  is NOT performed), as if Apps Script stopped it. Locks are released. */
  killWhen?: (call: { service: string; method: string; index: number }) => boolean;
}

export type ExecutionResult =
  | { ok: true; value: unknown; logs: string[]; executionId: string }
  | { ok: false; error: { message: string; stack?: string }; logs: string[]; executionId: string };

export type { TriggerInfo, Store, FetchLogEntry };

export const DEFAULT_SCRIPT_ID = '1AbCdEfLocalScriptId_0123456789abcdefghijklmnopqrstuvwxyzABCD';
export const DEFAULT_USER = 'user@example.com';
const REPO_ROOT = join(__dirname, '..', '..');

type Listener = (e: unknown) => void;

export class Runtime {
  readonly clock: Clock;
  readonly scriptId: string;
  readonly defaultSpreadsheetId: string;
  readonly fetchLog: FetchLogEntry[] = [];
  readonly counters: { executions: number; rpcByService: Record<string, number> } = {
    executions: 0,
    rpcByService: {},
  };

  private readonly stores = new PropertyStores();
  private readonly caches: Caches;
  private readonly locks = new Locks();
  private readonly tokens: StateTokens;
  private readonly triggerStore: Triggers;
  private readonly listeners = { ui: new Set<Listener>(), execution: new Set<Listener>() };
  private readonly running = new Set<RunningExecution>();
  private readonly services: Record<string, HostService>;
  private readonly bundleDir: string;
  private readonly timeZone: string;
  private nextExecution = 1;

  /**
   * What ScriptApp.getInstallationSource() answers from now on: 'NONE' plays a script bound to
   * the spreadsheet, the other two an installed add-on. Tests may switch it between executions.
   */
  installationSource: InstallationSource;

  /** The SpreadsheetApp host: spreadsheets, menus, sidebars, toasts. */
  readonly sheets: SpreadsheetHost;

  private constructor(
    private readonly opts: RuntimeOptions,
    private readonly workerPath: string,
  ) {
    this.clock = opts.clock;
    const now = () => this.clock.now();
    this.scriptId = opts.scriptId ?? DEFAULT_SCRIPT_ID;
    this.timeZone = opts.timeZone ?? 'Etc/UTC';
    this.installationSource = opts.installationSource ?? 'WEB_STORE_ADD_ON';
    this.bundleDir = opts.bundleDir ?? join(REPO_ROOT, 'build');
    this.caches = new Caches(now);
    this.tokens = new StateTokens(now);
    // The add-on rules follow what the runtime plays (a bound script has none), unless set.
    this.triggerStore = new Triggers(now, {
      addOn: () => opts.addOnTriggerRules ?? this.installationSource !== 'NONE',
    });
    this.sheets = new SpreadsheetHost(this.clock);
    this.defaultSpreadsheetId = this.sheets.createSpreadsheet(
      'Untitled spreadsheet',
      this.timeZone,
    );
    this.sheets.on('ui', (e) => this.emit('ui', e));
    this.services = {
      properties: this.stores.handlers(),
      cache: this.caches.handlers(),
      lock: this.locks.handlers(),
      script: this.scriptHandlers(),
      urlfetch: httpHandlers({
        simulatorBase: opts.simulatorBase,
        timeoutMs: opts.fetchTimeoutMs ?? 60000,
        log: this.fetchLog,
        whitelist: () => this.urlFetchWhitelist(),
      }),
      spreadsheet: this.sheets.handlers(),
    };
  }

  private whitelist: UrlWhitelist | undefined;

  /** The manifest's urlFetchWhitelist, read once (an invalid entry fails every fetch loudly). */
  urlFetchWhitelist(): UrlWhitelist {
    if (this.whitelist === undefined) {
      const manifest =
        this.opts.manifest ??
        (this.opts.scriptSource === undefined
          ? (JSON.parse(readFileSync(join(this.bundleDir, 'appsscript.json'), 'utf8')) as unknown)
          : null);
      this.whitelist = whitelistOf(manifest);
    }
    return this.whitelist;
  }

  static async create(opts: RuntimeOptions): Promise<Runtime> {
    if (!(opts?.clock instanceof Clock))
      throw new Error('Runtime.create needs a clock: pass { clock: new Clock(<start instant>) }');
    return new Runtime(opts, await workerFile());
  }

  readonly properties = {
    script: this.stores.script,
    user: (email: string): Store => this.stores.user(email),
    document: (spreadsheetId: string): Store => this.stores.document(spreadsheetId),
  };

  /**
   * Which of the manifest's oauthScopes each simulated user has authorized. Everyone starts with
   * all of them (they authorized the add-on when installing it).
   */
  private readonly withdrawn = new Map<string, Set<string>>();
  readonly authorization = {
    /** The manifest's scopes, or none when the runtime runs a bare script without a manifest. */
    manifestScopes: (): string[] => {
      try {
        const manifest = JSON.parse(
          readFileSync(join(this.bundleDir, 'appsscript.json'), 'utf8'),
        ) as { oauthScopes?: unknown };
        return Array.isArray(manifest.oauthScopes) ? manifest.oauthScopes.map(String) : [];
      } catch {
        return [];
      }
    },
    /** The user no longer authorizes these scopes (default: all of the manifest's). */
    withdraw: (user: string, scopes?: string[]): void => {
      const set = this.withdrawn.get(user) ?? new Set<string>();
      for (const s of scopes ?? this.authorization.manifestScopes()) set.add(s);
      this.withdrawn.set(user, set);
    },
    /** The user authorizes every scope again (the authorization prompt was accepted). */
    grantAll: (user: string): void => {
      this.withdrawn.delete(user);
    },
    missing: (user: string): string[] => {
      // Every execution asks: read the manifest only for a user who has withdrawn something.
      const withdrawn = this.withdrawn.get(user);
      if (!withdrawn) return [];
      return this.authorization.manifestScopes().filter((s) => withdrawn.has(s));
    },
  };

  readonly triggers = {
    list: (filter?: { user?: string; spreadsheetId?: string | null }): TriggerInfo[] =>
      this.triggerStore.list(filter),
    fireDue: async (): Promise<ExecutionResult[]> => {
      const results: ExecutionResult[] = [];
      for (const t of this.triggerStore.takeDue()) results.push(await this.runTrigger(t));
      return results;
    },
    /** A trigger added by hand, as on the script editor's Triggers page (tests, the playground). */
    create: (
      spec: ClockSpec,
      owner: { user: string; spreadsheetId: string | null },
    ): TriggerInfo => {
      const t = this.triggerStore.create(
        spec,
        owner.user,
        owner.spreadsheetId,
        this.timeZone,
        'editor',
      );
      this.emit('ui', { type: 'trigger-created', trigger: t });
      return t;
    },
    fire: async (id: string): Promise<ExecutionResult> => {
      const t = this.triggerStore.take(id);
      if (!t) throw new Error(`Runtime: no trigger ${id}`);
      return this.runTrigger(t);
    },
  };

  run(fn: string, args: unknown[] = [], opts: RunOptions = {}): Promise<ExecutionResult> {
    return this.execute(fn, args, 'run', opts);
  }

  async runFromClient(
    fn: string,
    args: unknown[] = [],
    opts: RunOptions = {},
  ): Promise<ExecutionResult> {
    // google.script.run can reach only top-level functions not ending in '_' (private functions).
    if (fn.endsWith('_')) return this.refused(`Script function not found: ${fn}`);
    const illegal = illegalClientValue(args);
    // google.script.run refuses Dates (platform-facts: pass ISO date strings).
    if (illegal !== null)
      return this.refused(`Failed due to illegal value in property: ${illegal}`);
    return this.execute(fn, JSON.parse(JSON.stringify(args)) as unknown[], 'client', opts);
  }

  /** opts.spreadsheetId: the document the flow started from (default none: a web request). */
  async usercallback(
    url: string,
    opts: { user?: string; spreadsheetId?: string | null } = {},
  ): Promise<CallbackPage> {
    const u = new URL(url);
    const expectedPath = new URL(this.redirectUri()).pathname;
    if (u.pathname !== expectedPath) return errorPage(404, 'Page not found');
    const content = this.tokens.open(u.searchParams.get('state') ?? '');
    if (!content || content.scriptId !== this.scriptId)
      return errorPage(400, INVALID_STATE_MESSAGE);
    const parameter: Record<string, string> = {};
    const parameters: Record<string, string[]> = {};
    for (const [k, v] of u.searchParams) {
      if (!(k in parameter)) parameter[k] = v;
      (parameters[k] ??= []).push(v);
    }
    // The state token's arguments join the query (the OAuth2 library reads serviceName from there).
    for (const [k, v] of Object.entries(content.args)) {
      parameter[k] = v;
      parameters[k] = [v];
    }
    const e = {
      parameter,
      parameters,
      queryString: u.search.replace(/^\?/, ''),
      contextPath: '',
      contentLength: -1,
    };
    const result = await this.execute(content.method, [e], 'callback', {
      user: opts.user,
      spreadsheetId: opts.spreadsheetId ?? null,
      authMode: 'FULL',
    });
    if (!result.ok) return errorPage(500, result.error.message);
    const page = result.value as RenderedPage | null;
    if (!page) return { status: 200, title: '', html: NO_OUTPUT_MESSAGE };
    return { status: 200, html: page.html, title: page.title };
  }

  redirectUri(): string {
    return `https://script.google.com/macros/d/${encodeURIComponent(this.scriptId)}/usercallback`;
  }

  on(event: 'ui' | 'execution', cb: (e: unknown) => void): () => void {
    this.listeners[event].add(cb);
    return () => this.listeners[event].delete(cb);
  }

  async close(): Promise<void> {
    const pending = [...this.running];
    for (const r of pending) r.kill('Runtime closed');
    await Promise.all(pending.map((r) => r.done));
  }

  /** Who holds which lock right now (tests and the playground). */
  lockHolders(): Record<string, string> {
    return this.locks.holders();
  }

  private emit(event: 'ui' | 'execution', e: unknown): void {
    for (const cb of this.listeners[event]) cb(e);
  }

  private refused(message: string): ExecutionResult {
    return { ok: false, error: { message }, logs: [], executionId: `exec-${this.nextExecution++}` };
  }

  private async runTrigger(t: TriggerInfo): Promise<ExecutionResult> {
    const now = this.clock.now();
    const f = zonedFields(now, 'Etc/UTC');
    // Time-driven trigger event object (Apps Script "Event objects": time-driven events).
    const event = {
      authMode: 'FULL',
      triggerUid: t.id,
      year: f.year,
      month: f.month,
      'day-of-month': f.day,
      'day-of-week': f.weekday === 0 ? 7 : f.weekday,
      'week-of-year': isoWeek(now),
      hour: f.hour,
      minute: f.minute,
      second: f.second,
      timezone: 'UTC',
    };
    return this.execute(t.handler, [event], 'run', {
      user: t.user,
      spreadsheetId: t.spreadsheetId,
      authMode: 'FULL',
    });
  }

  private scriptHandlers(): HostService {
    return {
      createStateToken: (_ctx, method: string, args: Record<string, string>, timeout?: number) =>
        this.tokens.create(this.scriptId, method, args, timeout),
      createTrigger: (ctx, spec: ClockSpec) => {
        const t = this.triggerStore.create(spec, ctx.user, ctx.spreadsheetId, this.timeZone);
        this.emit('ui', { type: 'trigger-created', trigger: t });
        return t;
      },
      listTriggers: (ctx, spreadsheetId?: string | null) =>
        this.triggerStore.list({
          user: ctx.user,
          ...(spreadsheetId === undefined ? {} : { spreadsheetId }),
        }),
      deleteTrigger: (ctx, id: string) => {
        const t = this.triggerStore.get(id);
        if (t && t.user === ctx.user) {
          this.triggerStore.delete(id);
          this.emit('ui', { type: 'trigger-deleted', triggerId: id });
        }
      },
    };
  }

  private async execute(
    fn: string,
    args: unknown[],
    mode: CallMode,
    opts: RunOptions,
  ): Promise<ExecutionResult> {
    const executionId = `exec-${this.nextExecution++}`;
    const ctx: ExecutionContext = {
      executionId,
      user: opts.user ?? DEFAULT_USER,
      spreadsheetId:
        opts.spreadsheetId === undefined ? this.defaultSpreadsheetId : opts.spreadsheetId,
      authMode: opts.authMode ?? 'FULL',
      timeZone: this.timeZone,
      installationSource: this.installationSource,
    };
    const missing = this.authorization.missing(ctx.user);
    if (missing.length > 0) ctx.missingScopes = missing;
    const source = this.opts.scriptSource ?? readFileSync(join(this.bundleDir, 'Code.js'), 'utf8');
    const request: WorkerRequest = {
      executionId,
      fn,
      args,
      mode,
      ctx,
      source,
      sourceName: this.opts.scriptSource !== undefined ? 'script.js' : 'Code.js',
      bundleDir: this.bundleDir,
      scriptId: this.scriptId,
      clockOffset: this.clock.offset,
      oauth2LibrarySrc:
        this.opts.oauth2LibrarySrc === undefined
          ? (process.env.OAUTH2_LIBRARY_SRC ?? null)
          : this.opts.oauth2LibrarySrc,
    };
    this.counters.executions++;
    this.emit('execution', {
      type: 'start',
      executionId,
      fn,
      mode,
      user: ctx.user,
      authMode: ctx.authMode,
    });
    const running = runInWorker(this.workerPath, request, ctx, {
      services: this.services,
      clockOffset: () => this.clock.offset,
      maxExecutionMs: this.opts.maxExecutionMs ?? 360000,
      killWhen: opts.killWhen,
      onCall: (service) => {
        this.counters.rpcByService[service] = (this.counters.rpcByService[service] ?? 0) + 1;
      },
    });
    this.running.add(running);
    try {
      const { result, logs } = await running.done;
      const out: ExecutionResult = result.ok
        ? { ok: true, value: result.value, logs, executionId }
        : { ok: false, error: result.error, logs, executionId };
      this.emit('execution', {
        type: 'end',
        executionId,
        fn,
        ok: out.ok,
        ...(out.ok ? {} : { error: out.error.message }),
      });
      return out;
    } finally {
      this.running.delete(running);
      // Apps Script frees an execution's locks when it ends, however it ends (LockService docs).
      this.locks.releaseAll(executionId);
    }
  }
}

/** Name of the property holding the first Date or function in google.script.run arguments (the
 *  argument's index at top level), or null: the client's error names that property. */
function illegalClientValue(value: unknown, name = '0'): string | null {
  if (Object.prototype.toString.call(value) === '[object Date]' || typeof value === 'function') {
    return name;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const found = illegalClientValue(v, k);
    if (found !== null) return found;
  }
  return null;
}

function isoWeek(epochMs: number): number {
  const d = new Date(epochMs);
  const day = d.getUTCDay() || 7;
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.ceil((thursday - yearStart) / 86400000 / 7 + 1 / 7);
}
