// Turns the two baseline scripts into Apps Script source text for the local runtime (scriptSource):
// per-day is stripped of its types as it stands, per-cell is bundled with the add-on code it uses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const SCRIPTS = join(__dirname, 'scripts');

/** The per-day script: no imports, so stripping the types leaves a valid Apps Script file. */
export async function perDaySource(): Promise<string> {
  const ts = readFileSync(join(SCRIPTS, 'per-day.ts'), 'utf8');
  const out = await esbuild.transform(ts, { loader: 'ts', target: 'es2020' });
  return out.code;
}

/** The per-cell script bundled like build/Code.js: an IIFE namespace plus one global function. */
export async function perCellSource(): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [join(SCRIPTS, 'per-cell.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'PerCell_',
    target: 'es2020',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  return (
    out.outputFiles[0].text +
    '\nfunction perCellBaseline(...args) {\n  return PerCell_.perCellBaseline(...args);\n}\n'
  );
}
