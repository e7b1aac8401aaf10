// The playground's HTTP surface on one origin: the page and its JSON/SSE API, the sidebar with the
// google.script bridge, Apps Script's /usercallback, and the simulator under /<provider host>/.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APPS_SCRIPT_HOST } from '../hosts';
import { decodeClientValue } from './client-args';
import { HttpError, readJson, requireString, sendHtml, sendJson } from './http-util';
import type { PlaygroundSession } from './session';
import { menuFunctions } from './sheet-view';
import { bridgeConfig, injectBridge } from './sidebar-page';
import { isSimulatorPath, proxyToSimulator } from './simulator-proxy';
import type { SseHub } from './sse-hub';
import { serveStatic } from './static-files';

export interface RouteContext {
  session: PlaygroundSession;
  hub: SseHub;
  /** Global functions of the bundle, offered by google.script.run in the sidebar. */
  functions: string[];
  /** Fires due triggers after the clock moved; the server owns how their results are logged. */
  fireDueTriggers(): Promise<void>;
}

const USERCALLBACK = /^\/macros\/d\/[^/]+\/usercallback(\?|$)/;

export async function handle(ctx: RouteContext, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://playground.invalid');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const { session } = ctx;
  try {
    if (isSimulatorPath(path)) {
      proxyToSimulator(session.simulator.url, req, res, session.user);
      return;
    }
    if (method === 'GET' && USERCALLBACK.test(req.url ?? '')) {
      // The simulator redirected the consent popup here; Apps Script would now decrypt the state
      // token and call the add-on's callback with the query parameters.
      const result = await session.runtime.usercallback(`https://${APPS_SCRIPT_HOST}${req.url}`, {
        user: session.user,
        spreadsheetId: session.spreadsheetId,
      });
      sendHtml(res, result.status, result.html);
      return;
    }
    if (method === 'GET' && path === '/api/state') {
      sendJson(res, 200, {
        sheet: session.sheet(),
        ui: session.ui(),
        status: session.status(),
        executions: session.executions,
      });
      return;
    }
    if (method === 'GET' && path === '/api/events') {
      ctx.hub.attach(res);
      return;
    }
    if (method === 'GET' && path === '/sidebar') {
      const html = session.sidebarHtml();
      if (html === null) throw new HttpError(404, 'No sidebar is open');
      sendHtml(res, 200, injectBridge(html, bridgeConfig(ctx.functions)));
      return;
    }
    if (method === 'POST') {
      const body = await readJson(req);
      const answer = await post(ctx, path, body);
      if (answer !== undefined) {
        sendJson(res, 200, answer);
        return;
      }
    }
    if (method === 'GET' && (await serveStatic(path, res))) return;
    throw new HttpError(404, `Nothing at ${method} ${path}`);
  } catch (err) {
    const status = err instanceof HttpError ? err.status : 500;
    const message = err instanceof Error ? err.message : String(err);
    if (!res.headersSent) sendJson(res, status, { error: message });
    else res.end();
  }
}

async function post(ctx: RouteContext, path: string, body: Record<string, unknown>) {
  const { session } = ctx;
  switch (path) {
    case '/api/menu': {
      const fn = requireString(body, 'fn');
      // Only what the menu offers: the page is not a way to call arbitrary globals.
      if (!menuFunctions(session.ui().menus).has(fn))
        throw new HttpError(400, `"${fn}" is not on the add-on's menu`);
      const result = await session.runtime.run(fn, [], { ...session.runOptions, authMode: 'FULL' });
      return result.ok ? { ok: true } : { ok: false, error: { message: result.error.message } };
    }
    case '/api/client-run': {
      const fn = requireString(body, 'fn');
      const args = Array.isArray(body.args) ? body.args.map(decodeClientValue) : [];
      const result = await session.runtime.runFromClient(fn, args, session.runOptions);
      return result.ok
        ? { ok: true, value: result.value === undefined ? null : result.value }
        : { ok: false, error: { message: result.error.message } };
    }
    case '/api/sidebar/close':
      session.closeSidebar();
      session.pushUi();
      return { ok: true };
    case '/api/clock': {
      const ms = body.advanceMs;
      if (typeof ms !== 'number' || !(ms > 0) || ms > 366 * 86400000) {
        throw new HttpError(400, '"advanceMs" must be a positive number of milliseconds');
      }
      session.clock.advance(ms);
      await ctx.fireDueTriggers();
      session.pushStatus();
      return session.status();
    }
    case '/api/user': {
      const email = requireString(body, 'email').trim().toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
        throw new HttpError(400, 'Not an email address');
      if (!session.users.includes(email)) {
        if (body.add !== true) throw new HttpError(400, `Unknown user ${email}`);
        session.addUser(email);
      }
      const problem = await session.switchUser(email);
      if (problem) throw new HttpError(500, problem);
      return session.status();
    }
    case '/api/retired':
      if (typeof body.retired !== 'boolean')
        throw new HttpError(400, '"retired" must be a boolean');
      session.simulator.settings.retired = body.retired;
      session.pushStatus();
      return session.status();
    default:
      return undefined;
  }
}
