// Classifies legacy Fitbit Web API responses and token-endpoint failures. Fitbit's error body is
// not RFC 6749's: {"errors":[{"errorType":"...","message":"..."}],"success":false}.
import type { HttpResponse } from '../../core/ports';
import type { ResponseClass, TokenFailure } from '../provider';
import { tokenErrorWithoutAnswer } from '../token-errors';

interface FitbitError {
  errorType?: unknown;
  message?: unknown;
}

/** The errorType values of a Fitbit error body, or [] when the body is not one. */
export function fitbitErrorTypes(body: string): string[] {
  return fitbitErrors(body)
    .map((e) => e.errorType)
    .filter((t): t is string => typeof t === 'string');
}

function fitbitErrors(body: string): FitbitError[] {
  try {
    const parsed: unknown = JSON.parse(body);
    if (
      parsed &&
      typeof parsed === 'object' &&
      Array.isArray((parsed as { errors?: unknown }).errors)
    )
      return (parsed as { errors: unknown[] }).errors.filter(
        (e): e is FitbitError => !!e && typeof e === 'object',
      );
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): no Fitbit error details.
  }
  return [];
}

/** A short, safe description: error types and messages only, never the raw body. */
function describe(res: HttpResponse): string {
  const parts = fitbitErrors(res.body).map((e) =>
    [e.errorType, e.message].filter((p): p is string => typeof p === 'string').join(': '),
  );
  const text = parts.filter(Boolean).join('; ').slice(0, 300);
  return text ? `HTTP ${res.status}: ${text}` : `HTTP ${res.status}`;
}

function header(res: HttpResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(res.headers)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

/** fitbit-rate-limit-reset is the number of seconds until the hourly window resets. */
function retryAfterMs(res: HttpResponse): number | null {
  const raw = header(res, 'fitbit-rate-limit-reset') ?? header(res, 'retry-after');
  if (raw === undefined) return null;
  const seconds = Number(raw.trim());
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

export function classifyFitbitResponse(res: HttpResponse): ResponseClass {
  const { status } = res;
  if (status >= 200 && status < 300) return { kind: 'ok' };
  // Since 2 Nov 2026 every legacy endpoint answers 410 Gone (developers.google.com/health).
  if (status === 410) return { kind: 'retired' };
  const types = fitbitErrorTypes(res.body);
  if (status === 401) {
    // invalid_token: revoked or unknown token; expired_token (or no details): refresh and retry.
    return types.includes('invalid_token') ? { kind: 'revoked' } : { kind: 'expired-token' };
  }
  if (status === 403) return { kind: 'scope-missing', message: describe(res) };
  if (status === 429) return { kind: 'rate-limited', retryAfterMs: retryAfterMs(res) };
  if (status >= 500 || status === 409) return { kind: 'transient', message: describe(res) };
  return { kind: 'client-error', message: describe(res) };
}

/** Error codes are shown to people: keep only short word-like codes, never free text. */
function safeCode(code: string): string {
  return /^[A-Za-z_ 0-9]{1,40}$/.test(code) ? code : 'unknown';
}

const TOKEN_PREFIX = /^[\s\S]*?Error retrieving token:\s*/;

/**
 * The OAuth2 library turns a failed token request into `Error retrieving token: <reason>`; Fitbit's
 * body has none of the RFC fields it looks for, so the reason is `<status>: <raw JSON body>`.
 */
export function classifyFitbitTokenError(libraryMessage: string): TokenFailure {
  const early = tokenErrorWithoutAnswer(libraryMessage);
  if (early) return early;
  const reason = libraryMessage.replace(TOKEN_PREFIX, '');
  const m = /^(\d{3}):\s*([\s\S]*)$/.exec(reason);
  const status = m ? Number(m[1]) : null;
  const types = m ? fitbitErrorTypes(m[2]) : [];
  const bare = m ? '' : (/^([a-z_]+)\b/.exec(reason)?.[1] ?? '');
  const code = safeCode(types[0] || bare || (status !== null ? `HTTP ${status}` : 'unknown'));
  if (status === 410 || /\b410\b/.test(bare)) return { kind: 'retired' };
  if (types.includes('invalid_grant') || bare === 'invalid_grant')
    return { kind: 'invalid-grant', code: 'invalid_grant' };
  if (
    types.includes('invalid_client') ||
    types.includes('unauthorized_client') ||
    bare === 'invalid_client' ||
    bare === 'unauthorized_client' ||
    (status === 401 && !types.includes('invalid_token'))
  )
    return { kind: 'invalid-client', code: safeCode(types[0] || bare || 'invalid_client') };
  if (types.includes('invalid_token')) return { kind: 'invalid-grant', code: 'invalid_token' };
  // 409: several clients refreshed the same token at once (Fitbit swagger); retrying is safe.
  if (status !== null && (status >= 500 || status === 409 || status === 429))
    return { kind: 'transient', code };
  return { kind: 'other', code };
}
