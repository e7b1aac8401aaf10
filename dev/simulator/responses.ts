// Small builders for the simulator's HTTP answers (JSON, HTML, redirects, form bodies).
import type { SimResponse } from './types';

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function html(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): SimResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body };
}

export function redirect(location: string): SimResponse {
  return { status: 302, headers: { location }, body: '' };
}

export function empty(status: number): SimResponse {
  return { status, headers: {}, body: '' };
}

/** Parses an application/x-www-form-urlencoded body. */
export function parseForm(body: string): URLSearchParams {
  return new URLSearchParams(body);
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
