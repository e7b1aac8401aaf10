// Formats bench rows: one JSON object per line (--json) or a table with its footnote.

/** 'dashboard': the add-on's "Refresh dashboard" right after its sync (no request). */
export type StrategyName = 'addon' | 'per-day' | 'per-cell' | 'dashboard';

export interface BenchRow {
  provider: string;
  days: number;
  metrics: number;
  strategy: StrategyName;
  requests: number;
  sheetCalls: number;
  wallMs: number;
  estimated: boolean;
}

/** Hours a 150-requests-per-hour limit (legacy Fitbit) makes a strategy wait: ceil(n/150) - 1. */
export function fitbitHourWaits(requests: number): number {
  return Math.max(0, Math.ceil(requests / 150) - 1);
}

export function jsonLine(row: BenchRow): string {
  const { provider, days, metrics, strategy, requests, sheetCalls, wallMs, estimated } = row;
  return JSON.stringify({
    provider,
    days,
    metrics,
    strategy,
    requests,
    sheetCalls,
    wallMs,
    estimated,
  });
}

const HEADERS = [
  'provider',
  'days',
  'metrics',
  'strategy',
  'requests',
  'sheetCalls',
  'wallMs',
  'fitbit-hour waits',
];

function cells(row: BenchRow): string[] {
  return [
    row.provider,
    String(row.days),
    String(row.metrics),
    row.strategy,
    String(row.requests),
    String(row.sheetCalls),
    (row.estimated ? '~' : '') + String(row.wallMs),
    String(fitbitHourWaits(row.requests)),
  ];
}

/** A Markdown table (readable as is on a terminal), right-aligned numbers. */
export function table(rows: readonly BenchRow[]): string {
  const body = rows.map(cells);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const numeric = (i: number) => i === 1 || i === 2 || i >= 4;
  const line = (r: string[]) =>
    '| ' +
    r.map((c, i) => (numeric(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ') +
    ' |';
  const rule =
    '|' +
    widths.map((w, i) => (numeric(i) ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') +
    '|';
  return [line(HEADERS), rule, ...body.map(line)].join('\n');
}

export function footnote(latencyMs: number, budgetMs: number): string {
  return [
    `Simulator latency ${latencyMs} ms per request; rate limits turned up for every strategy alike.`,
    `requests: every HTTP request the strategy sent (token refreshes included); sheetCalls: every`,
    `SpreadsheetApp method call (getRange, setValue, appendRow, ...).`,
    `~ = estimated: the run would have exceeded the ${Math.round(budgetMs / 1000)} s budget, so it was measured at 0 ms latency`,
    `and wallMs = measured + ${latencyMs} ms x UrlFetchApp round trips (a fetchAll batch counts once: its`,
    `requests run in parallel; sequential fetches count once each).`,
    `fitbit-hour waits: hours the legacy Fitbit limit of 150 requests/user/hour would add,`,
    `ceil(requests/150) - 1 (derived; not included in wallMs). The add-on pauses by itself at its`,
    `providers' limits and resumes by a one-off trigger; the bench fires it at once on the simulated`,
    `clock, so wallMs counts its executions, not the waits between them.`,
  ].join('\n');
}
