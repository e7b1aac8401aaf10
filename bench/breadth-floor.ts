// The request floor of each Google Health data type for a range, worked out apart from the
// add-on's planner: from the simulator's own data (points, sessions, minutes it holds for the
// range) and the documented caps (90 or 14 days per dailyRollUp, 10,000 a `list` page, 25 a
// sleep or exercise page, 10,000 a per-minute rollUp page).
/**
 * API:
 * - `catalogDataTypes(metricIds)`: the data types the chosen daily metrics read, each with the
 *   metrics that need it (BMI needs the weight roll-up and the height list).
 * - `dailyFloor(sim, user, dataType, range)`, `sleepFloor`, `intradayFloor`: a `Floor`
 *   { requests, basis } where basis says how the number came about.
 * - `recordSheetNeeds(sim, user, sheetId, range)`: the data type a record sheet reads, its floor
 *   and the rows the sheet must hold (the simulator's sessions of the range's local days).
 * Pages: the simulator, like the live API, answers a full `list` page with a nextPageToken even
 * when nothing follows, so a list of n points at page size p takes floor(n / p) + 1 requests (the
 * last one empty when p divides n); a roll-up sends a token only when more points follow.
 */
import { DAILY_SUMMARY_TYPES } from '../dev/simulator/google-summaries';
import { GOOGLE_DATA_TYPES } from '../dev/simulator/google-rollups';
import { samplePoints } from '../dev/simulator/google-samples';
import { sleepsEndingBetween } from '../dev/simulator/synthetic-sleep';
import { rollUpPoints } from '../dev/simulator/google-intraday';
import type { Simulator } from '../dev/simulator/index';
import { addDays, dayCount, eachDay, type DateRange } from '../src/core/dates';
import type { RecordSheetId } from '../src/core/records';
import { metric, type MetricId } from '../src/providers/metrics';

/** users.dataTypes.dataPoints.list pageSize: "truncated to 10000" (discovery doc). */
const LIST_PAGE = 10000;
/** "The maximum page size for `exercise` and `sleep` is 25" (discovery doc, list pageSize). */
const SESSION_PAGE = 25;
/** RollUpDataPointsRequest.pageSize: at most 10000. */
const ROLLUP_PAGE = 10000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** UTC offsets run from -12:00 to +14:00. */
const MAX_EAST_HOURS = 14;
const MAX_WEST_HOURS = 12;

export interface Floor {
  requests: number;
  basis: string;
}

/** A list of n points: full pages, then the page the last token leads to (empty when p | n). */
function listPages(points: number, pageSize: number): number {
  return Math.floor(points / pageSize) + 1;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The data types a set of daily metrics reads (Google Health), in catalog order. */
export function catalogDataTypes(metricIds: readonly MetricId[]): Map<string, MetricId[]> {
  const out = new Map<string, MetricId[]>();
  const add = (type: string, id: MetricId) => out.set(type, [...(out.get(type) ?? []), id]);
  for (const id of metricIds) {
    const source = metric(id).google;
    if (!source) continue;
    if (source.read === 'derived-bmi') {
      // Weight over the square of the latest height: the day's weight and a height list.
      add(metric('weight').google!.dataType, id);
    }
    add(source.dataType, id);
  }
  return out;
}

/**
 * A daily metric's data type over `range`: a roll-up type takes one dailyRollUp per chunk of its
 * cap (one page each: a chunk holds at most one point a day); a daily summary one `list` over the
 * range, paged by the points the simulator holds; sleep and height as their own lists.
 */
export function dailyFloor(
  sim: Simulator,
  email: string,
  dataType: string,
  range: DateRange,
): Floor {
  const user = sim.user(email);
  const now = sim.clock.now();
  const days = dayCount(range);
  const rollup = GOOGLE_DATA_TYPES[dataType];
  if (rollup) {
    const cap = rollup.maxRangeDays;
    return { requests: Math.ceil(days / cap), basis: `${days} d / ${cap}-day cap` };
  }
  const summary = DAILY_SUMMARY_TYPES[dataType];
  if (summary) {
    const points = eachDay(range).filter((d) => summary.value(user, d, now) !== null).length;
    return {
      requests: listPages(points, LIST_PAGE),
      basis: `${plural(points, 'point')} / ${LIST_PAGE} a page`,
    };
  }
  if (dataType === 'sleep') return sleepFloor(sim, email, range);
  if (dataType === 'height') {
    // Every height up to the range's end: one taken years before still applies.
    const filter = `height.sample_time.civil_time < "${addDays(range.end, 1)}"`;
    const found = samplePoints('height', user, filter, now);
    if (!found.ok) throw new Error(`height floor: ${found.message}`);
    const n = found.points.length;
    return {
      requests: listPages(n, LIST_PAGE),
      basis: `${plural(n, 'height')} / ${LIST_PAGE} a page`,
    };
  }
  throw new Error(
    `the bench knows no floor for data type "${dataType}": add it to breadth-floor.ts`,
  );
}

/**
 * Sleep can be filtered on its physical end time only, and the person's offset on a given night is
 * not known in advance, so any plan must read every session ending between the range's first
 * local midnight at UTC+14 and the midnight after its last day at UTC-12.
 */
export function sleepFloor(sim: Simulator, email: string, range: DateRange): Floor {
  const from = Date.parse(`${range.start}T00:00:00Z`) - MAX_EAST_HOURS * HOUR_MS;
  const until = Date.parse(`${addDays(range.end, 1)}T00:00:00Z`) + MAX_WEST_HOURS * HOUR_MS;
  const n = sleepsEndingBetween(sim.user(email), from, until, sim.clock.now()).length;
  return {
    requests: listPages(n, SESSION_PAGE),
    basis: `${plural(n, 'session')} / ${SESSION_PAGE} a page`,
  };
}

/**
 * Per-minute rollUp of a data type over [startMs, endMs): at least one request per cap of physical
 * time and one page per 10,000 minutes that hold data (minutes without data are absent).
 */
export function intradayFloor(
  sim: Simulator,
  email: string,
  dataType: string,
  startMs: number,
  endMs: number,
): Floor & { points: number } {
  const cap = GOOGLE_DATA_TYPES[dataType]?.maxRangeDays;
  if (!cap) throw new Error(`no roll-up cap known for ${dataType}`);
  const points = rollUpPoints(
    sim.user(email),
    dataType,
    startMs,
    endMs,
    60_000,
    sim.clock.now(),
  ).length;
  const spans = Math.ceil((endMs - startMs) / (cap * DAY_MS));
  const pages = Math.ceil(points / ROLLUP_PAGE);
  return {
    requests: Math.max(spans, pages),
    points,
    basis: `${plural(points, 'minute')} / ${ROLLUP_PAGE} a page, ${cap}-day cap`,
  };
}

/**
 * A record sheet over `range`: the Exercises sheet reads one `exercise` list filtered on the local
 * start (25 a page) and holds one row per workout that started on a local day of the range; the
 * Sleep sheet rides on the sleep list the daily columns read and holds one row per session that
 * ended on a local day of the range.
 */
export function recordSheetNeeds(
  sim: Simulator,
  email: string,
  sheet: RecordSheetId,
  range: DateRange,
): { dataType: string; floor: Floor; rows: number } {
  if (sheet === 'exercises') {
    const n = sim.exercises(email, range.start, range.end).length;
    const floor = {
      requests: listPages(n, SESSION_PAGE),
      basis: `${plural(n, 'workout')} / ${SESSION_PAGE} a page`,
    };
    return { dataType: 'exercise', floor, rows: n };
  }
  if (sheet === 'sleep') {
    const rows = eachDay(range).reduce((n, d) => n + sim.sleepFor(email, d).length, 0);
    return { dataType: 'sleep', floor: sleepFloor(sim, email, range), rows };
  }
  throw new Error(`the bench knows no floor for the ${sheet} sheet: add it to breadth-floor.ts`);
}
