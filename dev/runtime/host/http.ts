// The host's UrlFetchApp transport: real HTTP over node:http, production provider hosts routed to
// the simulator, 127.0.0.1 allowed as is, everything else refused like an unknown host.
import { request as httpRequest } from 'node:http';
import { toSimulatorUrl } from '../../hosts';
import type { ExecutionContext, HostService } from '../rpc-types';
import type { WireRequest, WireResponse } from '../services/url-fetch';
import { isWhitelisted, notWhitelistedMessage, type UrlWhitelist } from '../url-whitelist';

export interface FetchLogEntry {
  executionId: string;
  url: string;
  method: string;
  status: number;
}

export interface HttpOptions {
  simulatorBase?: string;
  timeoutMs: number;
  log: FetchLogEntry[];
  /** The manifest's urlFetchWhitelist (null: none, nothing is checked). */
  whitelist(): UrlWhitelist;
}

const LOCAL = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$|\?)/i;
const MAX_REDIRECTS = 10;

function route(url: string, simulatorBase?: string): string | null {
  if (LOCAL.test(url)) return url;
  if (simulatorBase) return toSimulatorUrl(url, simulatorBase);
  return null;
}

interface RawResponse {
  status: number;
  headers: Array<[string, string]>;
  body: Buffer;
  location?: string;
}

function send(
  target: string,
  req: WireRequest,
  body: Uint8Array | null,
  timeoutMs: number,
  logicalUrl: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const u = new URL(target);
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of req.headers) headers[k] = v;
    if (body) headers['Content-Length'] = String(body.length);
    const r = httpRequest(
      {
        host: u.hostname.replace(/^\[|\]$/g, ''),
        port: u.port || 80,
        path: u.pathname + u.search,
        method: req.method,
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const pairs: Array<[string, string]> = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2)
            pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
          resolve({
            status: res.statusCode ?? 0,
            headers: pairs,
            body: Buffer.concat(chunks),
            location: res.headers.location,
          });
        });
        res.on('error', reject);
      },
    );
    // UrlFetchApp gives up after about 60 s (fetchTimeoutMs).
    r.setTimeout(timeoutMs, () => r.destroy(new Error(`Timeout: ${logicalUrl}`)));
    r.on('error', (e) =>
      reject(
        e.message.startsWith('Timeout:') ? e : new Error(`Address unavailable: ${logicalUrl}`),
      ),
    );
    if (body) r.write(body);
    r.end();
  });
}

async function fetchOne(
  ctx: ExecutionContext,
  req: WireRequest,
  opts: HttpOptions,
): Promise<WireResponse> {
  let url = req.url;
  let method = req.method;
  let body = req.body;
  let headers = req.headers;
  for (let hop = 0; ; hop++) {
    if (!/^https?:\/\//i.test(url)) return { error: `Invalid argument: ${url}` };
    const target = route(url, opts.simulatorBase);
    if (!target) {
      opts.log.push({ executionId: ctx.executionId, url, method, status: 0 });
      // What UrlFetchApp reports for a host it cannot resolve.
      return { error: `DNS error: ${url}` };
    }
    let res: RawResponse;
    try {
      res = await send(target, { ...req, method, headers }, body, opts.timeoutMs, url);
    } catch (e) {
      opts.log.push({ executionId: ctx.executionId, url, method, status: 0 });
      return { error: (e as Error).message };
    }
    opts.log.push({ executionId: ctx.executionId, url, method, status: res.status });
    const redirect = [301, 302, 303, 307, 308].includes(res.status) && res.location;
    if (!redirect || !req.followRedirects || hop >= MAX_REDIRECTS) {
      return { status: res.status, headers: res.headers, body: new Uint8Array(res.body) };
    }
    url = new URL(res.location as string, url).toString();
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
      method = 'GET';
      body = null;
      headers = headers.filter(([k]) => k.toLowerCase() !== 'content-type');
    }
  }
}

export function httpHandlers(opts: HttpOptions): HostService {
  return {
    // fetchAll sends the requests in parallel and answers in request order (UrlFetchApp reference).
    fetchAll: (ctx, requests: WireRequest[]) => {
      // Apps Script checks the allowlist before sending: one URL outside it fails the whole call.
      const whitelist = opts.whitelist();
      const blocked = requests.find((r) => !isWhitelisted(r.url, whitelist));
      if (blocked) {
        const error = notWhitelistedMessage(blocked.url);
        opts.log.push({
          executionId: ctx.executionId,
          url: blocked.url,
          method: blocked.method,
          status: 0,
        });
        return Promise.resolve(requests.map((): WireResponse => ({ error })));
      }
      return Promise.all(requests.map((r) => fetchOne(ctx, r, opts)));
    },
  };
}
