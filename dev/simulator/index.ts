// The provider simulator: one HTTP server on 127.0.0.1 that plays www.fitbit.com, api.fitbit.com,
// accounts.google.com, oauth2.googleapis.com and health.googleapis.com (routing: dev/hosts.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PRODUCT_NAME } from '../../src/app/product';
import { Clock } from '../clock';
import { fromSimulatorPath, toSimulatorUrl, type ProviderHost } from '../hosts';
import { AUTHORIZE_PATHS, handleAuthorizeGet, handleAuthorizePost } from './authorize';
import type { SimContext } from './context';
import { FaultList, faultResponse } from './faults';
import { FITBIT_DATA_ROUTES } from './fitbit-api';
import { fitbitGone } from './fitbit-errors';
import { handleFitbitIntrospect, handleFitbitRevoke, handleFitbitToken } from './fitbit-oauth';
import {
  FITBIT_ACTIVITY_RESOURCES,
  fitbitSeriesValue,
  fitbitWeightValue,
  unitSystemOf,
} from './fitbit-values';
import { GOOGLE_HEALTH_ROUTES, googleDayValue } from './google-health-api';
import { GOOGLE_INTRADAY_ROUTES } from './google-intraday';
import { GOOGLE_SLEEP_ROUTES, sleepDataPoint } from './google-sleep';
import { exercisesBetween } from './google-exercises';
import { handleGoogleRevoke, handleGoogleToken } from './google-oauth';
import { HEALTH_SIGNUP_ROUTES } from './health-signup';
import { OAuthStore, type LiveTokens } from './oauth-store';
import { hashKey } from './prng';
import { RateLimiter } from './rate-limiter';
import { editSleep, sleepsEndingOn } from './synthetic-sleep';
import { html, json } from './responses';
import { matchTemplate, type Route } from './routes';
import type {
  AppType,
  Fault,
  ProviderName,
  RequestLog,
  SimRequest,
  SimResponse,
  SimSettings,
  SimUser,
} from './types';

export type { Fault, RequestLog, SimSettings, SimUser } from './types';
export type { LiveTokens } from './oauth-store';

export interface SimulatorOptions {
  port?: number;
  /** Required: the simulator's "now" (today's data, token expiry, rate windows) is this clock. */
  clock: Clock;
  seed?: number;
  /** Redirects to https://script.google.com/... are rewritten to this origin. */
  callbackBase?: string;
}

export interface ConsentResult {
  location: string;
  status: number;
  code?: string;
  error?: string;
  errorBody?: unknown;
}

export const DEFAULT_USER = 'user@example.com';

const OAUTH_ROUTES: Route[] = [
  {
    host: 'www.fitbit.com',
    method: 'GET',
    template: AUTHORIZE_PATHS.fitbit.path,
    kind: 'oauth',
    handle: (c, r) => handleAuthorizeGet(c, 'fitbit', r),
  },
  {
    host: 'www.fitbit.com',
    method: 'POST',
    template: AUTHORIZE_PATHS.fitbit.path,
    kind: 'oauth',
    handle: (c, r) => handleAuthorizePost(c, 'fitbit', r),
  },
  {
    host: 'api.fitbit.com',
    method: 'POST',
    template: '/oauth2/token',
    kind: 'oauth',
    handle: handleFitbitToken,
  },
  {
    host: 'api.fitbit.com',
    method: 'POST',
    template: '/oauth2/revoke',
    kind: 'oauth',
    handle: handleFitbitRevoke,
  },
  {
    host: 'api.fitbit.com',
    method: 'POST',
    template: '/1.1/oauth2/introspect',
    kind: 'oauth',
    handle: handleFitbitIntrospect,
  },
  {
    host: 'accounts.google.com',
    method: 'GET',
    template: AUTHORIZE_PATHS.google.path,
    kind: 'oauth',
    handle: (c, r) => handleAuthorizeGet(c, 'google', r),
  },
  {
    host: 'accounts.google.com',
    method: 'POST',
    template: AUTHORIZE_PATHS.google.path,
    kind: 'oauth',
    handle: (c, r) => handleAuthorizePost(c, 'google', r),
  },
  {
    host: 'oauth2.googleapis.com',
    method: 'POST',
    template: '/token',
    kind: 'oauth',
    handle: handleGoogleToken,
  },
  {
    host: 'oauth2.googleapis.com',
    method: 'POST',
    template: '/revoke',
    kind: 'oauth',
    handle: handleGoogleRevoke,
  },
];

/** Every route the simulator serves (the spec test checks the data and identity ones). */
export const ROUTES: readonly Route[] = [
  ...OAUTH_ROUTES,
  ...FITBIT_DATA_ROUTES,
  // Before the generic `list` route: sleep has its own filter grammar and page size.
  ...GOOGLE_SLEEP_ROUTES,
  ...GOOGLE_HEALTH_ROUTES,
  ...GOOGLE_INTRADAY_ROUTES,
  ...HEALTH_SIGNUP_ROUTES,
];

function notFound(req: SimRequest): SimResponse {
  if (req.host === 'health.googleapis.com') {
    return json(404, {
      error: {
        code: 404,
        message: `Method not found: ${req.method} ${req.path}`,
        status: 'NOT_FOUND',
      },
    });
  }
  if (req.host === 'api.fitbit.com') {
    return json(404, {
      errors: [
        { errorType: 'not_found', message: 'The API you are requesting could not be found.' },
      ],
      success: false,
    });
  }
  return html(404, '<!doctype html><title>404</title><p>Not found</p>');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Simulator {
  readonly url: string;
  readonly clock: Clock;
  readonly log: RequestLog[] = [];
  readonly settings: SimSettings = {
    retired: false,
    fitbitIdenticalRefreshWindowMs: 120000,
    latencyMs: 0,
    fitbitRateLimitPerHour: 150,
    googleRateLimitPerMinute: 300,
    googleTokenRefreshExpiresInTesting: false,
  };
  readonly faults: { add(f: Fault): void; clear(): void };

  private readonly ctx: SimContext;
  private readonly faultList = new FaultList();
  private readonly hanging = new Set<http.ServerResponse>();
  private readonly seed: number;

  private constructor(
    private readonly server: http.Server,
    port: number,
    clock: Clock,
    seed: number,
    callbackBase: string | undefined,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.clock = clock;
    this.seed = seed;
    this.ctx = {
      clock,
      store: new OAuthStore(),
      users: new Map(),
      settings: this.settings,
      rate: new RateLimiter(),
      exerciseEdits: new Map(),
      callbackBase,
    };
    this.faults = { add: (f) => this.faultList.add(f), clear: () => this.faultList.clear() };
    this.addUser({ email: DEFAULT_USER });
  }

  static async start(opts: SimulatorOptions): Promise<Simulator> {
    if (!(opts?.clock instanceof Clock))
      throw new Error('Simulator.start needs a clock: pass { clock: new Clock(<start instant>) }');
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const sim = new Simulator(server, port, opts.clock, opts.seed ?? 1, opts.callbackBase);
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      sim.serve(req, res).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`simulator error: ${e instanceof Error ? e.message : String(e)}`);
      });
    });
    return sim;
  }

  /** The simulated people, by email (read-only view; use addUser to add one). */
  get users(): ReadonlyMap<string, SimUser> {
    return this.ctx.users;
  }

  registerClient(
    provider: ProviderName,
    c: {
      clientId: string;
      clientSecret: string;
      redirectUris: string[];
      appType?: AppType;
      name?: string;
    },
  ): void {
    this.ctx.store.addClient({
      provider,
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      redirectUris: [...c.redirectUris],
      appType: c.appType ?? 'server',
      // The app name of the OAuth consent screen, as the README's setup steps set it.
      name: c.name ?? PRODUCT_NAME,
    });
  }

  addUser(u: {
    email: string;
    fitbitUserId?: string;
    healthLinked?: boolean;
    timeZone?: string;
    seed?: number;
    /** Weight and body fat from a smart scale through Health Connect (their dataSource says so). */
    scaleVia?: 'HEALTH_CONNECT';
  }): void {
    const seed = u.seed ?? hashKey(this.seed, u.email);
    const h = hashKey(seed, u.email, 'ids');
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    let fitbitId = '';
    for (let i = 0, x = h; i < 6; i++, x = Math.floor(x / 32)) fitbitId += alphabet[x % 32];
    this.ctx.users.set(u.email, {
      email: u.email,
      fitbitUserId: u.fitbitUserId ?? fitbitId,
      healthUserId: String(1000000000 + (hashKey(seed, u.email, 'health') % 8999999999)),
      healthLinked: u.healthLinked ?? true,
      timeZone: u.timeZone ?? 'America/Los_Angeles',
      seed,
      ...(u.scaleVia ? { scaleVia: u.scaleVia } : {}),
    });
  }

  user(email: string): SimUser {
    const u = this.ctx.users.get(email);
    if (!u) throw new Error(`unknown simulated user: ${email}`);
    return u;
  }

  /** Drives the consent page over HTTP as a browser would and returns where the provider redirects. */
  async consent(
    authorizationUrl: string,
    opts: { user?: string; scopes?: string[] | 'all'; deny?: boolean } = {},
  ): Promise<ConsentResult> {
    const local = toSimulatorUrl(authorizationUrl, this.url) ?? authorizationUrl;
    if (!local.startsWith(this.url))
      throw new Error(`not an authorization URL of this simulator: ${authorizationUrl}`);
    const page = await fetch(local, { redirect: 'manual' });
    const text = await page.text();
    if (page.status !== 200) {
      const location = page.headers.get('location') ?? '';
      return {
        location,
        status: page.status,
        ...(location ? fromLocation(location) : {}),
        errorBody: text,
      };
    }
    const action = /<form method="post" action="([^"]+)"/.exec(text)?.[1];
    const consentId = /name="consent_id" value="([^"]+)"/.exec(text)?.[1];
    if (!action || !consentId) throw new Error('consent page without a form');
    const offered = [...text.matchAll(/name="scope" value="([^"]+)"/g)].map((m) =>
      decodeEntities(m[1]),
    );
    const chosen =
      opts.scopes === undefined || opts.scopes === 'all'
        ? offered
        : offered.filter((s) => (opts.scopes as string[]).includes(s));
    const form = new URLSearchParams({ consent_id: consentId, user: opts.user ?? DEFAULT_USER });
    for (const s of chosen) form.append('scope', s);
    form.set('decision', opts.deny ? 'deny' : 'allow');
    const res = await fetch(this.url + decodeEntities(action), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const body = await res.text();
    const location = res.headers.get('location') ?? '';
    if (!location) return { location, status: res.status, error: 'no_redirect', errorBody: body };
    return { location, status: res.status, ...fromLocation(location) };
  }

  requests(filter: { host?: string; pathPrefix?: string; method?: string }): RequestLog[] {
    return this.log.filter(
      (l) =>
        (!filter.host || l.host === filter.host) &&
        (!filter.pathPrefix || l.path.startsWith(filter.pathPrefix)) &&
        (!filter.method || l.method === filter.method.toUpperCase()),
    );
  }

  clearLog(): void {
    this.log.length = 0;
  }

  revokeAllTokens(user?: string): void {
    this.ctx.store.revokeUser(user);
  }

  expireAccessTokens(user?: string): void {
    this.ctx.store.expireAccess(this.clock.now(), user);
  }

  /** Live (unexpired, unrevoked) tokens per user: counts and membership checks, never the tokens. */
  tokenInfo(): { fitbit: Record<string, LiveTokens>; google: Record<string, LiveTokens> } {
    const now = this.clock.now();
    return {
      fitbit: this.ctx.store.live('fitbit', now),
      google: this.ctx.store.live('google', now),
    };
  }

  /**
   * The value the API returns for one user and local date: Fitbit, the time-series string of a
   * resource (or 'weight'; units per acceptLanguage, default metric); Google, the dailyRollUp
   * member of a data type for that single day, or undefined when the day is absent.
   */
  dataFor(
    provider: 'fitbit',
    user: string,
    resource: string,
    date: string,
    acceptLanguage?: string,
  ): string;
  dataFor(
    provider: 'google',
    user: string,
    dataType: string,
    date: string,
  ): Record<string, unknown> | undefined;
  dataFor(
    provider: ProviderName,
    user: string,
    metric: string,
    date: string,
    acceptLanguage?: string,
  ): unknown {
    const u = this.user(user);
    const now = this.clock.now();
    if (provider === 'google') return googleDayValue(u, metric, date, now);
    const units = unitSystemOf(acceptLanguage);
    if (metric === 'weight') return fitbitWeightValue(u, date, now, units);
    if (!(FITBIT_ACTIVITY_RESOURCES as readonly string[]).includes(metric))
      throw new Error(`unknown Fitbit resource: ${metric}`);
    return fitbitSeriesValue(
      u,
      metric as (typeof FITBIT_ACTIVITY_RESOURCES)[number],
      date,
      now,
      units,
    );
  }

  /**
   * The sleep DataPoints (as `list` serves them) whose end falls on `wakeDate` in the person's
   * local time at waking, oldest first; [] for a day without sleep.
   */
  sleepFor(user: string, wakeDate: string): Record<string, unknown>[] {
    const u = this.user(user);
    return sleepsEndingOn(u, wakeDate, this.clock.now()).map((s) => sleepDataPoint(u, s));
  }

  /**
   * The person edits a sleep session in the app: its start moves `delayMinutes` later, its
   * stages and summary follow, and its updateTime becomes the simulator's now.
   */
  editSleepSession(user: string, dataPointName: string, delayMinutes: number): void {
    const id = dataPointName.split('/').pop() ?? '';
    editSleep(this.user(user), id, delayMinutes, this.clock.now());
  }

  /**
   * The workouts Google Health lists for a person with a local start date in [from, to]
   * (inclusive dates), as the API's DataPoints, newest start first.
   */
  exercises(user: string, from: string, to: string): Record<string, unknown>[] {
    const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return exercisesBetween(
      this.user(user),
      `${from}T00:00:00`,
      `${next}T00:00:00`,
      this.clock.now(),
      this.ctx.exerciseEdits,
    );
  }

  /**
   * The person edits a workout in the app now: the given metricsSummary fields replace the
   * workout's (default: 40 more kcal), a new displayName renames it, and its updateTime becomes now.
   */
  editExercise(name: string, summary?: Record<string, unknown>, displayName?: string): void {
    const before = this.ctx.exerciseEdits.get(name);
    const now = this.clock.now();
    const all = [...this.ctx.users.values()].flatMap((u) =>
      exercisesBetween(u, null, null, now, this.ctx.exerciseEdits),
    );
    const point = all.find((p) => p.name === name);
    if (!point) throw new Error(`no workout named ${name}`);
    const current = (point.exercise as { metricsSummary: { caloriesKcal?: number } })
      .metricsSummary;
    this.ctx.exerciseEdits.set(name, {
      atMs: this.clock.now(),
      summary: summary ?? { ...before?.summary, caloriesKcal: (current.caloriesKcal ?? 0) + 40 },
      displayName: displayName ?? before?.displayName,
    });
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const target = fromSimulatorPath(url.pathname);
    if (!target) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`Not a simulated host. Use ${this.url}/<host>/<path> for one of the provider hosts.`);
      return;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const simReq: SimRequest = {
      host: target.host,
      method: (req.method ?? 'GET').toUpperCase(),
      path: target.path,
      query: url.searchParams,
      headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    const entry: RequestLog = {
      host: simReq.host,
      method: simReq.method,
      path: simReq.path,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: simReq.body,
      status: 0,
      at: this.clock.now(),
    };
    this.log.push(entry);
    if (this.settings.latencyMs > 0) await sleep(this.settings.latencyMs);
    const slow = this.settings.slowRoute;
    if (slow && simReq.host === slow.host && simReq.path.startsWith(slow.pathPrefix))
      this.clock.advance(slow.clockMs);
    const response = await this.answer(simReq);
    if (response === 'drop') {
      // No status line at all: the client sees the connection fail.
      res.socket?.destroy();
      return;
    }
    if (response === 'hang') {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    entry.status = response.status;
    res.writeHead(response.status, response.headers);
    res.end(response.body);
  }

  private async answer(req: SimRequest): Promise<SimResponse | 'hang' | 'drop'> {
    const fault = this.faultList.take(req);
    if (fault) {
      if (fault.kind === 'timeout') return 'hang';
      if (fault.kind === 'network') return 'drop';
      if (fault.kind === 'latency') await sleep(fault.ms ?? 1000);
      if (fault.kind === 'revoke-user') {
        const owner = fault.user ?? this.bearerOwner(req);
        if (owner) this.ctx.store.revokeUser(owner);
      }
      const replaced = faultResponse(
        fault,
        req,
        this.settings.googleRateLimitPerMinute,
        this.clock.now(),
        this.bearerClient(req),
      );
      if (replaced) return replaced;
    }
    if (this.settings.retired && (req.host === 'www.fitbit.com' || req.host === 'api.fitbit.com'))
      return fitbitGone();
    for (const route of ROUTES) {
      if (route.host !== req.host || route.method !== req.method) continue;
      const params = matchTemplate(route.template, req.path, route.constraints);
      if (params) return route.handle(this.ctx, req, params);
    }
    return notFound(req);
  }

  private bearerClient(req: SimRequest): string | undefined {
    const m = /^Bearer\s+(\S+)/i.exec(req.headers['authorization'] ?? '');
    return m ? this.ctx.store.access.get(m[1])?.clientId : undefined;
  }

  private bearerOwner(req: SimRequest): string | null {
    const m = /^Bearer\s+(\S+)/i.exec(req.headers['authorization'] ?? '');
    return m ? (this.ctx.store.access.get(m[1])?.user ?? null) : null;
  }
}

function fromLocation(location: string): { code?: string; error?: string } {
  const q = new URL(location.replace(/#.*$/, '')).searchParams;
  const out: { code?: string; error?: string } = {};
  if (q.get('code')) out.code = q.get('code') ?? undefined;
  if (q.get('error')) out.error = q.get('error') ?? undefined;
  return out;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export type { ProviderHost };
