// Formats the data-breadth run: requests per data type against the floor, the runs' totals, and
// the verdict (a data type over its floor fails the bench).
import type { BreadthRow, BreadthTotals } from './breadth-measure';

/** A Markdown table, numbers right-aligned. */
function markdown(headers: string[], body: string[][], numeric: (i: number) => boolean): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]) =>
    '| ' +
    r.map((c, i) => (numeric(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ') +
    ' |';
  const rule =
    '|' +
    widths.map((w, i) => (numeric(i) ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') +
    '|';
  return [line(headers), rule, ...body.map(line)].join('\n');
}

function verdict(row: BreadthRow): string {
  if (row.requests > row.floor) return `OVER by ${row.requests - row.floor}`;
  if (row.requests < row.floor) return `UNDER by ${row.floor - row.requests}`;
  return 'at floor';
}

export function typeTable(rows: readonly BreadthRow[]): string {
  return markdown(
    ['run', 'data type', 'method', 'requests', 'floor', 'floor from', 'verdict'],
    rows.map((r) => [
      r.run,
      r.dataType,
      r.methods,
      String(r.requests),
      String(r.floor),
      r.basis,
      verdict(r),
    ]),
    (i) => i === 3 || i === 4,
  );
}

export function totalsTable(totals: readonly BreadthTotals[]): string {
  return markdown(
    ['run', 'metrics', 'requests', 'of which auth', 'sheetCalls', 'executions', 'wallMs', 'rows'],
    totals.map((t) => [
      t.run,
      String(t.metrics),
      String(t.requests),
      String(t.otherRequests),
      String(t.sheetCalls),
      String(t.executions),
      String(t.wallMs),
      Object.entries(t.rows)
        .map(([sheet, n]) => `${sheet} ${n}`)
        .join(', '),
    ]),
    (i) => i >= 1 && i <= 6,
  );
}

/**
 * What fails the bench: a data type over its floor (wasted requests), or under it (data the range
 * needs was not read, or the floor is wrong: either way someone must look).
 */
export function breadthFailures(rows: readonly BreadthRow[]): string[] {
  return rows
    .filter((r) => r.requests !== r.floor)
    .map(
      (r) => `${r.run}: ${r.dataType} took ${r.requests} requests, floor ${r.floor} (${r.basis})`,
    );
}

export function breadthFootnote(latencyMs: number): string {
  return [
    `Data breadth: Google Health, every daily metric of the catalog, the add-on's own backfill and`,
    `continuations at ${latencyMs} ms a request. floor: the fewest requests that can read the`,
    `simulator's data for the range at the documented caps: one dailyRollUp per 90 days (14 for`,
    `total-calories, active-minutes, heart-rate), a list at 10,000 a page, sleep and exercise at 25 a`,
    `page, intraday rollUp at 10,000 minutes a page; a full list page is followed by one more page`,
    `(the simulator, like the live API, sends a token with it). Any data type off its floor fails`,
    `the bench. metrics: the daily metrics chosen (intraday: its data types, heart rate and steps).`,
    `"of which auth": token refreshes and identity calls, outside the data types.`,
  ].join('\n');
}
