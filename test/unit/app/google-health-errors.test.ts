// Classification of every documented Google Health / Google OAuth error shape.
import {
  classifyGoogleResponse,
  classifyGoogleTokenError,
} from '../../../src/providers/google-health/errors';

const gError = (
  code: number,
  status: string,
  reason?: string,
  metadata?: Record<string, string>,
) => ({
  status: code,
  headers: {},
  body: JSON.stringify({
    error: {
      code,
      message: `msg ${status}`,
      status,
      details: reason
        ? [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason,
              domain: 'health.googleapis.com',
              metadata,
            },
          ]
        : [],
    },
  }),
});

describe('classifyGoogleResponse', () => {
  it('2xx is ok', () => {
    expect(classifyGoogleResponse({ status: 200, headers: {}, body: '{}' }).kind).toBe('ok');
  });
  it('401 UNAUTHENTICATED means refresh and retry', () => {
    expect(classifyGoogleResponse(gError(401, 'UNAUTHENTICATED')).kind).toBe('expired-token');
  });
  it('400 FAILED_PRECONDITION ACCOUNT_NOT_LINKED carries the sign-up link', () => {
    const c = classifyGoogleResponse(
      gError(400, 'FAILED_PRECONDITION', 'ACCOUNT_NOT_LINKED', {
        redirect_uri: 'https://health.google.com/signup?x=1',
      }),
    );
    expect(c).toEqual({
      kind: 'account-not-linked',
      signUpUrl: 'https://health.google.com/signup?x=1',
    });
  });
  it('ignores a sign-up link that is not https', () => {
    const c = classifyGoogleResponse(
      gError(400, 'FAILED_PRECONDITION', 'ACCOUNT_NOT_LINKED', {
        redirect_uri: 'javascript:alert(1)',
      }),
    );
    expect(c).toEqual({ kind: 'account-not-linked', signUpUrl: null });
  });
  it('403 SERVICE_DISABLED names the project and the console page that enables the API', () => {
    const activationUrl =
      'https://console.developers.google.com/apis/api/health.googleapis.com/overview?project=1234567890';
    expect(
      classifyGoogleResponse(
        gError(403, 'PERMISSION_DENIED', 'SERVICE_DISABLED', {
          service: 'health.googleapis.com',
          consumer: 'projects/1234567890',
          activationUrl,
        }),
      ),
    ).toEqual({ kind: 'service-disabled', project: '1234567890', enableUrl: activationUrl });
  });
  it('SERVICE_DISABLED without an activationUrl builds the link from the consumer project', () => {
    expect(
      classifyGoogleResponse(
        gError(403, 'PERMISSION_DENIED', 'SERVICE_DISABLED', {
          consumer: 'projects/42',
          activationUrl: 'https://evil.example/enable',
        }),
      ),
    ).toEqual({
      kind: 'service-disabled',
      project: '42',
      enableUrl:
        'https://console.developers.google.com/apis/api/health.googleapis.com/overview?project=42',
    });
  });
  it('a 403 RATE_LIMIT_EXCEEDED is a rate limit, not a missing scope', () => {
    expect(classifyGoogleResponse(gError(403, 'PERMISSION_DENIED', 'RATE_LIMIT_EXCEEDED'))).toEqual(
      { kind: 'rate-limited', retryAfterMs: null },
    );
  });
  it('a 403 without a known reason is a refusal of that request, not a missing scope', () => {
    expect(classifyGoogleResponse(gError(403, 'PERMISSION_DENIED')).kind).toBe('client-error');
  });
  it('403 PERMISSION_DENIED for a scope is scope-missing', () => {
    expect(
      classifyGoogleResponse(gError(403, 'PERMISSION_DENIED', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT'))
        .kind,
    ).toBe('scope-missing');
  });
  it('429 RESOURCE_EXHAUSTED is rate limited with Retry-After', () => {
    const res = {
      ...gError(429, 'RESOURCE_EXHAUSTED', 'RATE_LIMIT_EXCEEDED'),
      headers: { 'retry-after': '30' },
    };
    expect(classifyGoogleResponse(res)).toEqual({ kind: 'rate-limited', retryAfterMs: 30000 });
  });
  it('5xx is transient, other 4xx a client error with status and message only', () => {
    expect(classifyGoogleResponse(gError(503, 'UNAVAILABLE')).kind).toBe('transient');
    expect(classifyGoogleResponse(gError(400, 'INVALID_ARGUMENT'))).toEqual({
      kind: 'client-error',
      message: 'HTTP 400: INVALID_ARGUMENT: msg INVALID_ARGUMENT',
    });
  });
});

describe('classifyGoogleTokenError (OAuth2 library messages)', () => {
  it('invalid_grant (code reused or expired, refresh token revoked or expired)', () => {
    expect(classifyGoogleTokenError('Error retrieving token: invalid_grant, Bad Request')).toEqual({
      kind: 'invalid-grant',
      code: 'invalid_grant',
    });
  });
  it('invalid_client and unauthorized_client: wrong client id or secret', () => {
    expect(
      classifyGoogleTokenError('Error retrieving token: invalid_client, Unauthorized').kind,
    ).toBe('invalid-client');
    expect(classifyGoogleTokenError('Error retrieving token: unauthorized_client').kind).toBe(
      'invalid-client',
    );
  });
  it('a bare 5xx status is transient', () => {
    expect(classifyGoogleTokenError('Error retrieving token: 503: {}').kind).toBe('transient');
    expect(classifyGoogleTokenError('Error retrieving token: 429: {}').kind).toBe('transient');
  });
  it('an HTML page, a network exception or a timeout is transient (nothing proves the token dead)', () => {
    expect(classifyGoogleTokenError('Token response not valid JSON').kind).toBe('transient');
    expect(
      classifyGoogleTokenError(
        'Exception: Address unavailable: https://oauth2.googleapis.com/token',
      ).kind,
    ).toBe('transient');
    expect(classifyGoogleTokenError('Timeout: https://oauth2.googleapis.com/token').kind).toBe(
      'transient',
    );
  });
});
