// Error kinds: one class per kind under a common base, distinguishable without parsing messages.
import {
  AddOnError,
  MalformedResponseError,
  ProviderRetiredError,
  RateLimitedError,
} from '../../../src/core/errors';

describe('error kinds', () => {
  it('share a base class and carry their kind and details', () => {
    const errors = [
      new MalformedResponseError('google steps 2026-11-01..2026-11-14', 'no list'),
      new RateLimitedError(42),
      new ProviderRetiredError(),
    ];
    for (const e of errors) expect(e).toBeInstanceOf(AddOnError);
    expect(errors.map((e) => [e.kind, e.name])).toEqual([
      ['malformed', 'MalformedResponseError'],
      ['rate-limited', 'RateLimitedError'],
      ['retired', 'ProviderRetiredError'],
    ]);
    expect(errors[0].message).toContain('google steps 2026-11-01..2026-11-14');
    expect((errors[1] as RateLimitedError).retryAtMs).toBe(42);
    expect(errors[1]).not.toBeInstanceOf(MalformedResponseError);
  });
});
