// The ports core/ and app/ need from the outside world; src/gas/ implements them over Apps Script.

/** An HTTP request as the add-on builds it (UrlFetchApp's options, minus the transport details). */
export interface HttpRequest {
  url: string;
  method: 'get' | 'post';
  headers?: Record<string, string>;
  /** A string is sent as is (with contentType); an object is sent form-encoded, as UrlFetchApp does. */
  payload?: string | Record<string, string>;
  contentType?: string;
}

/** A response with lower-cased header names (providers and proxies vary the case). */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends requests in parallel and answers in order; never throws on an HTTP status. */
export interface Http {
  fetchAll(requests: HttpRequest[]): HttpResponse[];
}

/** A string key-value store (user properties, document properties). */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

/** Wall clock in epoch milliseconds. */
export interface Clock {
  now(): number;
}
