// The composition root: builds the Apps Script adapters once per execution and hands them to use
// cases as an AppContext. New use cases (sync, schedule) take the same context.
import { scriptAuthorizationRequired } from '../gas/authorization';
import { urlFetchHttp } from '../gas/http';
import { userLockPort } from '../gas/lock';
import { createOAuthClient, redirectUri } from '../gas/oauth-service';
import { secureNonce } from '../gas/pkce';
import { gasDashboardWorkbook } from '../gas/dashboard-workbook';
import { gasWorkbook } from '../gas/sheet-workbook';
import { documentLock, pause } from '../gas/sheet-lock';
import { gasSpreadsheetGrid } from '../gas/spreadsheet-grid';
import { gasTriggers } from '../gas/triggers';
import {
  documentProperties,
  propertiesStore,
  scriptProperties,
  userProperties,
} from '../gas/properties';
import { ClientSetup } from './client-setup';
import { ConnectionStore } from './connection-store';
import type { AppContext } from './context';
import { providerById } from './providers';
import { SetupStore } from './setup-store';
import type { SyncPorts } from './sync/ports';

let context: AppContext | null = null;

export function appContext(): AppContext {
  if (!context) {
    context = {
      setup: clientSetup(),
      connections: new ConnectionStore(propertiesStore(userProperties())),
      documentStore: documentStoreOrNull(),
      http: urlFetchHttp,
      clock: { now: () => Date.now() },
      lock: userLockPort(),
      redirectUri,
      newNonce: secureNonce,
      oauthClient: createOAuthClient,
      sync: syncPorts,
      authorizationRequired: scriptAuthorizationRequired,
    };
  }
  return context;
}

function clientSetup(): ClientSetup {
  const script = propertiesStore(scriptProperties());
  return new ClientSetup({
    // Only `get`: nothing reachable from an entry point writes script properties.
    script: { get: (key) => script.get(key) },
    personal: new SetupStore(propertiesStore(userProperties())),
    hasToken: (provider, credentials) =>
      createOAuthClient(providerById(provider), credentials, []).token() !== null,
  });
}

function documentStoreOrNull() {
  const props = documentProperties();
  return props ? propertiesStore(props) : null;
}

let ports: SyncPorts | null | undefined;

/** Built on first use: menus and web requests that never sync touch no spreadsheet. */
function syncPorts(): SyncPorts | null {
  if (ports === undefined) {
    if (!documentProperties()) ports = null;
    else {
      const workbook = gasWorkbook();
      ports = {
        workbook,
        triggers: gasTriggers(() => workbook.timeZone()),
        lock: documentLock(),
        sleep: pause,
        userStore: propertiesStore(userProperties()),
        dashboard: gasDashboardWorkbook(),
        grid: gasSpreadsheetGrid(() => workbook.timeZone()),
      };
    }
  }
  return ports;
}
