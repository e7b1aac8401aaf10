// Classification of every documented legacy Fitbit error shape, API and token endpoint.
import {
  classifyFitbitResponse,
  classifyFitbitTokenError,
} from '../../../src/providers/fitbit/errors';

const fitbitError = (status: number, errorType: string, headers: Record<string, string> = {}) => ({
  status,
  headers,
  body: JSON.stringify({ errors: [{ errorType, message: `m ${errorType}` }], success: false }),
});

describe('classifyFitbitResponse', () => {
  it('judges 2xx ok', () => {
    expect(classifyFitbitResponse({ status: 200, headers: {}, body: '{}' })).toEqual({
      kind: 'ok',
    });
  });
  it('401 expired_token means refresh and retry', () => {
    expect(classifyFitbitResponse(fitbitError(401, 'expired_token')).kind).toBe('expired-token');
  });
  it('401 invalid_token means revoked', () => {
    expect(classifyFitbitResponse(fitbitError(401, 'invalid_token')).kind).toBe('revoked');
  });
  it('401 without a body still tries a refresh', () => {
    expect(classifyFitbitResponse({ status: 401, headers: {}, body: '' }).kind).toBe(
      'expired-token',
    );
  });
  it('403 insufficient_scope and insufficient_permissions mean a scope is missing', () => {
    expect(classifyFitbitResponse(fitbitError(403, 'insufficient_scope')).kind).toBe(
      'scope-missing',
    );
    expect(classifyFitbitResponse(fitbitError(403, 'insufficient_permissions')).kind).toBe(
      'scope-missing',
    );
  });
  it('429 is rate limited, waiting until the hourly reset header (any case)', () => {
    expect(
      classifyFitbitResponse(fitbitError(429, 'system', { 'Fitbit-Rate-Limit-Reset': '120' })),
    ).toEqual({
      kind: 'rate-limited',
      retryAfterMs: 120000,
    });
    expect(classifyFitbitResponse(fitbitError(429, 'system'))).toEqual({
      kind: 'rate-limited',
      retryAfterMs: null,
    });
  });
  it('410 is the retired legacy API', () => {
    expect(classifyFitbitResponse({ status: 410, headers: {}, body: 'Gone' }).kind).toBe('retired');
  });
  it('5xx and 409 are transient', () => {
    expect(classifyFitbitResponse({ status: 503, headers: {}, body: '<html>' }).kind).toBe(
      'transient',
    );
    expect(classifyFitbitResponse(fitbitError(409, 'request')).kind).toBe('transient');
  });
  it('400 validation errors are client errors naming the error type, not the raw body', () => {
    const c = classifyFitbitResponse(fitbitError(400, 'validation'));
    expect(c).toEqual({ kind: 'client-error', message: 'HTTP 400: validation: m validation' });
  });
});

const lib = (status: number, errorType: string) =>
  `Error retrieving token: ${status}: ${JSON.stringify({ errors: [{ errorType, message: 'x' }], success: false })}`;

describe('classifyFitbitTokenError (OAuth2 library messages)', () => {
  it('invalid_grant: refresh token used or revoked, or code rejected', () => {
    expect(classifyFitbitTokenError(lib(400, 'invalid_grant'))).toEqual({
      kind: 'invalid-grant',
      code: 'invalid_grant',
    });
  });
  it('invalid_client and unauthorized_client: wrong client id or secret', () => {
    expect(classifyFitbitTokenError(lib(401, 'invalid_client')).kind).toBe('invalid-client');
    expect(classifyFitbitTokenError(lib(401, 'unauthorized_client')).kind).toBe('invalid-client');
  });
  it('410: the token endpoint is turned off', () => {
    expect(classifyFitbitTokenError('Error retrieving token: 410: {"errors":[]}').kind).toBe(
      'retired',
    );
  });
  it('409 concurrent refresh and 5xx are transient', () => {
    expect(classifyFitbitTokenError(lib(409, 'request')).kind).toBe('transient');
    expect(classifyFitbitTokenError(lib(502, 'system')).kind).toBe('transient');
  });
  it('an RFC-style error field is read too', () => {
    expect(
      classifyFitbitTokenError('Error retrieving token: invalid_grant, Refresh token invalid').kind,
    ).toBe('invalid-grant');
  });
  it('never returns free text as the code', () => {
    const f = classifyFitbitTokenError('Error retrieving token: something odd happened <b>');
    expect(f.kind).toBe('other');
    expect((f as { code: string }).code).toMatch(/^[A-Za-z_ 0-9]+$/);
  });
  it('failures before any answer was read prove nothing about the token: transient', () => {
    // The library throws this before looking at the status (an HTML 502 page, an empty 503).
    expect(
      classifyFitbitTokenError('Token response not valid JSON: SyntaxError: Unexpected token <'),
    ).toEqual({ kind: 'transient', code: 'not_json' });
    // UrlFetchApp's exceptions for an unreachable host and a timeout.
    expect(
      classifyFitbitTokenError(
        'Exception: Address unavailable: https://api.fitbit.com/oauth2/token',
      ),
    ).toEqual({ kind: 'transient', code: 'unreachable' });
    expect(classifyFitbitTokenError('Timeout: https://api.fitbit.com/oauth2/token').kind).toBe(
      'transient',
    );
  });
  it("the library's missing-secret check blames the client, not the token", () => {
    expect(classifyFitbitTokenError('Client Secret is required.').kind).toBe('invalid-client');
  });
});
