// In-process fakes of the Apps Script services the OAuth2 library uses, faithful where it matters:
// computeDigest returns signed bytes and base64EncodeWebSafe keeps '=' padding, as Apps Script does.
import { createHash, createSign } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createOAuth2Library, type OAuth2Library } from '../../../dev/oauth2';
import type {
  CacheLike,
  FetchParamsLike,
  HttpResponseLike,
  LockLike,
  PropertiesLike,
  StateTokenBuilderLike,
} from '../../../dev/oauth2';

const toSigned = (bytes: Uint8Array): number[] => Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
const toBuffer = (data: string | number[]): Buffer =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 0xff));

export const fakeUtilities = {
  DigestAlgorithm: { SHA_256: 'SHA_256' },
  Charset: { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' },
  computeDigest(algorithm: unknown, value: string, charset?: unknown): number[] {
    if (algorithm !== 'SHA_256') throw new Error(`fake computeDigest: unsupported ${algorithm}`);
    const encoding = charset === 'US_ASCII' ? 'ascii' : 'utf8';
    return toSigned(createHash('sha256').update(Buffer.from(value, encoding)).digest());
  },
  base64Encode(data: string | number[]): string {
    return toBuffer(data).toString('base64');
  },
  base64EncodeWebSafe(data: string | number[]): string {
    return toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  },
  base64DecodeWebSafe(encoded: string): number[] {
    return toSigned(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  },
  newBlob(data: number[]) {
    return { getDataAsString: () => toBuffer(data).toString('utf8') };
  },
  computeRsaSha256Signature(value: string, key: string): number[] {
    return toSigned(createSign('RSA-SHA256').update(value).sign(key));
  },
};

export interface StateTokenRecord {
  /** Builder calls in order, e.g. ['withMethod', 'withArgument', ...]. */
  calls: string[];
  method?: string;
  args: Array<[string, string]>;
  timeout?: number;
  token?: string;
}

export class FakeScriptApp {
  readonly stateTokens: StateTokenRecord[] = [];
  constructor(private readonly scriptId = 'script-id-123') {}

  getScriptId(): string {
    return this.scriptId;
  }

  newStateToken(): StateTokenBuilderLike {
    const record: StateTokenRecord = { calls: [], args: [] };
    this.stateTokens.push(record);
    const builder: StateTokenBuilderLike = {
      withMethod: (name) => {
        record.calls.push('withMethod');
        record.method = name;
        return builder;
      },
      withArgument: (name, value) => {
        record.calls.push('withArgument');
        record.args.push([name, value]);
        return builder;
      },
      withTimeout: (seconds) => {
        record.calls.push('withTimeout');
        record.timeout = seconds;
        return builder;
      },
      createToken: () => {
        record.calls.push('createToken');
        record.token = `state-${this.stateTokens.length}`;
        return record.token;
      },
    };
    return builder;
  }
}

export interface RecordedFetch {
  url: string;
  params: FetchParamsLike;
}

export class FakeUrlFetchApp {
  readonly requests: RecordedFetch[] = [];
  private readonly scripted: Array<{ status: number; body: string }> = [];

  respond(status: number, body: string | object): this {
    this.scripted.push({ status, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return this;
  }

  fetch(url: string, params: FetchParamsLike = {}): HttpResponseLike {
    this.requests.push({ url, params });
    const next = this.scripted.shift();
    if (!next) throw new Error(`fake UrlFetchApp: no scripted response for ${url}`);
    return { getContentText: () => next.body, getResponseCode: () => next.status };
  }
}

export class FakeProperties implements PropertiesLike {
  readonly data = new Map<string, string>();
  reads = 0;

  getProperty(key: string): string | null {
    this.reads++;
    return this.data.has(key) ? (this.data.get(key) as string) : null;
  }
  setProperty(key: string, value: string): this {
    this.data.set(key, value);
    return this;
  }
  deleteProperty(key: string): this {
    this.data.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.data);
  }
}

export class FakeCache implements CacheLike {
  readonly data = new Map<string, string>();
  readonly puts: Array<{ key: string; value: string; ttl?: number }> = [];
  reads = 0;

  get(key: string): string | null {
    this.reads++;
    return this.data.has(key) ? (this.data.get(key) as string) : null;
  }
  put(key: string, value: string, ttl?: number): void {
    this.puts.push({ key, value, ttl });
    this.data.set(key, value);
  }
  remove(key: string): void {
    this.data.delete(key);
  }
}

/** One lock shared by several executions (a user lock): who holds it, and what each one did. */
export class LockState {
  holder: string | null = null;
}

export class FakeLock implements LockLike {
  readonly calls: Array<[string, number?]> = [];
  /** Runs when this execution starts waiting: lets a test act as another execution meanwhile. */
  whileWaiting?: () => void;

  constructor(
    private readonly execution: string,
    private readonly state: LockState,
  ) {}

  hasLock(): boolean {
    return this.state.holder === this.execution;
  }
  waitLock(timeoutInMillis: number): void {
    this.calls.push(['waitLock', timeoutInMillis]);
    this.whileWaiting?.();
    if (this.state.holder !== null && this.state.holder !== this.execution) {
      throw new Error('Lock timeout: another process was holding the lock for too long.');
    }
    this.state.holder = this.execution;
  }
  releaseLock(): void {
    this.calls.push(['releaseLock']);
    if (this.state.holder === this.execution) this.state.holder = null;
  }
}

/** One simulated execution: its own library instance and fakes, with shared stores if given. */
export function execution(shared: { properties?: FakeProperties; cache?: FakeCache } = {}) {
  const scriptApp = new FakeScriptApp();
  const urlFetch = new FakeUrlFetchApp();
  const properties = shared.properties ?? new FakeProperties();
  const cache = shared.cache ?? new FakeCache();
  const env = { ScriptApp: scriptApp, UrlFetchApp: urlFetch, Utilities: fakeUtilities };
  const realSource = process.env.OAUTH2_LIBRARY_SRC;
  const lib: OAuth2Library = realSource
    ? loadRealLibrary(realSource, env)
    : createOAuth2Library(env);
  return { lib, scriptApp, urlFetch, properties, cache };
}

/**
 * With OAUTH2_LIBRARY_SRC set, the same tests run against the real library's src/*.js, loaded in
 * alphabetical order into one global scope as Apps Script does. Date and Math are this realm's, so
 * jest's fake clock and Math.random spies reach the library too.
 */
function loadRealLibrary(folder: string, env: Record<string, unknown>): OAuth2Library {
  const scope = vm.createContext({ ...env, Date, Math, JSON });
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.js') || f.endsWith('.gs'))
    .sort();
  for (const file of files) {
    vm.runInContext(readFileSync(path.join(folder, file), 'utf8'), scope, { filename: file });
  }
  return vm.runInContext(
    '({ createService, getRedirectUri, getServiceNames, TOKEN_FORMAT })',
    scope,
  ) as OAuth2Library;
}

export const FITBIT_EXAMPLE_VERIFIER = '01234567890123456789012345678901234567890123456789';
export const FITBIT_EXAMPLE_CHALLENGE = '-4cf-Mzo_qg9-uq0F4QwWhRh4AjcAqNx7SbYVsdmyQM';
