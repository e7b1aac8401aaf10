// Makes an error text safe to show or log: the OAuth2 library embeds raw response bodies in its
// messages, and those may carry tokens; the client secret must never leave the server either.

const FIELDS = 'access_token|refresh_token|id_token|client_secret|code|code_verifier|token';
const JSON_FIELD = new RegExp(`("(?:${FIELDS})"\\s*:\\s*")[^"]*`, 'gi');
const FORM_FIELD = new RegExp(`\\b((?:${FIELDS})=)[^&\\s]*`, 'gi');
const AUTH_HEADER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
const LONG_RUN = /[A-Za-z0-9._~+/=-]{24,}/g;

export function sanitizeText(text: string, secrets: readonly string[] = [], max = 200): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('[hidden]');
  out = out.replace(JSON_FIELD, '$1[hidden]').replace(FORM_FIELD, '$1[hidden]');
  out = out.replace(AUTH_HEADER, '$1 [hidden]').replace(LONG_RUN, '[hidden]');
  return out.length > max ? out.slice(0, max) + '…' : out;
}

/** The message of anything thrown; errors from another realm (the library's) fail instanceof. */
export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string')
    return (e as { message: string }).message;
  return String(e);
}
