// startPlayground: the provider simulator, the local Apps Script runtime (one shared Clock) and
// the page that plays the spreadsheet, all served from one 127.0.0.1 origin.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Clock } from '../clock';
import { Runtime } from '../runtime/index';
import { Simulator } from '../simulator/index';
import { DEMO_USERS, registerDemoClients, saveDemoSetup } from './demo-setup';
import { DueTriggerRunner } from './due-trigger-runner';
import { handle, type RouteContext } from './routes';
import { PlaygroundSession } from './session';
import { bundleFunctions } from './sidebar-page';
import { SseHub } from './sse-hub';

export interface PlaygroundOptions {
  /** 0 picks any free port (tests); default 8080. */
  port?: number;
  /** The built add-on (build/ by default: run `npm run build` first). */
  bundleDir?: string;
  /** Where setup problems are reported (default: console.warn). */
  warn?: (message: string) => void;
  /** How often (real ms) the host checks for triggers due on the shared clock; default 1000. */
  triggerCheckMs?: number;
  /**
   * The instant (epoch ms) the playground's clock starts at: the runtime, its executions and the
   * simulator all read that clock. `npm start` passes the real now; tests name their own.
   */
  startAtMs: number;
}

export interface Playground {
  url: string;
  runtime: Runtime;
  simulator: Simulator;
  clock: Clock;
  session: PlaygroundSession;
  close(): Promise<void>;
}

const DEFAULT_BUNDLE_DIR = join(__dirname, '..', '..', 'build');

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const bundleDir = options.bundleDir ?? DEFAULT_BUNDLE_DIR;
  const functions = bundleFunctions(bundleDir);
  const hub = new SseHub();
  let ctx: RouteContext | null = null;
  const server = createServer((req, res) => {
    if (!ctx) {
      res.writeHead(503, { 'Retry-After': '1' }).end('Starting');
      return;
    }
    void handle(ctx, req, res);
  });
  const url = await listen(server, options.port ?? 8080);

  const clock = new Clock(options.startAtMs);
  let simulator: Simulator | null = null;
  let runtime: Runtime | null = null;
  let dueTriggers: DueTriggerRunner | null = null;
  // Whatever has started is closed again, also when a later step of the start throws: a failed
  // start must not leave a port listening, a timer or a worker running (jest would never exit).
  const closeStarted = async () => {
    await dueTriggers?.stop();
    hub.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime?.close();
    await simulator?.close();
  };
  try {
    // Consent redirects go to https://script.google.com/macros/d/<id>/usercallback; the simulator
    // sends the browser to the same path on callbackBase, which this server answers.
    simulator = await Simulator.start({ port: 0, clock, callbackBase: url });
    runtime = await Runtime.create({ bundleDir, simulatorBase: simulator.url, clock });
    const session = await startSession(runtime, simulator, clock, hub, warn);
    dueTriggers = startDueTriggers(runtime, session, clock, warn, options.triggerCheckMs ?? 1000);
    const runner = dueTriggers;
    ctx = {
      session,
      hub,
      functions,
      fireDueTriggers: () => runner.run(),
    };
    return { url, runtime, simulator, clock, session, close: closeStarted };
  } catch (e) {
    await closeStarted().catch(() => {
      // The start's own error is the one to report; closing is best effort here.
    });
    throw e;
  }
}

/** The session over a started runtime and simulator, with the demo users and setup in place. */
async function startSession(
  runtime: Runtime,
  simulator: Simulator,
  clock: Clock,
  hub: SseHub,
  warn: (message: string) => void,
): Promise<PlaygroundSession> {
  const spreadsheetId = runtime.defaultSpreadsheetId;
  const session = new PlaygroundSession(runtime, simulator, clock, hub, spreadsheetId);

  runtime.on('execution', (e) => session.onExecutionEvent(e));
  runtime.sheets.on(
    'change',
    debounce(() => session.pushSheet(), 30),
  );
  runtime.sheets.on('ui', () => session.pushUi());
  // The runtime reports trigger-created / trigger-deleted on 'ui': the panel lists triggers.
  runtime.on('ui', () => session.pushStatus());

  registerDemoClients(simulator, runtime);
  for (const u of DEMO_USERS) {
    session.addUser(u.email, 'healthLinked' in u ? { healthLinked: u.healthLinked } : {});
  }
  // Personal mode: each person's client lives in their own user properties, so each demo person
  // gets the demo clients saved in theirs.
  for (const u of DEMO_USERS) (await saveDemoSetup(runtime, u.email, spreadsheetId)).forEach(warn);
  const openProblem = await session.openDocument();
  if (openProblem) warn(openProblem);
  return session;
}

/**
 * Apps Script fires a trigger when its time comes, not when someone looks: so does the
 * playground, on the shared clock (real time plus every fast-forward).
 */
function startDueTriggers(
  runtime: Runtime,
  session: PlaygroundSession,
  clock: Clock,
  warn: (message: string) => void,
  checkMs: number,
): DueTriggerRunner {
  const dueTriggers = new DueTriggerRunner({
    async fireDue() {
      const results = await runtime.triggers.fireDue();
      if (results.length === 0) return;
      session.pushSheet();
      session.pushUi();
      // A fired one-off trigger is gone and a recurring one has a new time: the panel lists them.
      session.pushStatus();
    },
    hasDue: () =>
      runtime.triggers.list().some((t) => t.nextRunAt !== null && t.nextRunAt <= clock.now()),
    onError: (err) =>
      warn(`Firing due triggers failed: ${err instanceof Error ? err.message : err}`),
  });
  dueTriggers.start(checkMs);
  return dueTriggers;
}

function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

function debounce(fn: () => void, ms: number): () => void {
  let timer: NodeJS.Timeout | null = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };
}
