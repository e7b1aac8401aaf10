// Bundles the TypeScript worker entry (worker.ts) with esbuild into a cache folder once per
// process, so `new Worker(file)` works the same under jest, tsx and plain node.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RUNTIME_DIR = __dirname;
const REPO_ROOT = join(RUNTIME_DIR, '..', '..');
const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'gas-runtime');

let built: Promise<string> | null = null;

export function workerFile(): Promise<string> {
  built ??= (async () => {
    const result = await build({
      entryPoints: [join(RUNTIME_DIR, 'worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      sourcemap: 'inline',
      logLevel: 'silent',
    });
    mkdirSync(CACHE_DIR, { recursive: true });
    const text = result.outputFiles[0].text;
    // Named by content: test processes bundling at the same time never swap each other's file.
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    const file = join(CACHE_DIR, `worker-${hash}.js`);
    if (existsSync(file)) return file;
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    return file;
  })();
  return built;
}
