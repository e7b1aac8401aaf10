// Fitbit's error bodies: {"errors":[{"errorType","message"}],"success":false}, not RFC 6749's
// shape (platform-facts.md, "Legacy Fitbit OAuth 2.0").
import { json } from './responses';
import type { SimResponse } from './types';

const DOCS =
  'Visit https://dev.fitbit.com/docs/oauth2 for more information on the Fitbit Web API authorization process.';

export function fitbitError(
  status: number,
  errorType: string,
  message: string,
  extra: { fieldName?: string; headers?: Record<string, string> } = {},
): SimResponse {
  const error: Record<string, string> = { errorType };
  if (extra.fieldName) error.fieldName = extra.fieldName;
  error.message = message;
  return json(status, { errors: [error], success: false }, extra.headers ?? {});
}

/** OAuth-flavoured errors carry Fitbit's pointer to its docs, as the real messages do (3p). */
export function fitbitOAuthError(status: number, errorType: string, message: string): SimResponse {
  return fitbitError(status, errorType, `${message} ${DOCS}`);
}

/**
 * Not documented: after the 2 Nov 2026 shutdown the legacy hosts answer 410 Gone
 * (platform-facts.md, Timeline); the body is the simulator's plausible guess in Fitbit's shape.
 */
export function fitbitGone(): SimResponse {
  return fitbitError(
    410,
    'gone',
    'The Fitbit Web API has been turned off. Use the Google Health API (https://developers.google.com/health).',
  );
}
