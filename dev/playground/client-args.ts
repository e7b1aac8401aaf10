// Turns google.script.run arguments sent by the sidebar bridge back into values: a Date the
// sidebar passed arrives as a real Date, so the runtime refuses it the way Apps Script does.
export const DATE_TAG = '__playgroundDate__';

export function decodeClientValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeClientValue);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === DATE_TAG) {
    return new Date(typeof obj[DATE_TAG] === 'string' ? obj[DATE_TAG] : NaN);
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = decodeClientValue(obj[k]);
  return out;
}
