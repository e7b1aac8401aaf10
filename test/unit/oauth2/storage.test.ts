// Contract of the library's storage: keys, cache layering, "__NULL__" caching, reset, service names.
import { execution, FakeCache, FakeProperties } from './fakes';

function service(name = 'fitbit', shared?: { properties: FakeProperties; cache: FakeCache }) {
  const ex = execution(shared);
  const svc = ex.lib.createService(name).setPropertyStore(ex.properties).setCache(ex.cache);
  return { ...ex, service: svc };
}

describe('storage keys', () => {
  test('custom values live under oauth2.<name>.<key> in properties and cache for 21,600 s', () => {
    const { service: svc, properties, cache } = service();
    svc.getStorage().setValue('provider', { id: 'google-health' });
    expect(properties.data.get('oauth2.fitbit.provider')).toBe('{"id":"google-health"}');
    expect(cache.puts).toEqual([
      { key: 'oauth2.fitbit.provider', value: '{"id":"google-health"}', ttl: 21600 },
    ]);
    expect(svc.getStorage().getValue('provider')).toEqual({ id: 'google-health' });
  });

  test('removeValue deletes from properties and cache', () => {
    const { service: svc, properties, cache } = service();
    svc.getStorage().setValue('k', 1);
    svc.getStorage().removeValue('k');
    expect(properties.data.has('oauth2.fitbit.k')).toBe(false);
    expect(cache.data.has('oauth2.fitbit.k')).toBe(false);
    expect(svc.getStorage().getValue('k')).toBeNull();
  });
});

describe('reads: memory, then cache, then properties', () => {
  test('a missing token is cached as the JSON string "__NULL__" and memorised', () => {
    const { service: svc, properties, cache } = service();
    expect(svc.getToken()).toBeNull();
    expect(cache.data.get('oauth2.fitbit')).toBe('"__NULL__"');
    expect(cache.puts[0].ttl).toBe(21600);
    expect(properties.reads).toBe(1);
    expect(svc.getToken()).toBeNull();
    expect(properties.reads).toBe(1);
    expect(cache.reads).toBe(1);
  });

  test('another execution sees the cached "__NULL__" without reading properties', () => {
    const properties = new FakeProperties();
    const cache = new FakeCache();
    service('fitbit', { properties, cache }).service.getToken();
    const before = properties.reads;
    expect(service('fitbit', { properties, cache }).service.getToken()).toBeNull();
    expect(properties.reads).toBe(before);
  });

  test('a value found in properties is copied into the cache', () => {
    const { service: svc, properties, cache } = service();
    properties.setProperty('oauth2.fitbit', '{"access_token":"A"}');
    expect(svc.getToken()).toEqual({ access_token: 'A' });
    expect(cache.data.get('oauth2.fitbit')).toBe('{"access_token":"A"}');
  });

  test('the cache wins over properties', () => {
    const { service: svc, properties, cache } = service();
    properties.setProperty('oauth2.fitbit', '{"access_token":"P"}');
    cache.put('oauth2.fitbit', '{"access_token":"C"}');
    expect(svc.getToken()).toEqual({ access_token: 'C' });
    expect(properties.reads).toBe(0);
  });

  test('getToken(true) skips only the memory layer', () => {
    const { service: svc, cache } = service();
    expect(svc.getToken()).toBeNull();
    cache.put('oauth2.fitbit', '{"access_token":"NEW"}');
    expect(svc.getToken()).toBeNull();
    expect(svc.getToken(true)).toEqual({ access_token: 'NEW' });
    expect(svc.getToken()).toEqual({ access_token: 'NEW' });
  });

  test('works without a cache: properties only', () => {
    const ex = execution();
    const svc = ex.lib.createService('fitbit').setPropertyStore(ex.properties);
    svc.getStorage().setValue(null, { access_token: 'A' });
    expect(ex.properties.data.get('oauth2.fitbit')).toBe('{"access_token":"A"}');
    expect(ex.cache.puts).toHaveLength(0);
  });

  test('storage is bound to the store and cache set before its first use', () => {
    const ex = execution();
    const svc = ex.lib.createService('fitbit').setPropertyStore(ex.properties);
    svc.getToken();
    const later = new FakeProperties();
    svc.setPropertyStore(later).getStorage().setValue('k', 1);
    expect(ex.properties.data.has('oauth2.fitbit.k')).toBe(true);
    expect(later.data.size).toBe(0);
  });
});

describe('reset', () => {
  test('removes oauth2.<name> and every oauth2.<name>.* key, and nothing else', () => {
    const { service: svc, properties, cache } = service();
    svc.getStorage().setValue(null, { access_token: 'A' });
    svc.getStorage().setValue('a', 1);
    svc.getStorage().setValue('b.c', 2);
    properties.setProperty('oauth2.fitbit2', '{}');
    properties.setProperty('oauth2.google-health', '{}');
    properties.setProperty('settings', '{}');
    svc.reset();
    expect([...properties.data.keys()].sort()).toEqual([
      'oauth2.fitbit2',
      'oauth2.google-health',
      'settings',
    ]);
    expect(cache.data.has('oauth2.fitbit')).toBe(false);
    expect(cache.data.has('oauth2.fitbit.a')).toBe(false);
    expect(svc.getToken()).toBeNull();
    expect(svc.hasAccess()).toBe(false);
  });

  test('also drops the memorised value, so the next read goes back to the stores', () => {
    const { service: svc, properties } = service();
    svc.getStorage().setValue(null, { access_token: 'A' });
    svc.reset();
    properties.setProperty('oauth2.fitbit', '{"access_token":"B"}');
    expect(svc.getToken()).toEqual({ access_token: 'B' });
  });
});

describe('getServiceNames', () => {
  test('lists each service with stored keys once, splitting keys on "."', () => {
    const { lib, properties } = execution();
    properties.setProperty('oauth2.fitbit', '{}');
    properties.setProperty('oauth2.fitbit.extra', '1');
    properties.setProperty('oauth2.google-health', '{}');
    properties.setProperty('oauth2.my.service', '{}');
    properties.setProperty('other.thing', '1');
    properties.setProperty('oauth2.', '1');
    expect(lib.getServiceNames(properties)).toEqual(['fitbit', 'google-health', 'my']);
  });
});
