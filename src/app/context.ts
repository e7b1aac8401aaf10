// The composition root's shape: every adapter a use case needs, built once per execution.
import type { Clock, Http, KeyValueStore } from '../core/ports';
import type { ClientCredentials, Provider } from '../providers/provider';
import type { ClientSetup } from './client-setup';
import type { ConnectionStore } from './connection-store';
import type { OAuthClient, UserLock } from './oauth-client';
import type { SyncPorts } from './sync/ports';

export interface AppContext {
  /** Whose OAuth client this person uses: the publisher's, or their own. */
  setup: ClientSetup;
  connections: ConnectionStore;
  /** This spreadsheet's properties; null in a web request such as authCallback. */
  documentStore: KeyValueStore | null;
  http: Http;
  clock: Clock;
  lock: UserLock;
  /** Where providers send the person back: Apps Script's /usercallback of this script. */
  redirectUri(): string;
  /** An unguessable id (consent-request nonces). */
  newNonce(): string;
  oauthClient(provider: Provider, creds: ClientCredentials, scopes: string[]): OAuthClient;
  /** The sync's sheet, triggers and document lock; null without a document (a web request). */
  sync?(): SyncPorts | null;
  /**
   * True when the person has not authorized every scope the add-on declares (access removed, or
   * an update asks for more). Only a trigger run can meet this: opening the add-on asks first.
   */
  authorizationRequired?(): boolean;
}
