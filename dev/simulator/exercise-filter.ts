// The session filter of `list` for exercise (discovery doc, AIP-160):
// `exercise.interval.civil_start_time >= "YYYY-MM-DD[THH:mm:ss]"`, `... < "..."`, joined by AND.
/**
 * API: `parseExerciseFilter(filter)` -> { ok: true, from, until } (local date-times
 * 'YYYY-MM-DDTHH:mm:ss', inclusive start and exclusive end, either null when not given) or
 * { ok: false, message } naming what is not supported (answered 400 INVALID_ARGUMENT). The
 * timestamp field `exercise.interval.start_time` is refused, as the live API refused it (field
 * note in health-data.md); so are other operators, OR and malformed literals.
 */
import { isValidDate } from './civil-dates';

export type ExerciseFilter =
  { ok: true; from: string | null; until: string | null } | { ok: false; message: string };

const FIELD = 'exercise.interval.civil_start_time';
const CLAUSE = /^([a-z0-9_.]+)\s*(>=|<=|!=|=|<|>)\s*"([^"]*)"$/;
const LITERAL = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/;

function civilLiteral(literal: string): string | null {
  const m = LITERAL.exec(literal);
  if (!m || !isValidDate(m[1])) return null;
  const [h, min, s] = [m[2] ?? '00', m[3] ?? '00', m[4] ?? '00'];
  if (Number(h) > 23 || Number(min) > 59 || Number(s) > 59) return null;
  return `${m[1]}T${h}:${min}:${s}`;
}

export function parseExerciseFilter(filter: string): ExerciseFilter {
  let from: string | null = null;
  let until: string | null = null;
  if (filter.trim() === '') return { ok: true, from, until };
  for (const raw of filter.trim().split(/\s+AND\s+/)) {
    const m = CLAUSE.exec(raw.trim());
    if (!m)
      return {
        ok: false,
        message: `Invalid filter: could not parse "${raw.trim()}". Expected ${FIELD} >= "YYYY-MM-DD" AND ${FIELD} < "YYYY-MM-DD".`,
      };
    const [, name, op, literal] = m;
    if (name !== FIELD)
      return {
        ok: false,
        message: `Invalid filter: field "${name}" is not supported for data type exercise; the supported field is ${FIELD}.`,
      };
    if (op !== '>=' && op !== '<')
      return {
        ok: false,
        message: `Invalid filter: operator "${op}" is not supported for ${FIELD}; use >= or <.`,
      };
    const civil = civilLiteral(literal);
    if (civil === null)
      return {
        ok: false,
        message: `Invalid filter: "${literal}" is not a date with optional time in ISO 8601 YYYY-MM-DD[THH:mm:ss] format.`,
      };
    if (op === '>=') from = [from ?? civil, civil].sort()[1];
    else until = [until ?? civil, civil].sort()[0];
  }
  return { ok: true, from, until };
}
