// The add-on's own strategy as a bench trial: its "Backfill" entry point in a fresh spreadsheet,
// then every continuation trigger it schedules, fired at its time on the shared clock.
import { performance } from 'node:perf_hooks';
import type { Runtime } from '../dev/runtime/index';
import type { Clock } from '../dev/clock';
import type { DateRange } from '../src/core/dates';
import { BENCH_USER } from './bed';
import type { Trial } from './measure';

/** Handler of the add-on's one-off continuation trigger (src/app/sync/schedule.ts). */
const CONTINUE_HANDLER = 'continueSync';
/** The first account's data sheet (src/app/sync/accounts.ts). */
export const SHEET_NAME = 'Activity';
/** A continuation loop that never ends is a bug, not a measurement. */
const MAX_CONTINUATIONS = 200;

/** Data rows (below the header) of a sheet, 0 when the sheet does not exist. */
export function dataRows(rt: Runtime, spreadsheetId: string, sheetName = SHEET_NAME): number {
  const sheet = rt.sheets.get(spreadsheetId).sheets.find((s) => s.name === sheetName);
  return sheet ? Math.max(0, sheet.lastRow() - 1) : 0;
}

function pendingContinuation(rt: Runtime, spreadsheetId: string) {
  return rt.triggers
    .list({ user: BENCH_USER, spreadsheetId })
    .find((t) => t.handler === CONTINUE_HANDLER && t.nextRunAt !== null);
}

/**
 * Runs an add-on entry point as the sidebar would, then fires each continuation it schedules until
 * none is left. Waits between continuations are skipped by advancing the shared clock: wall time
 * counts only the executions themselves. Returns false when `stop()` cut the run short.
 */
export async function runWithContinuations(
  rt: Runtime,
  clock: Clock,
  spreadsheetId: string,
  entry: { fn: string; args: unknown[] },
  stop: () => boolean,
): Promise<boolean> {
  let stopped = false;
  const first = await rt.runFromClient(entry.fn, entry.args, {
    user: BENCH_USER,
    spreadsheetId,
    killWhen: () => (stopped = stopped || stop()),
  });
  if (stopped) return false;
  if (!first.ok) throw new Error(`${entry.fn} failed: ${first.error.message}`);
  const answer = first.value as { ok?: boolean; message?: string } | null;
  if (answer && answer.ok === false) throw new Error(`${entry.fn}: ${answer.message}`);
  for (let n = 0; ; n++) {
    const next = pendingContinuation(rt, spreadsheetId);
    if (!next || next.nextRunAt === null) return true;
    if (stop()) return false;
    if (n >= MAX_CONTINUATIONS) throw new Error(`over ${MAX_CONTINUATIONS} continuations`);
    clock.advance(Math.max(0, next.nextRunAt - clock.now()));
    const r = await rt.triggers.fire(next.id);
    if (!r.ok) throw new Error(`${CONTINUE_HANDLER} failed: ${r.error.message}`);
  }
}

/** Starts a backfill of `range` (it ends today in the spreadsheet's zone, as the add-on's does). */
export function addOnTrial(
  rt: Runtime,
  clock: Clock,
  range: DateRange,
  timeZone: string,
): Trial & { spreadsheetId: string } {
  const spreadsheetId = rt.sheets.createSpreadsheet(`addon ${range.start}`, timeZone);
  return {
    rt,
    spreadsheetId,
    async execute(stop) {
      const entry = { fn: 'startBackfill', args: [range.start] };
      const completed = await runWithContinuations(rt, clock, spreadsheetId, entry, stop);
      return { completed, rows: dataRows(rt, spreadsheetId) };
    },
  };
}

/**
 * "Refresh dashboard" from the sidebar on the spreadsheet a finished add-on trial synced: its
 * Sheets calls and wall time (it sends no request).
 */
export async function dashboardRefresh(
  rt: Runtime,
  spreadsheetId: string,
): Promise<{ sheetCalls: number; wallMs: number }> {
  const before = rt.sheets.calls.total;
  const start = performance.now();
  const r = await rt.runFromClient('refreshDashboard', [], { user: BENCH_USER, spreadsheetId });
  const wallMs = Math.round(performance.now() - start);
  if (!r.ok) throw new Error(`refreshDashboard failed: ${r.error.message}`);
  const answer = r.value as { ok?: boolean; message?: string } | null;
  if (answer?.ok !== true) throw new Error(`refreshDashboard: ${answer?.message}`);
  return { sheetCalls: rt.sheets.calls.total - before, wallMs };
}
