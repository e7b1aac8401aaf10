// The data-breadth run of `npm run bench`: a year of every Google Health daily metric in the
// catalog with the record sheets a sync fills, then a week of intraday, each data type's requests
// set against its floor.
/**
 * API: `runBreadth(bed, opts)` -> { rows, totals }: one `BreadthRow` per data type a run read (or
 * should have read), one `BreadthTotals` per run. The metrics are whatever the catalog holds when
 * the bench runs (src/providers/metrics.ts), not a fixed list, so a metric added later is measured
 * without touching the bench. Floors come from bench/breadth-floor.ts (simulator data and the
 * documented caps), never from the add-on's planner.
 */
import type { Runtime } from '../dev/runtime/index';
import { dayCount, type DateRange } from '../src/core/dates';
import { METRICS, type MetricId } from '../src/providers/metrics';
import { recordSheet, syncRecordSheetIds } from '../src/providers/record-sheets';
import { dataRows, runWithContinuations, SHEET_NAME } from './addon';
import { rangeEndingToday } from './baselines';
import { BENCH_USER, callAddOn, connectAddOn, newRuntime, type Bed } from './bed';
import { catalogDataTypes, dailyFloor, recordSheetNeeds, type Floor } from './breadth-floor';
import { intradayRun } from './breadth-intraday';
import {
  countByType,
  measured,
  typeRows,
  type BreadthRow,
  type BreadthTotals,
} from './breadth-measure';

export type { BreadthRow, BreadthTotals };

export interface BreadthOptions {
  days: number;
  /** Whole past days of the intraday run (ending yesterday); 0 skips it. */
  intradayDays: number;
  latencyMs: number;
}

/** Every daily metric Google Health supplies, in catalog order. */
export function googleDailyMetricIds(): MetricId[] {
  return METRICS.filter((m) => m.google !== null).map((m) => m.id);
}

/** The document's choices: every daily metric and every record sheet a sync fills. */
async function chooseEverything(rt: Runtime, metrics: MetricId[], spreadsheetId?: string) {
  await callAddOn(rt, 'saveSyncSettings', [{ metrics, units: 'metric' }], spreadsheetId);
  await callAddOn(rt, 'saveRecordSheets', [syncRecordSheetIds()], spreadsheetId);
}

/**
 * A year (by default) of every daily metric and every record sheet a sync fills, by the add-on's
 * own backfill and continuations.
 */
async function dailyRun(
  bed: Bed,
  rt: Runtime,
  metrics: MetricId[],
  range: DateRange,
  latencyMs: number,
) {
  const timeZone = bed.sim.user(BENCH_USER).timeZone;
  const spreadsheetId = rt.sheets.createSpreadsheet(`breadth ${range.start}`, timeZone);
  await chooseEverything(rt, metrics, spreadsheetId);
  const floors = new Map<string, Floor>();
  for (const dataType of catalogDataTypes(metrics).keys())
    floors.set(dataType, dailyFloor(bed.sim, BENCH_USER, dataType, range));
  const wantRows: Record<string, number> = { [SHEET_NAME]: dayCount(range) };
  for (const sheet of syncRecordSheetIds()) {
    const needs = recordSheetNeeds(bed.sim, BENCH_USER, sheet, range);
    floors.set(needs.dataType, needs.floor);
    wantRows[recordSheet(sheet).sheetName] = needs.rows;
  }
  const m = await measured(bed, rt, latencyMs, async () => {
    const entry = { fn: 'startBackfill', args: [range.start] };
    await runWithContinuations(rt, bed.clock, spreadsheetId, entry, () => false);
  });
  const days = dayCount(range);
  const rows: Record<string, number> = {};
  for (const [sheetName, want] of Object.entries(wantRows)) {
    rows[sheetName] = dataRows(rt, spreadsheetId, sheetName);
    if (rows[sheetName] !== want)
      throw new Error(`breadth: the ${sheetName} sheet has ${rows[sheetName]} rows, not ${want}`);
  }
  const run = `daily ${days} d`;
  const totals: BreadthTotals = {
    run,
    days,
    metrics: metrics.length,
    requests: m.log.length,
    otherRequests: countByType(m.log).other,
    sheetCalls: m.sheetCalls,
    executions: m.executions,
    wallMs: m.wallMs,
    rows,
  };
  return { rows: typeRows(run, m, floors), totals };
}

export async function runBreadth(
  bed: Bed,
  opts: BreadthOptions,
): Promise<{ rows: BreadthRow[]; totals: BreadthTotals[] }> {
  const timeZone = bed.sim.user(BENCH_USER).timeZone;
  const rt = await newRuntime(bed, timeZone);
  try {
    const metrics = googleDailyMetricIds();
    // The consent asks for the scopes the document's choices need: choose everything first.
    await chooseEverything(rt, metrics);
    await connectAddOn(bed, rt, 'google-health');
    const range = rangeEndingToday(bed.clock.now(), timeZone, opts.days);
    const daily = await dailyRun(bed, rt, metrics, range, opts.latencyMs);
    const out = { rows: daily.rows, totals: [daily.totals] };
    if (opts.intradayDays > 0) {
      const intraday = await intradayRun(bed, rt, opts.intradayDays, opts.latencyMs);
      out.rows.push(...intraday.rows);
      out.totals.push(intraday.totals);
    }
    return out;
  } finally {
    await rt.close();
  }
}
