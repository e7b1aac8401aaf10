// A tagged template for building the sidebar's HTML: every interpolated string is escaped, so
// text from the server can never become markup; nested templates and arrays pass through.
import { escapeHtml } from '../escape';

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function part(value: Part): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(part).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0];
  values.forEach((v, i) => {
    out += part(v) + strings[i + 1];
  });
  return new Html(out);
}

/** An attribute present only when on (`disabled`, `checked`, `hidden`, ...). */
export function flag(name: string, on: boolean): Html {
  return new Html(on ? ` ${name}` : '');
}
