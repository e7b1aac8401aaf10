// The add-on's modules import each other without cycles, type-only imports included: a cycle means
// a shared type or function lives in the wrong module.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../../src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports and re-exports of a file, `import type` included, resolved to files. */
function importsOf(file: string, known: Set<string>): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+'(\.[^']*)'/gms)].map(
    (m) => m[1],
  );
  return specifiers.map((spec) => {
    const base = resolve(dirname(file), spec);
    const target = [`${base}.ts`, join(base, 'index.ts')].find((p) => known.has(p));
    if (!target) throw new Error(`${relative(SRC, file)} imports '${spec}', which is no file`);
    return target;
  });
}

/** Every cycle found by a depth-first walk, each as the chain of files from SRC. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (file: string) => {
    const at = stack.indexOf(file);
    if (at >= 0) {
      found.push([...stack.slice(at), file].map((f) => relative(SRC, f)));
      return;
    }
    if (done.has(file)) return;
    stack.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    stack.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return found;
}

describe('import graph of src/', () => {
  const files = tsFiles(SRC);
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, importsOf(f, known)]));

  it('reads the imports it checks (sanity: the composition root imports the context type)', () => {
    expect(graph.get(join(SRC, 'app/composition.ts'))).toContain(join(SRC, 'app/context.ts'));
  });

  it('finds a cycle when one exists', () => {
    const a = join(SRC, 'a.ts');
    const b = join(SRC, 'b.ts');
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });

  it('has no cycle, counting type-only imports', () => {
    expect(cycles(graph)).toEqual([]);
  });
});
