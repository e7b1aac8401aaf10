// Classifies Google Health API v4 responses (Google JSON errors with google.rpc.ErrorInfo details)
// and Google OAuth token-endpoint failures.
import type { HttpResponse } from '../../core/ports';
import type { ResponseClass, TokenFailure } from '../provider';
import { tokenErrorWithoutAnswer } from '../token-errors';

interface GoogleErrorInfo {
  status: string | null;
  message: string | null;
  reasons: string[];
  metadata: Record<string, string>;
}

/** The parts of {"error":{code,message,status,details:[ErrorInfo...]}} the add-on acts on. */
export function googleErrorInfo(body: string): GoogleErrorInfo | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const error = (parsed as { error?: unknown } | null)?.error;
  if (!error || typeof error !== 'object') return null;
  const e = error as { status?: unknown; message?: unknown; details?: unknown };
  const info: GoogleErrorInfo = {
    status: typeof e.status === 'string' ? e.status : null,
    message: typeof e.message === 'string' ? e.message : null,
    reasons: [],
    metadata: {},
  };
  for (const d of Array.isArray(e.details) ? e.details : []) {
    if (!d || typeof d !== 'object') continue;
    const detail = d as { reason?: unknown; metadata?: unknown };
    if (typeof detail.reason === 'string') info.reasons.push(detail.reason);
    if (detail.metadata && typeof detail.metadata === 'object')
      for (const [k, v] of Object.entries(detail.metadata as Record<string, unknown>))
        if (typeof v === 'string') info.metadata[k] = v;
  }
  return info;
}

function describe(res: HttpResponse, info: GoogleErrorInfo | null): string {
  const text = [info?.status, info?.message].filter(Boolean).join(': ').slice(0, 300);
  return text ? `HTTP ${res.status}: ${text}` : `HTTP ${res.status}`;
}

function retryAfterMs(res: HttpResponse): number | null {
  const entry = Object.entries(res.headers).find(([k]) => k.toLowerCase() === 'retry-after');
  if (!entry) return null;
  const seconds = Number(entry[1].trim());
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

/**
 * The console page that enables the API: Google's own activationUrl when it points at a Google
 * console, else one built from the consumer project ("projects/N") and the service.
 */
function enableUrl(meta: Record<string, string>, project: string | null): string | null {
  const given = httpsUrl(meta.activationUrl);
  if (given && /^https:\/\/console\.(developers|cloud)\.google\.com\//.test(given)) return given;
  const service = /^[a-z0-9.-]+\.googleapis\.com$/.test(meta.service ?? '')
    ? meta.service
    : 'health.googleapis.com';
  return project
    ? `https://console.developers.google.com/apis/api/${service}/overview?project=${project}`
    : null;
}

/** Only an https link is offered to the person as a sign-up page. */
function httpsUrl(value: string | undefined): string | null {
  return value && /^https:\/\/[^\s"'<>]+$/.test(value) ? value : null;
}

export function classifyGoogleResponse(res: HttpResponse): ResponseClass {
  const { status } = res;
  if (status >= 200 && status < 300) return { kind: 'ok' };
  const info = googleErrorInfo(res.body);
  // 401 means the access token expired or was revoked; one refresh tells which (platform facts).
  if (status === 401) return { kind: 'expired-token' };
  // The ErrorInfo reason says what was refused (google.rpc.ErrorInfo); the status alone does not:
  // a 403 PERMISSION_DENIED may be a disabled API, a scope not granted or a quota.
  const reasons = info?.reasons ?? [];
  if (reasons.includes('ACCOUNT_NOT_LINKED'))
    return { kind: 'account-not-linked', signUpUrl: httpsUrl(info?.metadata.redirect_uri) };
  if (reasons.includes('SERVICE_DISABLED')) {
    const meta = info?.metadata ?? {};
    const project = /^projects\/([A-Za-z0-9-]{1,64})$/.exec(meta.consumer ?? '')?.[1] ?? null;
    return { kind: 'service-disabled', project, enableUrl: enableUrl(meta, project) };
  }
  if (reasons.includes('ACCESS_TOKEN_SCOPE_INSUFFICIENT'))
    return { kind: 'scope-missing', message: describe(res, info) };
  if (
    status === 429 ||
    info?.status === 'RESOURCE_EXHAUSTED' ||
    reasons.some((r) => r === 'RATE_LIMIT_EXCEEDED' || r === 'RESOURCE_EXHAUSTED')
  )
    return { kind: 'rate-limited', retryAfterMs: retryAfterMs(res) };
  if (status >= 500) return { kind: 'transient', message: describe(res, info) };
  return { kind: 'client-error', message: describe(res, info) };
}

/**
 * Google's token endpoint answers RFC 6749 errors ({"error":"invalid_grant",
 * "error_description":"..."}), which the OAuth2 library turns into
 * `Error retrieving token: invalid_grant, <description>`.
 */
export function classifyGoogleTokenError(libraryMessage: string): TokenFailure {
  const early = tokenErrorWithoutAnswer(libraryMessage);
  if (early) return early;
  const reason = libraryMessage.replace(/^[\s\S]*?Error retrieving token:\s*/, '');
  const status = /^(\d{3}):/.exec(reason)?.[1];
  const code = /^([a-z_]+)\b/.exec(reason)?.[1] ?? (status ? `HTTP ${status}` : 'unknown');
  if (code === 'invalid_grant') return { kind: 'invalid-grant', code };
  if (code === 'invalid_client' || code === 'unauthorized_client')
    return { kind: 'invalid-client', code };
  if (status === '410') return { kind: 'retired' };
  if (status && (Number(status) >= 500 || status === '429')) return { kind: 'transient', code };
  if (code === 'temporarily_unavailable' || code === 'server_error')
    return { kind: 'transient', code };
  return { kind: 'other', code };
}
