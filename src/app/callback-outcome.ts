// What authCallback found, as data: the page text is written from it in src/ui/callback-page.ts.
export type CallbackOutcome =
  | {
      kind: 'connected';
      providerLabel: string;
      accountId: string | null;
      /** The account as the person recognises it (the provider's accountLabel), or null. */
      account: string | null;
      /** Granted data, in human words. */
      granted: string[];
      /** Data the person left out at consent (fewer scopes than asked), in human words. */
      missing: string[];
    }
  | { kind: 'account-not-linked'; providerLabel: string; signUpUrl: string | null }
  | { kind: 'declined'; providerLabel: string }
  | { kind: 'state-expired'; windowMinutes: number }
  | { kind: 'state-used' }
  | { kind: 'code-rejected'; providerLabel: string; code: string }
  | { kind: 'bad-client'; providerLabel: string; code: string }
  | { kind: 'retired' }
  | { kind: 'unavailable'; providerLabel: string }
  | { kind: 'setup-changed' }
  | { kind: 'failed'; providerLabel: string; code: string };
