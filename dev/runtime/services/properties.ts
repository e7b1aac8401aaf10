// The PropertiesService global; every read and write goes to the host, which owns the stores.
import { requireAuthorization, type WorkerEnv } from './env';

type Scope = 'script' | 'user' | 'document';

export function createPropertiesService(env: WorkerEnv): object {
  const store = (scope: Scope): object => {
    const call = (method: string, ...args: unknown[]) =>
      env.rpc('properties', method, [scope, ...args]);
    const props = {
      getProperty: (key: string) => call('getProperty', String(key)) as string | null,
      setProperty(key: string, value: unknown) {
        call('setProperty', String(key), String(value));
        return props;
      },
      setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean) {
        const values: Record<string, string> = {};
        for (const [k, v] of Object.entries(properties ?? {})) values[k] = String(v);
        call('setProperties', values, Boolean(deleteAllOthers));
        return props;
      },
      getProperties: () => env.realm.toRealm(call('getProperties') as Record<string, string>),
      getKeys: () => env.realm.toRealm(call('getKeys') as string[]),
      deleteProperty(key: string) {
        call('deleteProperty', String(key));
        return props;
      },
      deleteAllProperties() {
        call('deleteAllProperties');
        return props;
      },
    };
    return props;
  };
  return {
    getScriptProperties() {
      requireAuthorization(env, 'PropertiesService.getScriptProperties');
      return store('script');
    },
    getUserProperties() {
      requireAuthorization(env, 'PropertiesService.getUserProperties');
      return store('user');
    },
    getDocumentProperties() {
      requireAuthorization(env, 'PropertiesService.getDocumentProperties');
      return env.ctx.spreadsheetId ? store('document') : null;
    },
  };
}
