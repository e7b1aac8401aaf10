// Token-request failures that never reached a provider's error answer, the same for every provider:
// the OAuth2 library's own checks, a body it could not parse, and UrlFetchApp's thrown exceptions.
import type { TokenFailure } from './provider';

/**
 * The OAuth2 library prefixes every error the token endpoint answered with "Error retrieving
 * token:" (oauth2-library-contract). Anything else came before an answer was read:
 * - "Client Secret is required." (library v43's refresh without a secret): the setup is wrong.
 * - "Token response not valid JSON": thrown before the status is looked at, e.g. for an HTML 502
 *   page or an empty 503; and UrlFetchApp's exceptions ("Address unavailable: ...", "Timeout:
 *   ...", DNS failures): the provider could not be reached. Neither says anything about the
 *   token, so it is kept and the next run retries.
 * Returns null when the provider did answer: the provider's classifier reads that answer.
 */
export function tokenErrorWithoutAnswer(libraryMessage: string): TokenFailure | null {
  if (/Error retrieving token:/.test(libraryMessage)) return null;
  if (/Client Secret is required/i.test(libraryMessage))
    return { kind: 'invalid-client', code: 'missing_client_secret' };
  if (/not valid JSON/i.test(libraryMessage)) return { kind: 'transient', code: 'not_json' };
  return { kind: 'transient', code: 'unreachable' };
}
