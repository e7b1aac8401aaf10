// The part of `list`'s filter grammar (discovery doc, AIP-160) that daily summaries take:
// `{daily_summary_data_type}.date >= "YYYY-MM-DD"`, `... < "YYYY-MM-DD"`, joined by AND.
/**
 * API: `parseDailySummaryFilter(dataType, filter)` -> { ok: true, from, until } (inclusive start,
 * exclusive end, either null when not given) or { ok: false, message } naming what is not
 * supported (the route answers it as 400 INVALID_ARGUMENT, as the API does).
 * An empty filter selects every day. Other fields (interval.start_time on a daily summary, another
 * data type's name), operators (`>`, `<=`, `=`), `OR`, unquoted or non-date literals are refused.
 */
import { isValidDate } from './civil-dates';

export type FilterResult =
  { ok: true; from: string | null; until: string | null } | { ok: false; message: string };

const CLAUSE = /^([a-z0-9_.]+)\s*(>=|<=|!=|=|<|>)\s*"([^"]*)"$/;

export function parseDailySummaryFilter(dataType: string, filter: string): FilterResult {
  const field = `${dataType.replace(/-/g, '_')}.date`;
  let from: string | null = null;
  let until: string | null = null;
  if (filter.trim() === '') return { ok: true, from, until };
  for (const raw of filter.trim().split(/\s+AND\s+/)) {
    const m = CLAUSE.exec(raw.trim());
    if (!m)
      return {
        ok: false,
        message: `Invalid filter: could not parse "${raw.trim()}". Expected ${field} >= "YYYY-MM-DD" AND ${field} < "YYYY-MM-DD".`,
      };
    const [, name, op, literal] = m;
    if (name !== field)
      return {
        ok: false,
        message: `Invalid filter: field "${name}" is not supported for data type ${dataType}; the supported field is ${field}.`,
      };
    if (op !== '>=' && op !== '<')
      return {
        ok: false,
        message: `Invalid filter: operator "${op}" is not supported for ${field}; use >= or <.`,
      };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(literal) || !isValidDate(literal))
      return {
        ok: false,
        message: `Invalid filter: "${literal}" is not a date in ISO 8601 YYYY-MM-DD format.`,
      };
    // Two bounds of one side: the tighter one holds (both must be true).
    if (op === '>=') from = [from ?? literal, literal].sort()[1];
    else until = [until ?? literal, literal].sort()[0];
  }
  return { ok: true, from, until };
}
