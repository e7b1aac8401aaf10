// The UrlFetchApp global: builds each request the way Apps Script sends it (object payloads
// form-encoded, default content type), lets the host do the real HTTP, and raises Apps Script's
// errors for failed statuses unless muteHttpExceptions.
import { Blob } from './blob';
import { decodeBytes, toBuffer, toSignedBytes } from './bytes';
import { requireAuthorization, type WorkerEnv } from './env';

export interface WireRequest {
  url: string;
  method: string;
  headers: Array<[string, string]>;
  body: Uint8Array | null;
  followRedirects: boolean;
}

export type WireResponse =
  { status: number; headers: Array<[string, string]>; body: Uint8Array } | { error: string };

interface FetchParams {
  method?: string;
  headers?: Record<string, unknown>;
  contentType?: string;
  payload?: unknown;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
  validateHttpsCertificates?: boolean;
  escaping?: boolean;
}

const FORM = 'application/x-www-form-urlencoded';

function isBlobLike(v: unknown): v is { getBytes(): number[] } {
  return !!v && typeof (v as { getBytes?: unknown }).getBytes === 'function';
}

/**
 * An object payload is sent form-encoded, keys in insertion order (UrlFetchApp reference). Keys
 * whose value is undefined are left out (assumed: Apps Script's JavaScript-to-Java conversion does
 * not carry undefined; the OAuth2 library always puts client_secret in the payload, even unset).
 */
export function formEncode(payload: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(payload)) {
    if (v === undefined) continue;
    params.append(k, v === null ? 'null' : String(v));
  }
  return params.toString();
}

export function toWireRequest(url: string, params: FetchParams = {}): WireRequest {
  const method = String(params.method ?? 'get').toUpperCase();
  const headers: Array<[string, string]> = [];
  let contentType = params.contentType;
  for (const [k, v] of Object.entries(params.headers ?? {})) {
    if (k.toLowerCase() === 'content-type') {
      contentType = contentType ?? String(v);
      continue;
    }
    headers.push([k, String(v)]);
  }
  let body: Buffer | null = null;
  const p = params.payload;
  if (p !== undefined && p !== null) {
    if (typeof p === 'string') {
      body = Buffer.from(p, 'utf8');
    } else if (isBlobLike(p)) {
      body = toBuffer(p.getBytes());
      const t = (p as { getContentType?: () => string | null }).getContentType?.();
      contentType = contentType ?? t ?? undefined;
    } else if (Array.isArray(p)) {
      body = toBuffer(p);
    } else if (typeof p === 'object') {
      body = Buffer.from(formEncode(p as Record<string, unknown>), 'utf8');
      contentType = contentType ?? FORM;
    } else {
      body = Buffer.from(String(p), 'utf8');
    }
    // UrlFetchApp's default content type for a payload is form-encoded.
    headers.push(['Content-Type', contentType ?? FORM]);
  } else if (contentType) {
    headers.push(['Content-Type', contentType]);
  }
  return {
    url: String(url),
    method,
    headers,
    body,
    followRedirects: params.followRedirects !== false,
  };
}

/** Apps Script shows only scheme and host of the URL in its failure message. */
function origin(url: string): string {
  const m = /^([a-z]+:\/\/[^/?#]+)/i.exec(url);
  return m ? m[1] : url;
}

class HttpResponse {
  constructor(
    private readonly env: WorkerEnv,
    private readonly status: number,
    private readonly headerPairs: Array<[string, string]>,
    private readonly body: Uint8Array,
  ) {}
  getResponseCode(): number {
    return this.status;
  }
  getContentText(charset?: string): string {
    if (charset) return decodeBytes(this.body, charset);
    const type = this.headerPairs.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
    const m = /charset=([^;]+)/i.exec(type);
    try {
      return decodeBytes(this.body, m ? m[1].trim() : undefined);
    } catch {
      return decodeBytes(this.body);
    }
  }
  getContent(): number[] {
    return this.env.realm.toRealm(toSignedBytes(this.body));
  }
  getBlob(): Blob {
    const type = this.headerPairs.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null;
    return new Blob(this.env.realm, this.body, type);
  }
  getAs(contentType: string): Blob {
    return this.getBlob().getAs(contentType);
  }
  /** One value per header name (the first when a header repeats: getAllHeaders has them all). */
  getHeaders(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.headerPairs) if (!(k in out)) out[k] = v;
    return this.env.realm.toRealm(out);
  }
  getAllHeaders(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of this.headerPairs) {
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return this.env.realm.toRealm(out);
  }
}

export function createUrlFetchApp(env: WorkerEnv): object {
  const run = (requests: Array<{ url: string; params: FetchParams }>): HttpResponse[] => {
    requireAuthorization(env, 'UrlFetchApp.fetch');
    const wire = requests.map((r) => toWireRequest(r.url, r.params));
    const answers = env.rpc('urlfetch', 'fetchAll', [wire]) as WireResponse[];
    return answers.map((a, i) => {
      if ('error' in a) throw env.realm.error(a.error);
      const text = decodeBytes(a.body);
      if (a.status >= 400 && !requests[i].params.muteHttpExceptions) {
        // UrlFetchApp's wording when muteHttpExceptions is not set.
        throw env.realm.error(
          `Request failed for ${origin(requests[i].url)} returned code ${a.status}. ` +
            `Truncated server response: ${text.slice(0, 200)}` +
            ` (use muteHttpExceptions option to examine full response)`,
        );
      }
      return new HttpResponse(env, a.status, a.headers, a.body);
    });
  };
  return {
    fetch(url: string, params?: FetchParams): HttpResponse {
      return run([{ url: String(url), params: params ?? {} }])[0];
    },
    fetchAll(requests: Array<string | (FetchParams & { url: string })>): HttpResponse[] {
      const list = Array.from(requests ?? [], (r) =>
        typeof r === 'string' ? { url: r, params: {} } : { url: String(r.url), params: r },
      );
      return env.realm.toRealm(run(list));
    },
    getRequest(url: string, params?: FetchParams): object {
      const w = toWireRequest(String(url), params ?? {});
      const headers = Object.fromEntries(w.headers.filter(([k]) => k !== 'Content-Type'));
      return env.realm.toRealm({
        url: w.url,
        method: w.method.toLowerCase(),
        headers,
        contentType: w.headers.find(([k]) => k === 'Content-Type')?.[1],
        payload: w.body ? Buffer.from(w.body).toString('utf8') : '',
        followRedirects: w.followRedirects,
        validateHttpsCertificates: params?.validateHttpsCertificates !== false,
        useIntranet: false,
      });
    },
  };
}
