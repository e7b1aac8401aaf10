// The OAuth2 library stand-in (apps-script-oauth2 v43): what the local runtime exposes as `OAuth2`.
import { OAuth2Service } from './service';
import { STORAGE_PREFIX } from './storage';
import { TOKEN_FORMAT } from './token-response';
import type { OAuth2Env, PropertiesLike, TokenFormats } from './types';

export { OAuth2Service } from './service';
export { OAuth2Storage } from './storage';
export type * from './types';

export interface OAuth2Library {
  createService(serviceName: string): OAuth2Service;
  getRedirectUri(optScriptId?: string): string;
  getServiceNames(propertyStore: PropertiesLike): string[];
  TOKEN_FORMAT: TokenFormats;
}

/**
 * Builds the library for one execution from that execution's Apps Script services. Call it inside
 * each execution: services share nothing in memory across executions, only the stores.
 */
export function createOAuth2Library(env: OAuth2Env): OAuth2Library {
  const getRedirectUri = (optScriptId?: string): string => {
    const scriptId = optScriptId || env.ScriptApp.getScriptId();
    return 'https://script.google.com/macros/d/' + encodeURIComponent(scriptId) + '/usercallback';
  };

  return {
    createService: (serviceName: string) =>
      new OAuth2Service(serviceName, env, () => getRedirectUri()),
    getRedirectUri,
    // Splits keys on '.', so a service whose name contains a dot is reported by its first part.
    getServiceNames(propertyStore: PropertiesLike): string[] {
      const names: string[] = [];
      for (const key of Object.keys(propertyStore.getProperties())) {
        const parts = key.split('.');
        if (key.indexOf(STORAGE_PREFIX) == 0 && parts.length > 1 && parts[1]) {
          if (names.indexOf(parts[1]) < 0) names.push(parts[1]);
        }
      }
      return names;
    },
    TOKEN_FORMAT,
  };
}
