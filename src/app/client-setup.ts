// Whose OAuth client a person's connection uses: the publisher's (script properties set in the
// editor, read only here) or the person's own (their user properties). Nothing any user can call
// writes a setup another person depends on. Also moves the old shared setup to its users.
/**
 * API: `ClientSetup` { mode(), problem(), current(), chosenProvider(), summary(id), hasSecret(id),
 * clientId(id), save(...) }.
 * - publisher mode: PUBLISHER_* script properties exist. Everyone uses that client; `save` refuses.
 * - personal mode: each person's setup lives in their user properties; `save` writes only those.
 * The legacy shared setup (older versions wrote `setup.*` into script properties through the
 * sidebar, so anyone could change it) is never used as a shared setup again. A person with no
 * setup of their own who holds a token obtained with it (the OAuth2 library's `oauth2.<provider>`
 * in their user properties) gets a copy of those credentials in their own user properties the
 * first time the add-on runs for them, so their connection keeps working; people without such a
 * token set up their own. The script properties are left as they are: the add-on cannot tell
 * when every person who used them has had their copy, and no code path writes them.
 */
import {
  PROVIDER_IDS,
  type ClientCredentials,
  type FitbitAppType,
  type ProviderId,
} from '../providers/provider';
import { readPublisherSetup, type PublisherSetup } from './publisher-setup';
import {
  SetupReader,
  SetupStore,
  type ProviderSetup,
  type ReadableStore,
  type SetupSummary,
} from './setup-store';

export type SetupMode = 'publisher' | 'personal';

export interface ClientSetupPorts {
  /** Script properties, read only: the publisher's keys and the legacy shared setup. */
  script: ReadableStore;
  /** This person's setup: user properties. */
  personal: SetupStore;
  /** Whether this person holds a token for the provider, obtained with these credentials. */
  hasToken(provider: ProviderId, credentials: ClientCredentials): boolean;
}

const NO_SUMMARY: SetupSummary = { clientId: '', secretSet: false, appType: 'server' };

export class ClientSetup {
  private publisherRead: PublisherSetup | null = null;
  private legacyChecked = false;

  constructor(private readonly ports: ClientSetupPorts) {}

  mode(): SetupMode {
    return this.publisher().kind === 'none' ? 'personal' : 'publisher';
  }

  /** Why the publisher's setup cannot be used, for the sidebar; null when it can (or none). */
  problem(): string | null {
    const p = this.publisher();
    return p.kind === 'invalid' ? p.problem : null;
  }

  /** The setup this person's connection uses, or null while it is unfinished. */
  current(): ProviderSetup | null {
    const p = this.publisher();
    if (p.kind === 'ok') return p.setup;
    if (p.kind === 'invalid') return null;
    this.adoptLegacy();
    return this.ports.personal.current();
  }

  chosenProvider(): ProviderId | null {
    const p = this.publisher();
    if (p.kind !== 'none') return p.kind === 'ok' ? p.setup.provider : null;
    this.adoptLegacy();
    return this.ports.personal.chosenProvider();
  }

  /** The person's own setup of one provider; nothing in publisher mode (the sidebar shows none). */
  summary(provider: ProviderId): SetupSummary {
    if (this.mode() === 'publisher') return NO_SUMMARY;
    this.adoptLegacy();
    return this.ports.personal.summary(provider);
  }

  hasSecret(provider: ProviderId): boolean {
    return this.mode() === 'personal' && this.ports.personal.hasSecret(provider);
  }

  clientId(provider: ProviderId): string | null {
    const current = this.current();
    if (this.mode() === 'publisher')
      return current?.provider === provider ? current.credentials.clientId : null;
    return this.ports.personal.clientId(provider);
  }

  /** Saves this person's own setup; refuses in publisher mode, where there is nothing to set. */
  save(
    provider: ProviderId,
    clientId: string,
    clientSecret: string | null,
    appType: FitbitAppType,
  ): void {
    if (this.mode() === 'publisher')
      throw new Error('The publisher set up this add-on: there is no setup to save.');
    this.adoptLegacy();
    this.ports.personal.save(provider, clientId, clientSecret, appType);
  }

  private publisher(): PublisherSetup {
    this.publisherRead ??= readPublisherSetup(this.ports.script);
    return this.publisherRead;
  }

  /** Copies the legacy shared setup to a person without their own who connected with it. */
  private adoptLegacy(): void {
    if (this.legacyChecked) return;
    this.legacyChecked = true;
    const { personal, script, hasToken } = this.ports;
    if (personal.chosenProvider() !== null) return;
    const legacy = new SetupReader(script);
    const chosen = legacy.chosenProvider();
    if (chosen === null) return;
    const adopted = PROVIDER_IDS.filter((provider) => {
      const creds = legacy.credentials(provider);
      return creds !== null && hasToken(provider, creds);
    });
    // The legacy choice last, so it stays this person's chosen provider when they have its token.
    adopted.sort((a, b) => Number(a === chosen) - Number(b === chosen));
    for (const provider of adopted) {
      const creds = legacy.credentials(provider)!;
      personal.save(provider, creds.clientId, creds.clientSecret, creds.appType ?? 'server');
    }
  }
}
