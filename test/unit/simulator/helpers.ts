// Shared set-up for the simulator tests: a started simulator with one app per provider and
// helpers that speak to it over real HTTP as the add-on would.
import { createHash, randomBytes } from 'node:crypto';
import { Clock } from '../../../dev/clock';
import { Simulator } from '../../../dev/simulator/index';

export const REDIRECT = 'https://script.google.com/macros/d/SCRIPT123/usercallback';
export const FITBIT = { clientId: '23ABCD', clientSecret: 'fitbit-secret-1' };
export const FITBIT_PUBLIC = { clientId: '23PUBL', clientSecret: 'unused-public-secret' };
export const GOOGLE = {
  clientId: '1234-abc.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-google-secret',
};
export const G_ACTIVITY =
  'https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly';
export const G_METRICS =
  'https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.readonly';
export const G_NUTRITION = 'https://www.googleapis.com/auth/googlehealth.nutrition.readonly';

/** 2026-11-22 12:00 in Los Angeles (the default user's zone): today's data is half a day. */
export const NOON_LA = Date.UTC(2026, 10, 22, 20, 0, 0);

/** A simulator whose clock starts at `atMs` (required: every test names its "now"). */
export async function startSimulator(opts: {
  atMs: number;
  seed?: number;
  callbackBase?: string;
}): Promise<Simulator> {
  const sim = await Simulator.start({
    clock: new Clock(opts.atMs),
    seed: opts.seed ?? 7,
    callbackBase: opts.callbackBase,
  });
  sim.registerClient('fitbit', { ...FITBIT, redirectUris: [REDIRECT], appType: 'server' });
  sim.registerClient('fitbit', { ...FITBIT_PUBLIC, redirectUris: [REDIRECT], appType: 'client' });
  sim.registerClient('google', { ...GOOGLE, redirectUris: [REDIRECT] });
  return sim;
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function fitbitAuthorizeUrl(params: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    client_id: FITBIT.clientId,
    response_type: 'code',
    redirect_uri: REDIRECT,
    state: 'st-1',
    scope: 'activity profile weight',
    ...params,
  });
  return `https://www.fitbit.com/oauth2/authorize?${q}`;
}

export function googleAuthorizeUrl(params: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    client_id: GOOGLE.clientId,
    response_type: 'code',
    redirect_uri: REDIRECT,
    state: 'st-g',
    scope: `${G_ACTIVITY} ${G_METRICS} ${G_NUTRITION}`,
    access_type: 'offline',
    prompt: 'consent',
    ...params,
  });
  return `https://accounts.google.com/o/oauth2/v2/auth?${q}`;
}

export function basic(id: string, secret: string): string {
  return 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64');
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (an HTML page, an empty body or a deliberately malformed one): body stays undefined.
  }
  return { status: res.status, headers: res.headers, body, text };
}

export async function postForm(
  sim: Simulator,
  hostPath: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${sim.url}/${hostPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return answer(res);
}

export async function get(
  sim: Simulator,
  hostPath: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return answer(await fetch(`${sim.url}/${hostPath}`, { headers }));
}

export async function postJson(
  sim: Simulator,
  hostPath: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${sim.url}/${hostPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return answer(res);
}

/** Consent + code exchange for the Fitbit server app; returns the token response body. */
export async function fitbitTokens(
  sim: Simulator,
  opts: { scopes?: string[] | 'all'; user?: string; scope?: string } = {},
): Promise<{ access_token: string; refresh_token: string; scope: string; user_id: string }> {
  const { verifier, challenge } = pkce();
  const url = fitbitAuthorizeUrl({
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(opts.scope ? { scope: opts.scope } : {}),
  });
  const c = await sim.consent(url, { scopes: opts.scopes, user: opts.user });
  if (!c.code) throw new Error(`consent failed: ${c.error}`);
  const r = await postForm(
    sim,
    'api.fitbit.com/oauth2/token',
    {
      code: c.code,
      grant_type: 'authorization_code',
      client_id: FITBIT.clientId,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    },
    { authorization: basic(FITBIT.clientId, FITBIT.clientSecret) },
  );
  if (r.status !== 200) throw new Error(`token exchange failed: ${r.text}`);
  return r.body;
}

/** Consent + code exchange for the Google app; returns the token response body. */
export async function googleTokens(
  sim: Simulator,
  opts: { scopes?: string[] | 'all'; user?: string; scope?: string } = {},
): Promise<{ access_token: string; refresh_token: string; scope: string }> {
  const { verifier, challenge } = pkce();
  const url = googleAuthorizeUrl({
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(opts.scope ? { scope: opts.scope } : {}),
  });
  const c = await sim.consent(url, { scopes: opts.scopes, user: opts.user });
  if (!c.code) throw new Error(`consent failed: ${c.error}`);
  const r = await postForm(sim, 'oauth2.googleapis.com/token', {
    code: c.code,
    grant_type: 'authorization_code',
    client_id: GOOGLE.clientId,
    client_secret: GOOGLE.clientSecret,
    redirect_uri: REDIRECT,
    code_verifier: verifier,
  });
  if (r.status !== 200) throw new Error(`token exchange failed: ${r.text}`);
  return r.body;
}
