// Shape checks shared by the response parsers: a JSON object body of a 2xx answer, or a reason
// why not (parsers turn the reason into a 'malformed' result naming the request).
/**
 * API: `isRecord(value)`; `jsonObjectBody(response)` -> { ok: true, body } | { ok: false, reason }.
 */
import type { HttpResponse } from './ports';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function jsonObjectBody(
  response: HttpResponse,
): { ok: true; body: Record<string, unknown> } | { ok: false; reason: string } {
  if (response.status < 200 || response.status > 299)
    return { ok: false, reason: `HTTP ${response.status}` };
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  return isRecord(body) ? { ok: true, body } : { ok: false, reason: 'body is not a JSON object' };
}
