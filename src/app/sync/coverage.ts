// Which days a set of finished requests completes: a day may be written only when every request
// of the plan that covers it has been fetched, so a stop never leaves a half-written row.
/**
 * API: `dayCoverage(plan)` (day -> request indices covering it), `writableDays(coverage, done,
 * fetched)`, `completedRequests(plan, coverage, done, fetched)`, `completeDayCount(coverage,
 * done)`.
 */
import { eachDay, type CivilDate } from '../../core/dates';
import { isRecordsOnly, type PlannedRequest } from '../../core/planned-request';

export type DayCoverage = Map<CivilDate, number[]>;

export function dayCoverage(plan: readonly PlannedRequest[]): DayCoverage {
  const coverage: DayCoverage = new Map();
  plan.forEach((request, index) => {
    // A request that feeds record sheets only holds up no day: its rows are written when fetched.
    if (isRecordsOnly(request)) return;
    for (const day of eachDay(request.covers)) {
      const list = coverage.get(day) ?? [];
      list.push(index);
      coverage.set(day, list);
    }
  });
  return coverage;
}

/**
 * Days to write now: every covering request is done (its values are in the sheet already) or was
 * fetched in this execution, and at least one was fetched now (otherwise nothing is new).
 */
export function writableDays(
  coverage: DayCoverage,
  done: ReadonlySet<number>,
  fetched: ReadonlySet<number>,
): CivilDate[] {
  const days: CivilDate[] = [];
  for (const [day, indices] of coverage) {
    if (!indices.some((i) => fetched.has(i))) continue;
    if (indices.every((i) => done.has(i) || fetched.has(i))) days.push(day);
  }
  return days.sort();
}

/**
 * Fetched requests all of whose days get written now: only these may be marked done. A request
 * feeding record sheets only is done once fetched (its records are written in the same execution).
 */
export function completedRequests(
  plan: readonly PlannedRequest[],
  written: ReadonlySet<CivilDate>,
  fetched: ReadonlySet<number>,
): number[] {
  return [...fetched].filter(
    (i) => isRecordsOnly(plan[i]) || eachDay(plan[i].covers).every((d) => written.has(d)),
  );
}

/** Days whose every covering request is done: the backfill progress. */
export function completeDayCount(coverage: DayCoverage, done: ReadonlySet<number>): number {
  let n = 0;
  for (const indices of coverage.values()) if (indices.every((i) => done.has(i))) n++;
  return n;
}
