// A chart's advanced options as one tree: EmbeddedChartBuilder.setOption takes dotted keys
// ('hAxis.title') or whole objects ({ hAxis: { title } }), ChartOptions.get reads either way. Shared
// by the worker-side builder, the host model and the playground's drawing.

export type ChartOptionValue =
  string | number | boolean | null | ChartOptionValue[] | { [key: string]: ChartOptionValue };
export type ChartOptionTree = { [key: string]: ChartOptionValue };

function isTree(value: unknown): value is ChartOptionTree {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * What an option keeps of a script's value: plain data only (copied, so later changes to the
 * script's object do not reach the chart); objects with toJSON (enums, Dates) as that.
 */
export function optionValue(value: unknown): ChartOptionValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(optionValue);
  if (typeof value === 'object') {
    const json = (value as { toJSON?: unknown }).toJSON;
    if (typeof json === 'function') return optionValue((json as () => unknown).call(value));
    const out: ChartOptionTree = {};
    for (const [k, v] of Object.entries(value)) out[k] = optionValue(v);
    return out;
  }
  return String(value);
}

function mergeInto(target: ChartOptionTree, key: string, value: ChartOptionValue): void {
  const current = target[key];
  if (isTree(value) && isTree(current)) {
    for (const [k, v] of Object.entries(value)) mergeInto(current, k, v);
    return;
  }
  target[key] = isTree(value) ? structuredClone(value) : value;
}

/**
 * Sets one option in place. A dotted key creates the objects along its path; an object value is
 * merged into what is there (so 'hAxis.title' then { hAxis: { gridlines } } keeps both); null or
 * undefined removes the option.
 */
export function setOptionPath(tree: ChartOptionTree, key: string, value: unknown): void {
  const path = key.split('.');
  const leaf = path.pop() as string;
  let node = tree;
  for (const part of path) {
    const next = node[part];
    if (!isTree(next)) node[part] = {};
    node = node[part] as ChartOptionTree;
  }
  const v = optionValue(value);
  if (v === null) delete node[leaf];
  else mergeInto(node, leaf, v);
}

/** ChartOptions.get: the option at a dotted key (a copy), or null when it is not set. */
export function getOptionPath(tree: ChartOptionTree, key: string): ChartOptionValue {
  let node: ChartOptionValue = tree;
  for (const part of key.split('.')) {
    if (Array.isArray(node) && /^\d+$/.test(part)) node = node[Number(part)] ?? null;
    else if (isTree(node)) node = node[part] ?? null;
    else return null;
    if (node === null) return null;
  }
  return structuredClone(node);
}
