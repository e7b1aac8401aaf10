// Layered token storage (execution memory, then cache, then properties) under "oauth2.<service>[.key]".
import type { CacheLike, OAuth2StorageApi, PropertiesLike } from './types';

export const STORAGE_PREFIX = 'oauth2.';
/** Apps Script's maximum cache expiry (21,600 s); the library caches every value for that long. */
export const CACHE_SECONDS = 21600;
/** Marker for "looked up and absent", so later reads in this execution skip PropertiesService. */
export const NULL_MARKER = '__NULL__';

export class OAuth2Storage implements OAuth2StorageApi {
  private readonly memory: Record<string, unknown> = {};

  constructor(
    private readonly prefix: string,
    private readonly properties?: PropertiesLike,
    private readonly cache?: CacheLike,
  ) {}

  getValue(key: string | null, optSkipMemoryCheck?: boolean): unknown {
    const fullKey = this.keyFor(key);
    if (!optSkipMemoryCheck) {
      // Falsy remembered values fall through to the cache, exactly as the library's truthiness test.
      const remembered = this.memory[fullKey];
      if (remembered) return remembered === NULL_MARKER ? null : remembered;
    }
    const cached = this.cache ? this.cache.get(fullKey) : null;
    if (cached) {
      const value: unknown = JSON.parse(cached);
      this.memory[fullKey] = value;
      return value === NULL_MARKER ? null : value;
    }
    const stored = this.properties ? this.properties.getProperty(fullKey) : null;
    if (stored) {
      if (this.cache) this.cache.put(fullKey, stored, CACHE_SECONDS);
      const value: unknown = JSON.parse(stored);
      this.memory[fullKey] = value;
      return value;
    }
    // Cached JSON-encoded ('"__NULL__"'), so a cache hit parses back to the marker.
    this.memory[fullKey] = NULL_MARKER;
    if (this.cache) this.cache.put(fullKey, JSON.stringify(NULL_MARKER), CACHE_SECONDS);
    return null;
  }

  setValue(key: string | null, value: unknown): void {
    const fullKey = this.keyFor(key);
    const json = JSON.stringify(value);
    if (this.properties) this.properties.setProperty(fullKey, json);
    if (this.cache) this.cache.put(fullKey, json, CACHE_SECONDS);
    this.memory[fullKey] = value;
  }

  removeValue(key: string | null): void {
    this.remove(this.keyFor(key));
  }

  /** Removes the token and every custom value; keys are taken from properties when there are any. */
  reset(): void {
    const prefix = this.keyFor(null);
    let keys = Object.keys(this.memory);
    if (this.properties) {
      keys = Object.keys(this.properties.getProperties()).filter(
        (key) => key === prefix || key.indexOf(prefix + '.') === 0,
      );
    }
    for (const key of keys) this.remove(key);
  }

  private remove(fullKey: string): void {
    if (this.properties) this.properties.deleteProperty(fullKey);
    if (this.cache) this.cache.remove(fullKey);
    delete this.memory[fullKey];
  }

  private keyFor(key: string | null | undefined): string {
    return key ? this.prefix + '.' + key : this.prefix;
  }
}
