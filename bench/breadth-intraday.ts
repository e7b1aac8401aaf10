// The intraday part of the data-breadth run: per-minute heart rate and steps for whole past days
// into the Intraday sheet, each data type's rollUp requests against its floor.
import type { Runtime } from '../dev/runtime/index';
import { offsetSecondsAt } from '../dev/simulator/synthetic-sleep';
import { addDays } from '../src/core/dates';
import { INTRADAY_TYPE_IDS } from '../src/providers/google-health/intraday-plan';
import { recordSheet } from '../src/providers/record-sheets';
import { dataRows, runWithContinuations } from './addon';
import { rangeEndingToday } from './baselines';
import { BENCH_USER, type Bed } from './bed';
import {
  countByType,
  measured,
  typeRows,
  type BreadthRow,
  type BreadthTotals,
} from './breadth-measure';
import { intradayFloor, type Floor } from './breadth-floor';

/** The instant a local day starts in a zone (its midnight, whatever the offset that day). */
function localMidnightMs(date: string, timeZone: string): number {
  const asUtc = Date.parse(`${date}T00:00:00Z`);
  const guess = asUtc - offsetSecondsAt(asUtc, timeZone) * 1000;
  return asUtc - offsetSecondsAt(guess, timeZone) * 1000;
}

/**
 * Per-minute heart rate and steps for whole past days (the week before today by default) into the
 * Intraday sheet: the add-on's "Fetch intraday" and its continuations, in a fresh spreadsheet.
 */
export async function intradayRun(
  bed: Bed,
  rt: Runtime,
  days: number,
  latencyMs: number,
): Promise<{ rows: BreadthRow[]; totals: BreadthTotals }> {
  const timeZone = bed.sim.user(BENCH_USER).timeZone;
  const week = rangeEndingToday(bed.clock.now(), timeZone, days + 1);
  const range = { start: week.start, end: addDays(week.end, -1) };
  const startMs = localMidnightMs(range.start, timeZone);
  const endMs = localMidnightMs(week.end, timeZone);
  const floors = new Map<string, Floor>();
  for (const type of INTRADAY_TYPE_IDS)
    floors.set(type, intradayFloor(bed.sim, BENCH_USER, type, startMs, endMs));
  const spreadsheetId = rt.sheets.createSpreadsheet(`intraday ${range.start}`, timeZone);
  const m = await measured(bed, rt, latencyMs, async () => {
    const entry = { fn: 'startIntraday', args: [range.start, range.end] };
    await runWithContinuations(rt, bed.clock, spreadsheetId, entry, () => false);
  });
  const sheetName = recordSheet('intraday').sheetName;
  const minutes = (endMs - startMs) / 60_000;
  const rows = { [sheetName]: dataRows(rt, spreadsheetId, sheetName) };
  if (rows[sheetName] !== minutes)
    throw new Error(`breadth: the ${sheetName} sheet has ${rows[sheetName]} rows, not ${minutes}`);
  const run = `intraday ${days} d`;
  const totals: BreadthTotals = {
    run,
    days,
    metrics: INTRADAY_TYPE_IDS.length,
    requests: m.log.length,
    otherRequests: countByType(m.log).other,
    sheetCalls: m.sheetCalls,
    executions: m.executions,
    wallMs: m.wallMs,
    rows,
  };
  return { rows: typeRows(run, m, floors), totals };
}
