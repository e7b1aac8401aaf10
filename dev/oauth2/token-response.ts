// Turning a token endpoint response into a stored token, with the library's error texts.
import type { HttpResponseLike, Token, TokenFormats } from './types';

export const TOKEN_FORMAT: TokenFormats = {
  JSON: 'application/json',
  FORM_URL_ENCODED: 'application/x-www-form-urlencoded',
};

export function nowInSeconds(): number {
  return Math.floor(new Date().getTime() / 1000);
}

/**
 * Adds expiresAt (and refreshTokenExpiresAt) in epoch seconds unless already present. The provider's
 * own expires_at is ignored; granted_time is honoured only for tokens stored by old library versions.
 */
export function ensureExpiresAt(token: Token): void {
  if (token.expiresAt !== undefined) return;
  // Kept untyped like the library: granted_time is a number in every token old versions stored.
  const grantedTime = (token.granted_time as number) || nowInSeconds();
  const expiresIn = token.expires_in_sec || token.expires_in || token.expires;
  if (expiresIn) token.expiresAt = grantedTime + Number(expiresIn);
  const refreshExpiresIn = token.refresh_token_expires_in;
  if (refreshExpiresIn) token.refreshTokenExpiresAt = grantedTime + Number(refreshExpiresIn);
}

export function parseTokenBody(content: string, format: string): Token {
  let token: Token;
  if (format == TOKEN_FORMAT.JSON) {
    try {
      token = JSON.parse(content) as Token;
    } catch (e) {
      throw new Error('Token response not valid JSON: ' + String(e), { cause: e });
    }
  } else if (format == TOKEN_FORMAT.FORM_URL_ENCODED) {
    token = content.split('&').reduce<Token>((result, pair) => {
      const parts = pair.split('=');
      result[decodeURIComponent(parts[0])] = decodeURIComponent(String(parts[1]));
      return result;
    }, {});
  } else {
    throw new Error('Unknown token format: ' + format);
  }
  ensureExpiresAt(token);
  return token;
}

/**
 * The body is parsed before the status is looked at, so an HTML 502 page reports "not valid JSON".
 * Fitbit's {"errors":[...]} has none of error/message/error_description/error_uri, so its failures
 * read "Error retrieving token: <status>: <body re-serialised>".
 */
export function tokenFromResponse(response: HttpResponseLike, format: string): Token {
  const token = parseTokenBody(response.getContentText(), format);
  const status = response.getResponseCode();
  if (status < 200 || status >= 300 || token.error) {
    let reason = [token.error, token.message, token.error_description, token.error_uri]
      .filter(Boolean)
      .map((part) => (typeof part == 'string' ? part : JSON.stringify(part)))
      .join(', ');
    if (!reason) reason = status + ': ' + JSON.stringify(token);
    throw new Error('Error retrieving token: ' + reason);
  }
  return token;
}
