// The add-on's failure kinds: one small error class per kind under a common base (the ky
// pattern), so callers branch on `instanceof` or `kind` instead of parsing messages.
/**
 * API: `AddOnError` (base, has `kind`), and one subclass per kind:
 * `InvalidDateError`, `MalformedResponseError` (names the request), `RateLimitedError`
 * (`retryAtMs`), `TimeBudgetExhaustedError`, `ExpiredTokenError`, `RevokedError`,
 * `ScopeMissingError`, `ProviderRetiredError` (legacy Fitbit answers 410 Gone since 2 Nov 2026),
 * `AccountNotLinkedError` (`signUpUrl`), `TransientError`, `ClientRequestError`,
 * `InvalidCheckpointError`.
 * Messages name requests by their plan id (a path and a date range), never by a token or secret.
 */

export type ErrorKind =
  | 'invalid-date'
  | 'malformed'
  | 'rate-limited'
  | 'time-budget'
  | 'expired-token'
  | 'revoked'
  | 'scope-missing'
  | 'retired'
  | 'account-not-linked'
  | 'transient'
  | 'client-error'
  | 'invalid-checkpoint';

export abstract class AddOnError extends Error {
  abstract readonly kind: ErrorKind;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidDateError extends AddOnError {
  readonly kind = 'invalid-date';
  constructor(readonly value: string) {
    super(`Not a calendar date in yyyy-MM-dd form: ${value}`);
  }
}

/** A provider answer that does not have the documented shape; its data is never used. */
export class MalformedResponseError extends AddOnError {
  readonly kind = 'malformed';
  constructor(
    readonly requestId: string,
    readonly detail: string,
  ) {
    super(`Unexpected response to ${requestId}: ${detail}`);
  }
}

export class RateLimitedError extends AddOnError {
  readonly kind = 'rate-limited';
  constructor(readonly retryAtMs: number | null) {
    super('The provider rate limit is spent for now');
  }
}

export class TimeBudgetExhaustedError extends AddOnError {
  readonly kind = 'time-budget';
  constructor() {
    super('This execution is close to its time limit');
  }
}

export class ExpiredTokenError extends AddOnError {
  readonly kind = 'expired-token';
  constructor() {
    super('The access token has expired');
  }
}

export class RevokedError extends AddOnError {
  readonly kind = 'revoked';
  constructor() {
    super('Access was revoked; connect again');
  }
}

export class ScopeMissingError extends AddOnError {
  readonly kind = 'scope-missing';
  constructor(readonly scopes: readonly string[]) {
    super(`Permission not granted: ${scopes.join(', ')}`);
  }
}

export class ProviderRetiredError extends AddOnError {
  readonly kind = 'retired';
  constructor() {
    super('The legacy Fitbit Web API was turned off on 2 Nov 2026 (410 Gone)');
  }
}

export class AccountNotLinkedError extends AddOnError {
  readonly kind = 'account-not-linked';
  constructor(readonly signUpUrl: string | null) {
    super('This Google account has no Google Health profile yet');
  }
}

export class TransientError extends AddOnError {
  readonly kind = 'transient';
  constructor(readonly detail: string) {
    super(`Temporary provider failure: ${detail}`);
  }
}

export class ClientRequestError extends AddOnError {
  readonly kind = 'client-error';
  constructor(readonly detail: string) {
    super(`The provider rejected a request: ${detail}`);
  }
}

export class InvalidCheckpointError extends AddOnError {
  readonly kind = 'invalid-checkpoint';
  constructor(readonly detail: string) {
    super(`Stored sync checkpoint is unusable: ${detail}`);
  }
}
