// The account-level failures an authorized request can end in, each needing a different action
// from the person (or none, for a transient one).
export type ConnectionErrorKind =
  | 'not-connected'
  | 'reconnect'
  | 'retired'
  | 'account-not-linked'
  | 'transient'
  /** The OAuth client or its Cloud project needs fixing; the person's token is kept. */
  | 'setup';

export class ConnectionError extends Error {
  constructor(
    readonly kind: ConnectionErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectionError';
  }
}
