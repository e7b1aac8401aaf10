// The sidebar's calls into the add-on (google.script.run) as promises, typed by main.ts's exports.
import type * as Main from '../../main';

type Api = typeof Main;
export type ServerFunction = keyof Api;
export type ServerReply<K extends ServerFunction> = ReturnType<Api[K]>;

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: unknown) => void): Runner;
}

declare const google: { script: { run: Runner } };

/** Apps Script prefixes thrown messages with the error's class; the person needs only the text. */
export function errorText(err: unknown): string {
  const raw =
    err && typeof err === 'object' && 'message' in err ? String(err.message) : String(err);
  return raw.replace(/^(Exception|Error):\s*/, '').trim() || 'Something went wrong. Try again.';
}

export function callServer<K extends ServerFunction>(
  name: K,
  ...args: Parameters<Api[K]>
): Promise<ServerReply<K>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ServerReply<K>))
      .withFailureHandler((error) => reject(new Error(errorText(error))));
    (runner as unknown as Record<string, (...a: unknown[]) => void>)[name](...args);
  });
}
