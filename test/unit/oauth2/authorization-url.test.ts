// Contract of getAuthorizationUrl, PKCE and redirect URIs of the OAuth2 library stand-in.
import { createOAuth2Library } from '../../../dev/oauth2';
import {
  FakeScriptApp,
  FakeUrlFetchApp,
  FITBIT_EXAMPLE_CHALLENGE,
  FITBIT_EXAMPLE_VERIFIER,
  execution,
  fakeUtilities,
} from './fakes';

function configured() {
  const ex = execution();
  const service = ex.lib
    .createService('fitbit')
    .setAuthorizationBaseUrl('https://www.fitbit.com/oauth2/authorize')
    .setTokenUrl('https://api.fitbit.com/oauth2/token')
    .setClientId('CLIENT')
    .setCallbackFunction('authCallback');
  return { ...ex, service };
}

const query = (url: string) => Array.from(new URL(url).searchParams.entries());

describe('getAuthorizationUrl', () => {
  test('puts client_id, response_type, redirect_uri, state, then scope and setParam entries in that order', () => {
    const { service } = configured();
    service.setScope(['activity', 'sleep']).setParam('prompt', 'consent');
    const url = service.getAuthorizationUrl();
    expect(url.startsWith('https://www.fitbit.com/oauth2/authorize?')).toBe(true);
    expect(query(url)).toEqual([
      ['client_id', 'CLIENT'],
      ['response_type', 'code'],
      ['redirect_uri', 'https://script.google.com/macros/d/script-id-123/usercallback'],
      ['state', 'state-1'],
      ['scope', 'activity sleep'],
      ['prompt', 'consent'],
    ]);
  });

  test('encodes values with encodeURIComponent (spaces as %20, not +)', () => {
    const { service } = configured();
    service.setScope('a b/c');
    expect(service.getAuthorizationUrl()).toContain('&scope=a%20b%2Fc');
  });

  test('appends with & when the base URL already has a query', () => {
    const { service } = configured();
    service.setAuthorizationBaseUrl('https://example.test/auth?x=1');
    expect(service.getAuthorizationUrl()).toMatch(/^https:\/\/example\.test\/auth\?x=1&client_id=/);
  });

  test('setScope joins an array with a custom separator', () => {
    const { service } = configured();
    service.setScope(['a', 'b'], ',');
    expect(new URL(service.getAuthorizationUrl()).searchParams.get('scope')).toBe('a,b');
  });

  test('setParam overrides a standard parameter in place', () => {
    const { service } = configured();
    service.setParam('response_type', 'token');
    const keys = query(service.getAuthorizationUrl());
    expect(keys[1]).toEqual(['response_type', 'token']);
    expect(keys.filter(([k]) => k === 'response_type')).toHaveLength(1);
  });

  test('state token: callback method, serviceName, timeout 3600, then each additional parameter', () => {
    const { service, scriptApp } = configured();
    service.getAuthorizationUrl({ sheetId: 's1', mode: 'm' });
    const [state] = scriptApp.stateTokens;
    expect(state.method).toBe('authCallback');
    expect(state.timeout).toBe(3600);
    expect(state.args).toEqual([
      ['serviceName', 'fitbit'],
      ['sheetId', 's1'],
      ['mode', 'm'],
    ]);
    expect(state.calls[state.calls.length - 1]).toBe('createToken');
  });

  test('with PKCE the verifier travels in the state token as codeVerifier_, before the extra arguments', () => {
    const { service, scriptApp, properties, cache } = configured();
    service.setPropertyStore(properties).setCache(cache).setCodeVerififer(FITBIT_EXAMPLE_VERIFIER);
    service.getAuthorizationUrl({ extra: 'x' });
    expect(scriptApp.stateTokens[0].args).toEqual([
      ['serviceName', 'fitbit'],
      ['codeVerifier_', FITBIT_EXAMPLE_VERIFIER],
      ['extra', 'x'],
    ]);
    const stored = [...properties.data.values(), ...cache.data.values()].join('\n');
    expect(stored).not.toContain(FITBIT_EXAMPLE_VERIFIER);
  });

  test("S256 challenge of Fitbit's example verifier is its documented 43-character value", () => {
    const { service } = configured();
    service.setCodeVerififer(FITBIT_EXAMPLE_VERIFIER);
    const params = new URL(service.getAuthorizationUrl()).searchParams;
    expect(params.get('code_challenge')).toBe(FITBIT_EXAMPLE_CHALLENGE);
    expect(params.get('code_challenge')).toHaveLength(43);
    expect(params.get('code_challenge_method')).toBe('S256');
  });

  test('code_challenge and code_challenge_method come right after state and before scope', () => {
    const { service } = configured();
    service.setScope('activity').setCodeVerififer(FITBIT_EXAMPLE_VERIFIER);
    expect(query(service.getAuthorizationUrl()).map(([k]) => k)).toEqual([
      'client_id',
      'response_type',
      'redirect_uri',
      'state',
      'code_challenge',
      'code_challenge_method',
      'scope',
    ]);
  });

  test('an emulation that drops base64 padding would lose the last challenge character', () => {
    const unpadded = {
      ...fakeUtilities,
      base64EncodeWebSafe: (d: string | number[]) =>
        fakeUtilities.base64EncodeWebSafe(d).replace(/=+$/, ''),
    };
    const lib = createOAuth2Library({
      ScriptApp: new FakeScriptApp(),
      UrlFetchApp: new FakeUrlFetchApp(),
      Utilities: unpadded,
    });
    const url = lib
      .createService('fitbit')
      .setAuthorizationBaseUrl('https://a.test/auth')
      .setClientId('C')
      .setCallbackFunction('cb')
      .setCodeVerififer(FITBIT_EXAMPLE_VERIFIER)
      .getAuthorizationUrl();
    expect(new URL(url).searchParams.get('code_challenge')).toBe(
      FITBIT_EXAMPLE_CHALLENGE.slice(0, 42),
    );
  });

  test('setCodeVerififer keeps an explicitly chosen challenge method', () => {
    const { service } = configured();
    service.setCodeChallengeMethod('plain').setCodeVerififer(FITBIT_EXAMPLE_VERIFIER);
    const params = new URL(service.getAuthorizationUrl()).searchParams;
    expect(params.get('code_challenge')).toBe(FITBIT_EXAMPLE_VERIFIER);
    expect(params.get('code_challenge_method')).toBe('plain');
  });

  test('the challenge method is case-insensitive and sent as given', () => {
    const { service } = configured();
    service.setCodeVerififer(FITBIT_EXAMPLE_VERIFIER).setCodeChallengeMethod('s256');
    const params = new URL(service.getAuthorizationUrl()).searchParams;
    expect(params.get('code_challenge')).toBe(FITBIT_EXAMPLE_CHALLENGE);
    expect(params.get('code_challenge_method')).toBe('s256');
  });

  test('an unsupported challenge method throws when the URL is built', () => {
    const { service } = configured();
    service.setCodeVerififer(FITBIT_EXAMPLE_VERIFIER).setCodeChallengeMethod('S512');
    expect(() => service.getAuthorizationUrl()).toThrow('Unsupported challenge method: s512');
  });

  test('a challenge method without a verifier adds no PKCE parameters', () => {
    const { service } = configured();
    service.setCodeChallengeMethod('S256');
    expect(service.getAuthorizationUrl()).not.toContain('code_challenge');
  });

  test.each([
    ['Client ID', 'setClientId'],
    ['Callback function name', 'setCallbackFunction'],
    ['Authorization base URL', 'setAuthorizationBaseUrl'],
  ] as const)('throws "%s is required." when it is missing', (label, setter) => {
    const { service } = configured();
    service[setter]('');
    expect(() => service.getAuthorizationUrl()).toThrow(`${label} is required.`);
  });

  test('setRedirectUri replaces the usercallback URL in the authorization URL', () => {
    const { service } = configured();
    service.setRedirectUri('https://example.test/cb');
    expect(service.getRedirectUri()).toBe('https://example.test/cb');
    expect(new URL(service.getAuthorizationUrl()).searchParams.get('redirect_uri')).toBe(
      'https://example.test/cb',
    );
  });
});

describe('generateCodeVerifier', () => {
  afterEach(() => jest.restoreAllMocks());

  test('draws 32 bytes from Math.random and encodes them to 43 web-safe characters', () => {
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.5);
    const { service, scriptApp } = configured();
    service.generateCodeVerifier().getAuthorizationUrl();
    expect(random).toHaveBeenCalledTimes(32);
    const verifier = scriptApp.stateTokens[0].args.find(([k]) => k === 'codeVerifier_')?.[1];
    // floor(0.5 * 255) = 127 = 0x7f for all 32 bytes.
    expect(verifier).toBe(Buffer.alloc(32, 0x7f).toString('base64url'));
    expect(verifier).toHaveLength(43);
  });

  test('sets the challenge method to S256', () => {
    const { service } = configured();
    const params = new URL(service.generateCodeVerifier().getAuthorizationUrl()).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toHaveLength(43);
  });
});

describe('redirect URI and library constants', () => {
  test('getRedirectUri uses the script id, URI-encoded', () => {
    const { lib } = execution();
    expect(lib.getRedirectUri()).toBe(
      'https://script.google.com/macros/d/script-id-123/usercallback',
    );
    expect(lib.getRedirectUri('a/b c')).toBe(
      'https://script.google.com/macros/d/a%2Fb%20c/usercallback',
    );
  });

  test('TOKEN_FORMAT has the two content types', () => {
    const { lib } = execution();
    expect(lib.TOKEN_FORMAT).toEqual({
      JSON: 'application/json',
      FORM_URL_ENCODED: 'application/x-www-form-urlencoded',
    });
  });

  test('createService needs a name and setters chain', () => {
    const { lib } = execution();
    expect(() => lib.createService('')).toThrow('Service name is required.');
    const service = lib.createService('x');
    expect(service.setClientId('a').setClientSecret('b').setTokenMethod('post')).toBe(service);
  });
});
