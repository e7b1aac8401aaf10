// Builds a provider's OAuth2-library service (OAuth2.createService) from its pure settings and
// wraps it as the OAuthClient port. The only code that talks to the OAuth2 library.
import type { OAuthClient } from '../app/oauth-client';
import type { ClientCredentials, Provider, StoredToken } from '../providers/provider';
import { errorMessage } from '../app/sanitize';
import { userLock } from './lock';
import { secureCodeVerifier } from './pkce';

/** The global Apps Script's /usercallback calls: the export of the same name in main.ts. */
export const CALLBACK_FUNCTION = 'authCallback';

function createService(
  provider: Provider,
  creds: ClientCredentials,
  scopes: string[],
): GoogleAppsScriptOAuth2.OAuth2Service {
  const o = provider.oauth;
  const service = OAuth2.createService(provider.id)
    .setAuthorizationBaseUrl(o.authorizationBaseUrl)
    .setTokenUrl(o.tokenUrl)
    .setClientId(creds.clientId)
    // Set even for Fitbit client/personal apps: library v43's refresh() throws "Client Secret is
    // required." without one; the payload handler keeps it out of their requests.
    .setClientSecret(creds.clientSecret)
    .setCallbackFunction(CALLBACK_FUNCTION)
    .setPropertyStore(PropertiesService.getUserProperties())
    .setCache(CacheService.getUserCache())
    .setLock(userLock())
    .setScope(scopes)
    .setTokenHeaders(o.tokenHeaders(creds))
    .setTokenPayloadHandler((payload) =>
      o.tokenPayload(payload as unknown as Record<string, string | undefined>, creds),
    );
  for (const [name, value] of Object.entries(o.authorizeParams)) service.setParam(name, value);
  return service;
}

export function createOAuthClient(
  provider: Provider,
  creds: ClientCredentials,
  scopes: string[],
): OAuthClient {
  const service = createService(provider, creds, scopes);
  return {
    authorizationUrl(stateArgs, incremental) {
      if (incremental) {
        service.setScope(incremental.scopes);
        for (const [name, value] of Object.entries(incremental.params))
          service.setParam(name, value);
      }
      service.setCodeVerififer(secureCodeVerifier());
      // @types 43.0.0 types the method with an enum that does not exist at run time: pass the
      // string the library actually compares against.
      service.setCodeChallengeMethod(
        'S256' as unknown as GoogleAppsScriptOAuth2.CodeChallengeMethod,
      );
      return service.getAuthorizationUrl(stateArgs);
    },
    handleCallback: (parameters) => service.handleCallback({ parameter: parameters }),
    token: (fresh) => service.getToken(fresh) as StoredToken | null,
    hasAccess: () => service.hasAccess(),
    lastError() {
      const e: unknown = service.getLastError();
      if (e === undefined || e === null) return null;
      return errorMessage(e);
    },
    refresh: () => service.refresh(),
    reset: () => service.reset(),
  };
}

export function redirectUri(): string {
  return OAuth2.getRedirectUri();
}
