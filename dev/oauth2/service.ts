// One OAuth2 service (createService(name)): configuration setters, the code flow, token refresh.
import { buildUrl, codeChallenge, randomCodeVerifier, requireValues } from './encoding';
import { decodeJwtPayload, encodeJwt } from './jwt';
import { OAuth2Storage, STORAGE_PREFIX } from './storage';
import { TOKEN_FORMAT, ensureExpiresAt, nowInSeconds, tokenFromResponse } from './token-response';
import type {
  CacheLike,
  CallbackRequest,
  LockLike,
  OAuth2Env,
  PropertiesLike,
  Token,
  TokenPayload,
} from './types';

/** A token counts as expired this many seconds before its expiry. */
export const EXPIRATION_BUFFER_SECONDS = 60;
/** waitLock timeout while checking or refreshing; a timeout throws out of hasAccess/refresh. */
export const LOCK_WAIT_MILLISECONDS = 30 * 1000;

export class OAuth2Service {
  private authorizationBaseUrl?: string;
  private tokenUrl?: string;
  private refreshUrl?: string;
  private tokenFormat: string = TOKEN_FORMAT.JSON;
  private tokenHeaders: Record<string, string> | null = null;
  private tokenMethod = 'post';
  private tokenPayloadHandler?: (payload: TokenPayload) => TokenPayload;
  private callbackFunctionName?: string;
  private clientId?: string;
  private clientSecret?: string;
  private propertyStore?: PropertiesLike;
  private cache?: CacheLike;
  private lock?: LockLike;
  private readonly params: Record<string, unknown> = {};
  private privateKey?: string;
  private issuer?: string;
  private subject?: string;
  private additionalClaims?: Record<string, unknown>;
  private expirationMinutes: number = 60;
  private grantType?: string;
  private redirectUri?: string;
  private codeVerifier?: string;
  private codeChallengeMethod?: string;
  private storage?: OAuth2Storage;
  private lastError: unknown;

  constructor(
    private readonly serviceName: string,
    private readonly env: OAuth2Env,
    private readonly defaultRedirectUri: () => string,
  ) {
    requireValues({ 'Service name': serviceName });
  }

  setAuthorizationBaseUrl(url: string): this {
    this.authorizationBaseUrl = url;
    return this;
  }

  setTokenUrl(url: string): this {
    this.tokenUrl = url;
    return this;
  }

  /** Refresh requests go here; without it they go to the token URL. */
  setRefreshUrl(url: string): this {
    this.refreshUrl = url;
    return this;
  }

  setTokenFormat(format: string): this {
    this.tokenFormat = format;
    return this;
  }

  /** Merged over {Accept: <token format>} on every token and refresh request. */
  setTokenHeaders(headers: Record<string, string>): this {
    this.tokenHeaders = headers;
    return this;
  }

  setTokenMethod(method: string): this {
    this.tokenMethod = method;
    return this;
  }

  /** Sic: the real method name carries this typo. Defaults the challenge method to S256. */
  setCodeVerififer(verifier: string): this {
    this.codeVerifier = verifier;
    if (!this.codeChallengeMethod) this.codeChallengeMethod = 'S256';
    return this;
  }

  generateCodeVerifier(): this {
    return this.setCodeVerififer(randomCodeVerifier(this.env.Utilities));
  }

  /** Checked only when the authorization URL is built ('Unsupported challenge method: <m>'). */
  setCodeChallengeMethod(method: string): this {
    this.codeChallengeMethod = method;
    return this;
  }

  /** Applied to every token, refresh and grant payload just before it is sent. */
  setTokenPayloadHandler(handler: (payload: TokenPayload) => TokenPayload): this {
    this.tokenPayloadHandler = handler;
    return this;
  }

  setCallbackFunction(name: string): this {
    this.callbackFunctionName = name;
    return this;
  }

  setClientId(clientId: string): this {
    this.clientId = clientId;
    return this;
  }

  setClientSecret(clientSecret: string): this {
    this.clientSecret = clientSecret;
    return this;
  }

  setPropertyStore(store: PropertiesLike): this {
    this.propertyStore = store;
    return this;
  }

  setCache(cache: CacheLike): this {
    this.cache = cache;
    return this;
  }

  setLock(lock: LockLike): this {
    this.lock = lock;
    return this;
  }

  setScope(scope: string | readonly string[], optSeparator?: string): this {
    const separator = optSeparator || ' ';
    this.params.scope = Array.isArray(scope) ? scope.join(separator) : scope;
    return this;
  }

  /** Extra authorization URL parameter; applied last, so it may override any standard one. */
  setParam(name: string, value: unknown): this {
    this.params[name] = value;
    return this;
  }

  setPrivateKey(privateKey: string): this {
    this.privateKey = privateKey;
    return this;
  }

  setIssuer(issuer: string): this {
    this.issuer = issuer;
    return this;
  }

  setSubject(subject: string): this {
    this.subject = subject;
    return this;
  }

  setAdditionalClaims(claims: Record<string, unknown>): this {
    this.additionalClaims = claims;
    return this;
  }

  setExpirationMinutes(minutes: number): this {
    this.expirationMinutes = minutes;
    return this;
  }

  setGrantType(grantType: string): this {
    this.grantType = grantType;
    return this;
  }

  setRedirectUri(uri: string): this {
    this.redirectUri = uri;
    return this;
  }

  getRedirectUri(): string {
    return this.redirectUri || this.defaultRedirectUri();
  }

  /**
   * The verifier travels only inside the encrypted state token (argument codeVerifier_), never in
   * storage: Apps Script hands it back to handleCallback in request.parameter.
   */
  getAuthorizationUrl(optAdditionalParameters?: Record<string, string>): string {
    requireValues({
      'Client ID': this.clientId,
      'Callback function name': this.callbackFunctionName,
      'Authorization base URL': this.authorizationBaseUrl,
    });
    const state = this.env.ScriptApp.newStateToken()
      .withMethod(this.callbackFunctionName as string)
      .withArgument('serviceName', this.serviceName)
      .withTimeout(3600);
    if (this.codeVerifier) state.withArgument('codeVerifier_', this.codeVerifier);
    if (optAdditionalParameters) {
      for (const key of Object.keys(optAdditionalParameters)) {
        state.withArgument(key, optAdditionalParameters[key]);
      }
    }
    const params: Record<string, unknown> = {
      client_id: this.clientId,
      response_type: 'code',
      redirect_uri: this.getRedirectUri(),
      state: state.createToken(),
    };
    if (this.codeVerifier) {
      params.code_challenge = codeChallenge(
        this.env.Utilities,
        String(this.codeChallengeMethod),
        this.codeVerifier,
      );
      params.code_challenge_method = this.codeChallengeMethod;
    }
    Object.assign(params, this.params);
    return buildUrl(this.authorizationBaseUrl as string, params);
  }

  /**
   * Apps Script's /usercallback has already checked the state token and merged its arguments into
   * request.parameter; the library checks neither state nor the presence of `code`.
   */
  handleCallback(callbackRequest: CallbackRequest): boolean {
    const code = callbackRequest.parameter.code;
    const error = callbackRequest.parameter.error;
    if (error) {
      if (error == 'access_denied') return false;
      throw new Error('Error authorizing token: ' + error);
    }
    // Since v43 no client secret is needed here (PKCE-only clients); refresh() still demands one.
    requireValues({ 'Client ID': this.clientId, 'Token URL': this.tokenUrl });
    const payload: TokenPayload = {
      code,
      client_id: this.clientId,
      client_secret: this.clientSecret,
      redirect_uri: this.getRedirectUri(),
      grant_type: 'authorization_code',
    };
    if (callbackRequest.parameter.codeVerifier_) {
      payload.code_verifier = callbackRequest.parameter.codeVerifier_;
    }
    this.saveToken(this.fetchToken(payload));
    return true;
  }

  /**
   * True for an unexpired token without touching the lock. Otherwise, under the lock, re-reads the
   * token past the memory layer (another execution may have refreshed it meanwhile) and refreshes;
   * refresh errors land in getLastError() and give false.
   */
  hasAccess(): boolean {
    let token = this.getToken();
    if (token && !this.isExpired_(token)) return true;
    const canGetToken = (token && this.canRefresh_(token)) || this.privateKey || this.grantType;
    if (!canGetToken) return false;
    return this.lockable(() => {
      token = this.getToken(true);
      if (token && !this.isExpired_(token)) return true;
      try {
        if (token && this.canRefresh_(token)) {
          this.refresh();
          return true;
        } else if (this.privateKey) {
          this.exchangeJwt();
          return true;
        } else if (this.grantType) {
          this.exchangeGrant();
          return true;
        }
        return false;
      } catch (e) {
        this.lastError = e;
        return false;
      }
    });
  }

  getAccessToken(): string {
    if (!this.hasAccess()) throw new Error('Access not granted or expired.');
    return (this.getToken() as Token).access_token as string;
  }

  getIdToken(): string | undefined {
    if (!this.hasAccess()) throw new Error('Access not granted or expired.');
    return (this.getToken() as Token).id_token;
  }

  reset(): void {
    this.getStorage().reset();
  }

  getLastError(): unknown {
    return this.lastError;
  }

  /**
   * Keeps the old refresh_token when the response has none. A failure throws and leaves the old
   * token stored. Without try/finally, as in the library: a throw keeps the lock until the
   * execution ends, when Apps Script releases it.
   */
  refresh(): void {
    requireValues({
      'Client ID': this.clientId,
      'Client Secret': this.clientSecret,
      'Token URL': this.tokenUrl,
    });
    this.lockable(() => {
      const token = this.getToken() as Token;
      if (!token.refresh_token) throw new Error('Offline access is required.');
      const payload: TokenPayload = {
        refresh_token: token.refresh_token,
        client_id: this.clientId,
        client_secret: this.clientSecret,
        grant_type: 'refresh_token',
      };
      const newToken = this.fetchToken(payload, this.refreshUrl);
      if (!newToken.refresh_token) newToken.refresh_token = token.refresh_token;
      ensureExpiresAt(token);
      if (newToken.refreshTokenExpiresAt === undefined) {
        newToken.refreshTokenExpiresAt = token.refreshTokenExpiresAt;
      }
      this.saveToken(newToken);
    });
  }

  /** Created on first use with the store and cache set by then; later setters do not affect it. */
  getStorage(): OAuth2Storage {
    if (!this.storage) {
      this.storage = new OAuth2Storage(
        STORAGE_PREFIX + this.serviceName,
        this.propertyStore,
        this.cache,
      );
    }
    return this.storage;
  }

  getToken(optSkipMemoryCheck?: boolean): Token | null {
    return this.getStorage().getValue(null, optSkipMemoryCheck) as Token | null;
  }

  /** Expired when under 60 s remain: of expiresAt, of a legacy granted_time token, of an id_token. */
  isExpired_(token: Token): boolean {
    let expired = false;
    const now = nowInSeconds();
    if (token.expiresAt && token.expiresAt - now < EXPIRATION_BUFFER_SECONDS) expired = true;
    const expiresIn = token.expires_in_sec || token.expires_in || token.expires;
    if (expiresIn) {
      // Tokens of old library versions carry granted_time; for newer ones this is NaN and ignored.
      const expiresTime = (token.granted_time as number) + Number(expiresIn);
      if (expiresTime - now < EXPIRATION_BUFFER_SECONDS) expired = true;
    }
    if (token.id_token) {
      const claims = decodeJwtPayload(this.env.Utilities, token.id_token);
      const exp = claims.exp as number | undefined;
      if (exp && exp - now < EXPIRATION_BUFFER_SECONDS) expired = true;
    }
    return expired;
  }

  canRefresh_(token: Token): boolean {
    if (!token.refresh_token) return false;
    ensureExpiresAt(token);
    if (token.refreshTokenExpiresAt === undefined) return true;
    return token.refreshTokenExpiresAt - nowInSeconds() > EXPIRATION_BUFFER_SECONDS;
  }

  private fetchToken(payload: TokenPayload, optUrl?: string): Token {
    const url = (optUrl || this.tokenUrl) as string;
    let headers: Record<string, string> = { Accept: this.tokenFormat };
    if (this.tokenHeaders) headers = Object.assign(headers, this.tokenHeaders);
    const body = this.tokenPayloadHandler ? this.tokenPayloadHandler(payload) : payload;
    const response = this.env.UrlFetchApp.fetch(url, {
      method: this.tokenMethod,
      headers,
      payload: body,
      muteHttpExceptions: true,
    });
    return tokenFromResponse(response, this.tokenFormat);
  }

  private saveToken(token: Token): void {
    this.getStorage().setValue(null, token);
  }

  private lockable<T>(work: () => T): T {
    let release = false;
    if (this.lock && !this.lock.hasLock()) {
      this.lock.waitLock(LOCK_WAIT_MILLISECONDS);
      release = true;
    }
    const result = work();
    if (this.lock && release) this.lock.releaseLock();
    return result;
  }

  private exchangeJwt(): void {
    requireValues({ 'Token URL': this.tokenUrl });
    const payload: TokenPayload = {
      assertion: this.createJwt(),
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    };
    this.saveToken(this.fetchToken(payload));
  }

  private createJwt(): string {
    requireValues({
      'Private key': this.privateKey,
      'Token URL': this.tokenUrl,
      'Issuer or Client ID': this.issuer || this.clientId,
    });
    const now = new Date();
    const expires = new Date(now.getTime());
    expires.setMinutes(expires.getMinutes() + this.expirationMinutes);
    const claims: Record<string, unknown> = {
      iss: this.issuer || this.clientId,
      aud: this.tokenUrl,
      exp: Math.round(expires.getTime() / 1000),
      iat: Math.round(now.getTime() / 1000),
    };
    if (this.subject) claims.sub = this.subject;
    if (this.params.scope) claims.scope = this.params.scope;
    if (this.additionalClaims) Object.assign(claims, this.additionalClaims);
    return encodeJwt(this.env.Utilities, claims, this.privateKey as string);
  }

  /** client_credentials with id and secret and no Authorization header gets a Basic header added. */
  private exchangeGrant(): void {
    requireValues({ 'Grant Type': this.grantType, 'Token URL': this.tokenUrl });
    const payload: TokenPayload = Object.assign({ grant_type: this.grantType }, this.params);
    const lowerCaseHeaders = lowerCaseKeys(this.tokenHeaders);
    if (
      this.grantType === 'client_credentials' &&
      this.clientId &&
      this.clientSecret &&
      (!lowerCaseHeaders || !lowerCaseHeaders.authorization)
    ) {
      this.tokenHeaders = this.tokenHeaders || {};
      this.tokenHeaders.authorization =
        'Basic ' + this.env.Utilities.base64Encode(this.clientId + ':' + this.clientSecret);
    }
    this.saveToken(this.fetchToken(payload));
  }
}

function lowerCaseKeys(headers: Record<string, string> | null): Record<string, string> | null {
  if (headers === null || typeof headers !== 'object') return headers;
  return Object.keys(headers).reduce<Record<string, string>>((result, key) => {
    result[key.toLowerCase()] = headers[key];
    return result;
  }, {});
}
