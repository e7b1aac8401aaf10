// The composition root: builds the Apps Script adapters once per execution and hands them to use
// cases as an AppContext. New use cases (sync, schedule) take the same context.
import { urlFetchHttp } from '../gas/http';
import { userLockPort } from '../gas/lock';
import { createOAuthClient, redirectUri } from '../gas/oauth-service';
import { secureNonce } from '../gas/pkce';
import {
  documentProperties,
  propertiesStore,
  scriptProperties,
  userProperties,
} from '../gas/properties';
import { ConnectionStore } from './connection-store';
import type { AppContext } from './context';
import { SetupStore } from './setup-store';

let context: AppContext | null = null;

export function appContext(): AppContext {
  if (!context) {
    context = {
      setup: new SetupStore(propertiesStore(scriptProperties())),
      connections: new ConnectionStore(propertiesStore(userProperties())),
      documentStore: documentStoreOrNull(),
      http: urlFetchHttp,
      clock: { now: () => Date.now() },
      lock: userLockPort(),
      redirectUri,
      newNonce: secureNonce,
      oauthClient: createOAuthClient,
    };
  }
  return context;
}

function documentStoreOrNull() {
  const props = documentProperties();
  return props ? propertiesStore(props) : null;
}
