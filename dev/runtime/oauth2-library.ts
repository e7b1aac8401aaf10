// Injects the OAuth2 library the way Apps Script injects a library: either the project's stand-in
// (dev/oauth2) or the real library's src/*.js evaluated in its own global scope, exposing its
// top-level names that do not end in '_'.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createOAuth2Library, type OAuth2Env } from '../oauth2/index';
import { installClockDate } from './clock-date';

export type LibraryServices = Record<string, unknown>;

export function loadRealLibrary(
  srcDir: string,
  services: LibraryServices,
  clockNow: () => number,
): object {
  const context = vm.createContext({ ...services });
  installClockDate(vm.runInContext('this', context) as { Date: DateConstructor }, clockNow);
  const before = new Set(Object.getOwnPropertyNames(context));
  const files = readdirSync(srcDir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.gs'))
    .sort();
  for (const f of files) {
    vm.runInContext(readFileSync(join(srcDir, f), 'utf8'), context, { filename: f });
  }
  const library: Record<string, unknown> = {};
  // Top-level var and function declarations of a script become properties of its global object.
  for (const name of Object.getOwnPropertyNames(context)) {
    if (before.has(name) || name.endsWith('_')) continue;
    library[name] = (context as Record<string, unknown>)[name];
  }
  return library;
}

export function loadOAuth2(
  srcDir: string | null,
  services: LibraryServices,
  clockNow: () => number,
): object {
  if (srcDir) return loadRealLibrary(srcDir, services, clockNow);
  return createOAuth2Library(services as unknown as OAuth2Env);
}
