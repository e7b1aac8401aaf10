// The `list` filter grammar the discovery document gives sleep: its end time only, physical
// (`sleep.interval.end_time`, RFC 3339) or civil (`sleep.interval.civil_end_time`,
// `YYYY-MM-DD[THH:mm:ss]`), with `>=` and `<`, joined by `AND` and `OR`.
/**
 * API: `parseSleepFilter(filter)` -> { ok: true, matches(end), fromMs, untilMs } or
 * { ok: false, message } (answered as 400 INVALID_ARGUMENT, as the API does).
 * - `matches({ endMs, civilEnd })`: whether a session with that end instant and local end clock
 *   reading ('YYYY-MM-DDTHH:mm:ss', in the offset at its end) is selected.
 * - `fromMs` / `untilMs`: instants outside which nothing can match (null: unbounded), so the
 *   simulator knows which days to look at; a civil bound is widened by the largest UTC offsets.
 * Refused: any other field (start times: "Session civil start time (Excluding Sleep ...)"), other
 * operators, unquoted or malformed literals, an empty side of AND / OR. An empty filter selects all.
 */
import { isValidDate } from './civil-dates';

export interface SessionEnd {
  endMs: number;
  civilEnd: string;
}

export type SleepFilter =
  | {
      ok: true;
      matches(end: SessionEnd): boolean;
      fromMs: number | null;
      untilMs: number | null;
    }
  | { ok: false; message: string };

const END_TIME = 'sleep.interval.end_time';
const CIVIL_END_TIME = 'sleep.interval.civil_end_time';
const CLAUSE = /^([A-Za-z0-9_.]+)\s*(>=|<=|!=|=|<|>)\s*("([^"]*)"|\S+)$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
const CIVIL = /^(\d{4}-\d{2}-\d{2})(T(\d{2}):(\d{2}):(\d{2}))?$/;
/** UTC offsets run from -12:00 to +14:00. */
const MAX_EAST_MS = 14 * 3_600_000;
const MAX_WEST_MS = 12 * 3_600_000;

interface Clause {
  civil: boolean;
  op: '>=' | '<';
  /** Physical: epoch ms; civil: 'YYYY-MM-DDTHH:mm:ss'. */
  value: number | string;
}

const invalid = (message: string): SleepFilter => ({
  ok: false,
  message: `Invalid filter: ${message}. Sleep can be filtered on ${END_TIME} (RFC 3339) or ${CIVIL_END_TIME} (YYYY-MM-DD[THH:mm:ss]) with >= and <, joined by AND or OR.`,
});

function civilInstantGuess(civil: string): number {
  return Date.parse(`${civil}Z`);
}

function parseClause(raw: string): Clause | string {
  const m = CLAUSE.exec(raw.trim());
  if (!m) return `could not parse "${raw.trim()}"`;
  const [, field, op, quotedOrBare, literal] = m;
  if (field !== END_TIME && field !== CIVIL_END_TIME)
    return `field "${field}" is not supported for data type sleep`;
  if (op !== '>=' && op !== '<') return `operator "${op}" is not supported for ${field}`;
  if (literal === undefined) return `the value ${quotedOrBare} must be a quoted string`;
  if (field === END_TIME) {
    if (!RFC3339.test(literal) || !isValidDate(literal.slice(0, 10)))
      return `"${literal}" is not an RFC 3339 timestamp`;
    return { civil: false, op, value: Date.parse(literal) };
  }
  const c = CIVIL.exec(literal);
  if (!c || !isValidDate(c[1]) || (c[2] && (+c[3] > 23 || +c[4] > 59 || +c[5] > 59)))
    return `"${literal}" is not a date with optional time (YYYY-MM-DD[THH:mm:ss])`;
  return { civil: true, op, value: c[2] ? literal : `${literal}T00:00:00` };
}

function clauseMatches(c: Clause, end: SessionEnd): boolean {
  const at = c.civil ? end.civilEnd : end.endMs;
  return c.op === '>=' ? at >= c.value : at < c.value;
}

/** The physical bounds a group of AND-ed clauses implies (null: none on that side). */
function groupBounds(group: Clause[]): { from: number | null; until: number | null } {
  let from: number | null = null;
  let until: number | null = null;
  for (const c of group) {
    const ms = c.civil ? civilInstantGuess(c.value as string) : (c.value as number);
    if (c.op === '>=') {
      const lo = c.civil ? ms - MAX_EAST_MS : ms;
      from = from === null ? lo : Math.max(from, lo);
    } else {
      const hi = c.civil ? ms + MAX_WEST_MS : ms;
      until = until === null ? hi : Math.min(until, hi);
    }
  }
  return { from, until };
}

export function parseSleepFilter(filter: string): SleepFilter {
  const text = filter.trim();
  if (text === '') return { ok: true, matches: () => true, fromMs: null, untilMs: null };
  const groups: Clause[][] = [];
  for (const orPart of text.split(/\s+OR\s+/)) {
    const group: Clause[] = [];
    for (const andPart of orPart.split(/\s+AND\s+/)) {
      if (andPart.trim() === '') return invalid('an AND or OR without a condition on one side');
      const clause = parseClause(andPart);
      if (typeof clause === 'string') return invalid(clause);
      group.push(clause);
    }
    groups.push(group);
  }
  const bounds = groups.map(groupBounds);
  const fromMs = bounds.some((b) => b.from === null)
    ? null
    : Math.min(...bounds.map((b) => b.from as number));
  const untilMs = bounds.some((b) => b.until === null)
    ? null
    : Math.max(...bounds.map((b) => b.until as number));
  return {
    ok: true,
    matches: (end) => groups.some((g) => g.every((c) => clauseMatches(c, end))),
    fromMs,
    untilMs,
  };
}
