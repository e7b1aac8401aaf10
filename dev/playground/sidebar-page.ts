// Turns the HTML the add-on handed to Ui.showSidebar into the page the playground's iframe loads:
// the google.script bridge goes in first, so the add-on's own scripts find `google.script.run`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDER_HOSTS } from '../hosts';

export interface BridgeConfig {
  /** Top-level functions of build/Code.js: the only names google.script.run offers. */
  functions: string[];
  /** Production hosts whose URLs the bridge rewrites to the playground's simulator path. */
  hosts: readonly string[];
}

/** The global functions a bundle defines, read from the generated wrappers at its top level. */
export function bundleFunctions(bundleDir: string): string[] {
  const code = readFileSync(join(bundleDir, 'Code.js'), 'utf8');
  const names = [...code.matchAll(/^function ([A-Za-z$][\w$]*)\s*\(/gm)].map((m) => m[1]);
  return [...new Set(names)].sort();
}

export function bridgeConfig(functions: string[]): BridgeConfig {
  return { functions, hosts: PROVIDER_HOSTS };
}

/** JSON that is safe inside an inline <script>: no `</script>` or `<!--` can end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The sidebar HTML with the bridge as the first thing the browser runs. */
export function injectBridge(html: string, config: BridgeConfig): string {
  const tags =
    `<script>window.__playgroundBridge = ${scriptJson(config)};</script>` +
    '<script src="/gas-bridge.js"></script>';
  // HtmlService output may be a whole document or a bare fragment; put the bridge right after
  // <head> when there is one, else before everything but a doctype.
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head)
    return (
      html.slice(0, head.index + head[0].length) + tags + html.slice(head.index + head[0].length)
    );
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return doctype[0] + tags + html.slice(doctype[0].length);
  return tags + html;
}
