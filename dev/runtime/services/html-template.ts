// HtmlService templates: <? code ?>, <?= printed and HTML-escaped ?>, <?!= printed raw ?>; the
// template's properties are variables of its scriptlets, which also see the script's globals.
import type { Realm } from './env';
import { escapeHtml } from './html-escape';
import { HtmlOutput } from './html-output';

/** Translates template text into the body of a function that returns the page. */
export function compileTemplate(source: string): string {
  const out: string[] = [];
  const re = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m.index > last) out.push(`__out.push(${JSON.stringify(source.slice(last, m.index))});`);
    const code = m[2].trim().replace(/;+\s*$/, '');
    if (m[1] === '=') out.push(`__out.push(__esc(${code}));`);
    else if (m[1] === '!=') out.push(`__out.push(__raw(${code}));`);
    else out.push(m[2]);
    last = re.lastIndex;
  }
  if (last < source.length) out.push(`__out.push(${JSON.stringify(source.slice(last))});`);
  return out.join('\n');
}

const printable = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

export function createTemplate(realm: Realm, source: string): Record<string, unknown> {
  const code = compileTemplate(source);
  const template: Record<string, unknown> = {};
  const methods = {
    evaluate(): HtmlOutput {
      const run = realm.evaluate(
        `(function (__tpl, __esc, __raw) { var __out = []; with (__tpl) {\n${code}\n} return __out.join(''); })`,
        'template.html',
      ) as (t: object, esc: (v: unknown) => string, raw: (v: unknown) => string) => string;
      try {
        return new HtmlOutput(run(template, (v) => escapeHtml(printable(v)), printable));
      } catch (e) {
        throw e instanceof Error ? e : realm.error(String(e));
      }
    },
    getCode(): string {
      return code;
    },
    getCodeWithComments(): string {
      return code;
    },
    getRawContent(): string {
      return source;
    },
  };
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(template, name, { value: fn, enumerable: false });
  }
  return template;
}
