// The script's realm seen from the worker: Apps Script style errors, values copied into the
// script's own Array/Object/Date, code evaluated in the script's global scope.
import vm from 'node:vm';
import type { Realm } from './services/env';

const HELPERS = `({
  error: function (message) {
    var e = new Error(message);
    e.name = 'Exception';
    return e;
  },
  toRealm: function toRealm(v) {
    if (v === null || typeof v !== 'object') return v;
    if (Object.prototype.toString.call(v) === '[object Date]') return new Date(v.getTime());
    if (Array.isArray(v)) {
      var a = [];
      for (var i = 0; i < v.length; i++) a.push(toRealm(v[i]));
      return a;
    }
    var proto = Object.getPrototypeOf(v);
    if (proto === null || Object.getPrototypeOf(proto) === null) {
      var o = {};
      var keys = Object.keys(v);
      for (var j = 0; j < keys.length; j++) o[keys[j]] = toRealm(v[keys[j]]);
      return o;
    }
    return v;
  }
})`;

export function createRealm(context: vm.Context): Realm {
  const helpers = vm.runInContext(HELPERS, context) as {
    error(message: string): Error;
    toRealm<T>(v: T): T;
  };
  return {
    error: (message) => helpers.error(message),
    toRealm: (value) => helpers.toRealm(value),
    evaluate: (code, filename) => vm.runInContext(code, context, { filename }),
  };
}
