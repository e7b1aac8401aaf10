// Forwards /<provider host>/... from the playground's origin to the provider simulator, so the
// consent popup opened by the sidebar loads from the same origin as the page.
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { fromSimulatorPath } from '../hosts';

const AUTHORIZE_PATHS = new Set([
  '/www.fitbit.com/oauth2/authorize',
  '/accounts.google.com/o/oauth2/v2/auth',
]);

/** True when a request path stands for one of the production provider hosts. */
export function isSimulatorPath(path: string): boolean {
  return fromSimulatorPath(path) !== null;
}

/** Streams one request to the simulator and its answer back, headers and status unchanged. */
export function proxyToSimulator(
  simulatorBase: string,
  req: IncomingMessage,
  res: ServerResponse,
  signedInAs?: string,
): void {
  const target = new URL(req.url ?? '/', simulatorBase);
  // The browser stands for the playground's simulated user, so the consent page starts with that
  // person selected (the simulator reads login_hint); the page still lets one pick another.
  if (
    signedInAs &&
    AUTHORIZE_PATHS.has(target.pathname) &&
    !target.searchParams.has('login_hint')
  ) {
    target.searchParams.set('login_hint', signedInAs);
  }
  const headers = { ...req.headers, host: target.host };
  const upstream = request(target, { method: req.method, headers }, (answer: IncomingMessage) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (err) => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`Simulator unreachable: ${err.message}`);
  });
  req.pipe(upstream);
}
