// Text from a provider, written so that Sheets keeps it as the text it is.
/**
 * API: `asCellText(value)`.
 * Range.setValues reads a string like typed input: one starting with '=' becomes a formula (a
 * workout named "=IMPORTXML(...)" would run), and a leading apostrophe is taken as a text marker
 * and dropped. Prefixing an apostrophe to either keeps the value exactly as the provider sent it.
 * Values that are not strings pass through unchanged.
 */
export function asCellText<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return value.startsWith('=') || value.startsWith("'") ? `'${value}` : value;
}
