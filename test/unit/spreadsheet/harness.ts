// Test harness: the SpreadsheetApp facade wired to a SpreadsheetHost through an in-process rpc that
// structured-clones arguments and results, as the worker boundary does.
import type { ExecutionContext, Rpc } from '../../../dev/runtime/rpc-types';
import { createSpreadsheetApp } from '../../../dev/runtime/services/spreadsheet/facade';
import { SpreadsheetHost } from '../../../dev/runtime/services/spreadsheet/host';

export const START = Date.UTC(2026, 10, 22, 12, 0, 0);

export interface Harness {
  host: SpreadsheetHost;
  spreadsheetId: string;
  ctx: ExecutionContext;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  app: Record<string, any>;
  /** A facade for another execution context (another user, auth mode, or no bound document). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  appFor(ctx: Partial<ExecutionContext>): Record<string, any>;
}

export function harness(
  ctxOverrides: Partial<ExecutionContext> = {},
  timeZone = 'Etc/UTC',
): Harness {
  let now = START;
  const host = new SpreadsheetHost({ now: () => now++ });
  const spreadsheetId = host.createSpreadsheet('Activity', timeZone);
  const handlers = host.handlers();
  const base: ExecutionContext = {
    executionId: 'exec-1',
    user: 'ada@example.com',
    spreadsheetId,
    authMode: 'FULL',
    timeZone: 'Etc/UTC',
    installationSource: 'WEB_STORE_ADD_ON',
    ...ctxOverrides,
  };
  const rpcFor =
    (ctx: ExecutionContext): Rpc =>
    (service, method, args) => {
      if (service !== 'spreadsheet') throw new Error(`unexpected service ${service}`);
      const handler = handlers[method] as
        ((c: ExecutionContext, ...a: unknown[]) => unknown) | undefined;
      if (!handler) throw new Error(`no handler for ${method}`);
      return structuredClone(handler(ctx, ...structuredClone(args)));
    };
  return {
    host,
    spreadsheetId,
    ctx: base,
    app: createSpreadsheetApp(rpcFor(base)),
    appFor: (ctx) => createSpreadsheetApp(rpcFor({ ...base, ...ctx })),
  };
}

/** A stand-in for HtmlService's HtmlOutput: only the getters the Ui facade reads. */
export function htmlOutput(html: string, title: string | null, width: number | null) {
  return {
    getContent: () => html,
    getTitle: () => title,
    getWidth: () => width,
    getHeight: () => null,
  };
}
