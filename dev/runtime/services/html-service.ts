// The HtmlService global: pages and templates from strings or from the bundle's *.html files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerEnv } from './env';
import { HtmlOutput, SandboxMode, XFrameOptionsMode } from './html-output';
import { createTemplate } from './html-template';

export function createHtmlService(env: WorkerEnv): object {
  const readFile = (name: string): string => {
    const file = String(name).replace(/\.html$/, '') + '.html';
    try {
      return readFileSync(join(env.bundleDir, file), 'utf8');
    } catch {
      throw env.realm.error(`No HTML file named ${String(name).replace(/\.html$/, '')} was found.`);
    }
  };
  return {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html?: unknown): HtmlOutput {
      if (html && typeof (html as { getDataAsString?: unknown }).getDataAsString === 'function') {
        return new HtmlOutput((html as { getDataAsString(): string }).getDataAsString());
      }
      return new HtmlOutput(html === undefined ? '' : String(html));
    },
    createHtmlOutputFromFile(filename: string): HtmlOutput {
      return new HtmlOutput(readFile(filename));
    },
    createTemplate(html: unknown): object {
      return createTemplate(env.realm, String(html));
    },
    createTemplateFromFile(filename: string): object {
      return createTemplate(env.realm, readFile(filename));
    },
  };
}
