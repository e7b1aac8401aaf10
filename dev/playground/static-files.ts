// Serves the playground page's own files from public/ (plain HTML/CSS/JS: no build step, no CDN),
// and the browser builds of the few libraries the page uses, straight from node_modules.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';

export const PUBLIC_DIR = join(__dirname, 'public');

/** URL path -> file: Chart.js' self-contained UMD build draws the sheets' charts. */
const VENDOR: Record<string, () => string> = {
  '/vendor/chart.umd.min.js': () => join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Writes the file for a URL path, or returns false when public/ has no such file. */
export async function serveStatic(urlPath: string, res: ServerResponse): Promise<boolean> {
  const rel = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '');
  const vendor = VENDOR[urlPath];
  const file = vendor ? vendor() : normalize(join(PUBLIC_DIR, rel));
  if (!vendor && !file.startsWith(PUBLIC_DIR + sep)) return false;
  const type = TYPES[extname(file)];
  if (!type) return false;
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return false;
  }
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
  res.end(body);
  return true;
}
