// Entry of an execution worker: a fresh global scope (new vm context) with the Apps Script
// services, the whole script loaded into it, then one named function called.
import vm from 'node:vm';
import { workerData, type MessagePort } from 'node:worker_threads';
import { installClockDate, workerClock } from './clock-date';
import { loadOAuth2 } from './oauth2-library';
import { createRealm } from './realm';
import { shapeResult } from './result-shape';
import { createWorkerChannel } from './rpc-worker';
import type { Rpc } from './rpc-types';
import { createCacheService } from './services/cache';
import { createCharts } from './services/charts';
import type { Realm, WorkerEnv } from './services/env';
import { createHtmlService } from './services/html-service';
import { createLockService } from './services/lock';
import { createConsole, createLogger } from './services/logging';
import { createPropertiesService } from './services/properties';
import { createScriptApp } from './services/script-app';
import { createSession } from './services/session';
import { createUrlFetchApp } from './services/url-fetch';
import { createSpreadsheetApp } from './services/spreadsheet/facade';
import { createUtilities } from './services/utilities';
import type { WorkerRequest } from './worker-request';

const { port, signal, request } = workerData as {
  port: MessagePort;
  signal: SharedArrayBuffer;
  request: WorkerRequest;
};

// Taken before any Date is replaced: it reads the machine's time only to turn offsets into clock
// readings.
const clock = workerClock(request.clockOffset);
const clockNow = (): number => clock.now();
let realm: Realm | null = null;

const channel = createWorkerChannel(port, new Int32Array(signal), {
  makeError: (message) => (realm ? realm.error(message) : new Error(message)),
  onClockOffset: (o) => clock.anchor(o),
});

function describe(e: unknown): { message: string; stack?: string } {
  if (e && typeof e === 'object' && 'message' in e) {
    const err = e as Error;
    // The execution log shows service failures as "Exception: ...", as Apps Script's does.
    const message = err.name === 'Exception' ? `Exception: ${err.message}` : String(err.message);
    return { message, stack: err.stack };
  }
  return { message: String(e) };
}

function main(): void {
  // This worker runs one execution, so its own Date may follow the clock too (the OAuth2 stand-in
  // and the services run in this realm).
  installClockDate(globalThis as unknown as { Date: DateConstructor }, clockNow);
  const context = vm.createContext({});
  // The context's builtins live on its global proxy, not on the sandbox object.
  const scriptGlobal = vm.runInContext('this', context) as { Date: DateConstructor };
  installClockDate(scriptGlobal, clockNow);
  realm = createRealm(context);
  const r = realm;
  const rpc: Rpc = (service, method, args) => r.toRealm(channel.call(service, method, args));
  const env: WorkerEnv = {
    rpc,
    ctx: request.ctx,
    scriptId: request.scriptId,
    bundleDir: request.bundleDir,
    realm: r,
    log: (text) => channel.log(text),
  };
  const services: Record<string, unknown> = {
    PropertiesService: createPropertiesService(env),
    CacheService: createCacheService(env),
    LockService: createLockService(env),
    ScriptApp: createScriptApp(env),
    UrlFetchApp: createUrlFetchApp(env),
    Utilities: createUtilities(env),
    HtmlService: createHtmlService(env),
    Charts: createCharts(),
    Session: createSession(env),
    Logger: createLogger(env),
    console: createConsole(env),
  };
  services.SpreadsheetApp = createSpreadsheetApp(rpc, {
    Date: scriptGlobal.Date,
    error: (message) => r.error(message),
    toRealm: (value) => r.toRealm(value),
  });
  const OAuth2 = loadOAuth2(request.oauth2LibrarySrc, services, clockNow);
  Object.assign(context, services, OAuth2 ? { OAuth2 } : {});

  vm.runInContext(request.source, context, { filename: request.sourceName });
  const fn = (context as Record<string, unknown>)[request.fn];
  if (typeof fn !== 'function') throw r.error(`Script function not found: ${request.fn}`);
  const value = (fn as (...a: unknown[]) => unknown)(...r.toRealm(request.args));
  channel.done({ ok: true, value: shapeResult(value, request.mode) });
}

try {
  main();
} catch (e) {
  channel.done({ ok: false, error: describe(e) });
}
// The port stays open: closing it here could drop the 'done' still in flight; the host ends this
// thread once it has the result.
