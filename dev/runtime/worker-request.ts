// What the host sends a worker to start one execution.
import type { ExecutionContext } from './rpc-types';

/** How the function's result is handed back: as is, by google.script.run's rules, or as a page. */
export type CallMode = 'run' | 'client' | 'callback';

export interface WorkerRequest {
  executionId: string;
  fn: string;
  args: unknown[];
  mode: CallMode;
  ctx: ExecutionContext;
  /** The whole script (build/Code.js or a test's scriptSource), loaded into a fresh context. */
  source: string;
  sourceName: string;
  /** Folder holding the *.html files HtmlService reads. */
  bundleDir: string;
  scriptId: string;
  clockOffset: number;
  /** Folder of the real OAuth2 library's src/*.js, or null for the project's stand-in. */
  oauth2LibrarySrc: string | null;
}
