// Injected failures: which request a fault hits (host, path prefix, method, nth match, how many
// times) and the canned answers for the kinds that replace the real response.
import { fitbitRateLimited } from './fitbit-api';
import { googleRateLimited, googleReasonFault } from './google-health-api';
import { html, json } from './responses';
import type { Fault, SimRequest, SimResponse } from './types';

interface ActiveFault {
  fault: Fault;
  matched: number;
  fired: number;
}

export class FaultList {
  private active: ActiveFault[] = [];

  add(f: Fault): void {
    if (f.atRequest !== undefined && !(Number.isInteger(f.atRequest) && f.atRequest >= 1)) {
      throw new Error(`fault atRequest must be a positive integer, got ${f.atRequest}`);
    }
    this.active.push({ fault: f, matched: 0, fired: 0 });
  }

  clear(): void {
    this.active = [];
  }

  /** Counts this request against every matching fault and returns the first one that fires. */
  take(req: SimRequest): Fault | null {
    let hit: Fault | null = null;
    for (const a of this.active) {
      const f = a.fault;
      if (f.host && f.host !== req.host) continue;
      if (f.pathPrefix && !req.path.startsWith(f.pathPrefix)) continue;
      if (f.method && f.method.toUpperCase() !== req.method) continue;
      a.matched++;
      const times = f.times ?? 1;
      if (!hit && a.fired < times && a.matched >= (f.atRequest ?? 1)) {
        a.fired++;
        hit = f;
      }
    }
    this.active = this.active.filter((a) => a.fired < (a.fault.times ?? 1));
    return hit;
  }
}

/** The answer of a fault that replaces the response, or null for kinds that only delay or revoke. */
export function faultResponse(
  f: Fault,
  req: SimRequest,
  googleLimit: number,
  now: number,
  /** The OAuth client of the request's bearer token, when it has one. */
  clientId?: string,
): SimResponse | null {
  switch (f.kind) {
    case 'google-reason':
      return googleReasonFault(f.reason ?? 'SERVICE_DISABLED', clientId);
    case 'status': {
      const status = f.status ?? 500;
      if (typeof f.body === 'string')
        return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: f.body };
      if (f.body !== undefined) return json(status, f.body);
      return { status, headers: {}, body: '' };
    }
    case 'html-error':
      // A proxy or front end error page: HTML where the client expects JSON.
      return html(
        f.status ?? 502,
        `<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Error ${f.status ?? 502} (Server Error)!!1</title><p><b>${f.status ?? 502}.</b> <ins>That’s an error.</ins><p>The server encountered a temporary error and could not complete your request.<p>Please try again in 30 seconds. <ins>That’s all we know.</ins></html>`,
      );
    case 'malformed-json':
      return {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: '{"activities-steps":[{"dateTime":"20',
      };
    case 'rate-limit':
      return req.host.endsWith('fitbit.com')
        ? fitbitRateLimited({
            'fitbit-rate-limit-limit': '150',
            'fitbit-rate-limit-remaining': '0',
            'fitbit-rate-limit-reset': String(Math.ceil((3600000 - (now % 3600000)) / 1000)),
          })
        : googleRateLimited('simulated', googleLimit, clientId);
    default:
      return null;
  }
}
