// Shapes of the Apps Script services the OAuth2 library stand-in talks to, and of its public API.

/** ScriptApp.newStateToken()'s builder: Apps Script encrypts method, arguments and expiry into it. */
export interface StateTokenBuilderLike {
  withMethod(name: string): StateTokenBuilderLike;
  withArgument(name: string, value: string): StateTokenBuilderLike;
  withTimeout(seconds: number): StateTokenBuilderLike;
  createToken(): string;
}

export interface ScriptAppLike {
  getScriptId(): string;
  newStateToken(): StateTokenBuilderLike;
}

export interface FetchParamsLike {
  method?: string;
  headers?: Record<string, string>;
  payload?: unknown;
  muteHttpExceptions?: boolean;
}

export interface HttpResponseLike {
  getContentText(): string;
  getResponseCode(): number;
}

export interface UrlFetchAppLike {
  fetch(url: string, params?: FetchParamsLike): HttpResponseLike;
}

export interface BlobLike {
  getDataAsString(): string;
}

/** The parts of Apps Script's Utilities the library uses; byte arrays are Java bytes (-128..127). */
export interface UtilitiesLike {
  DigestAlgorithm: { SHA_256: unknown };
  Charset: { US_ASCII: unknown };
  computeDigest(algorithm: unknown, value: string, charset?: unknown): number[];
  base64Encode(data: string | number[]): string;
  base64EncodeWebSafe(data: string | number[]): string;
  base64DecodeWebSafe(encoded: string): number[];
  newBlob(data: number[]): BlobLike;
  computeRsaSha256Signature(value: string, key: string): number[];
}

export interface PropertiesLike {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): unknown;
  deleteProperty(key: string): unknown;
  getProperties(): Record<string, string>;
}

export interface CacheLike {
  get(key: string): string | null;
  put(key: string, value: string, expirationInSeconds?: number): void;
  remove(key: string): void;
}

export interface LockLike {
  hasLock(): boolean;
  waitLock(timeoutInMillis: number): void;
  releaseLock(): void;
}

/**
 * The Apps Script services of one execution. Only ScriptApp, UrlFetchApp and Utilities are used:
 * like the real library, stores, cache and lock reach a service through its setters, so the other
 * services are accepted (the runtime hands every library the same bag) but never touched.
 */
export interface OAuth2Env {
  ScriptApp: ScriptAppLike;
  UrlFetchApp: UrlFetchAppLike;
  Utilities: UtilitiesLike;
  PropertiesService?: unknown;
  CacheService?: unknown;
  LockService?: unknown;
  Session?: unknown;
  Logger?: unknown;
  console?: unknown;
}

/** A stored token: the provider's JSON plus the library's own expiresAt / refreshTokenExpiresAt. */
export type Token = Record<string, unknown> & {
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  expiresAt?: number;
  refreshTokenExpiresAt?: number;
};

export type TokenPayload = Record<string, unknown>;

export interface CallbackRequest {
  parameter: Record<string, string | undefined>;
}

export interface OAuth2StorageApi {
  getValue(key: string | null, optSkipMemoryCheck?: boolean): unknown;
  setValue(key: string | null, value: unknown): void;
  removeValue(key: string | null): void;
  reset(): void;
}

export interface TokenFormats {
  JSON: string;
  FORM_URL_ENCODED: string;
}
