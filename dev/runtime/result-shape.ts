// Turns what a script function returned into something that can cross to the host: as is (minus
// functions), by google.script.run's rules, or as the page /usercallback shows.
import { HtmlOutput } from './services/html-output';
import type { CallMode } from './worker-request';

export interface RenderedPage {
  kind: 'page';
  html: string;
  title: string;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

function plain(value: unknown, seen: Set<object>): unknown {
  if (value === null || typeof value !== 'object')
    return typeof value === 'function' ? undefined : value;
  if (isDate(value) || ArrayBuffer.isView(value)) return value;
  if (value instanceof HtmlOutput) {
    return {
      html: value.getContent(),
      title: value.getTitle(),
      width: value.getWidth(),
      height: value.getHeight(),
    };
  }
  if (seen.has(value)) return null;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => plain(v, seen));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (typeof v !== 'function') out[k] = plain(v, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

function containsDate(value: unknown): boolean {
  if (isDate(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(containsDate);
}

/** google.script.run: a result containing a Date reaches the client as null. */
function forClient(value: unknown): unknown {
  if (containsDate(value)) return null;
  const json = JSON.stringify(value === undefined ? null : value);
  return json === undefined ? null : JSON.parse(json);
}

export function shapeResult(value: unknown, mode: CallMode): unknown {
  if (mode === 'client') return forClient(value);
  if (mode === 'callback') {
    if (value instanceof HtmlOutput) {
      return {
        kind: 'page',
        html: value.getContent(),
        title: value.getTitle(),
      } satisfies RenderedPage;
    }
    return null;
  }
  return plain(value, new Set());
}
