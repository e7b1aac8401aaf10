// The add-on's own strategy as a bench trial: its "Backfill" entry point in a fresh spreadsheet,
// then every continuation trigger it schedules, fired at its time on the shared clock.
import type { Runtime } from '../dev/runtime/index';
import type { Clock } from '../dev/clock';
import type { DateRange } from '../src/core/dates';
import { BENCH_USER } from './bed';
import type { Trial } from './measure';

/** Handler of the add-on's one-off continuation trigger (src/app/sync/schedule.ts). */
const CONTINUE_HANDLER = 'continueSync';
/** The first account's data sheet (src/app/sync/accounts.ts). */
const SHEET_NAME = 'Activity';
/** A continuation loop that never ends is a bug, not a measurement. */
const MAX_CONTINUATIONS = 200;

function dataRows(rt: Runtime, spreadsheetId: string): number {
  const sheet = rt.sheets.get(spreadsheetId).sheets.find((s) => s.name === SHEET_NAME);
  return sheet ? Math.max(0, sheet.lastRow() - 1) : 0;
}

function pendingContinuation(rt: Runtime, spreadsheetId: string) {
  return rt.triggers
    .list({ user: BENCH_USER, spreadsheetId })
    .find((t) => t.handler === CONTINUE_HANDLER && t.nextRunAt !== null);
}

/**
 * Starts a backfill of `range` (it ends today in the spreadsheet's zone, as the add-on's backfill
 * does). Waits between continuations are skipped by advancing the shared clock: wall time counts
 * only the executions themselves.
 */
export function addOnTrial(rt: Runtime, clock: Clock, range: DateRange, timeZone: string): Trial {
  const spreadsheetId = rt.sheets.createSpreadsheet(`addon ${range.start}`, timeZone);
  return {
    rt,
    async execute(stop) {
      let stopped = false;
      const first = await rt.runFromClient('startBackfill', [range.start], {
        user: BENCH_USER,
        spreadsheetId,
        killWhen: () => (stopped = stopped || stop()),
      });
      if (stopped) return { completed: false, rows: dataRows(rt, spreadsheetId) };
      if (!first.ok) throw new Error(`startBackfill failed: ${first.error.message}`);
      const answer = first.value as { ok?: boolean; message?: string } | null;
      if (answer && answer.ok === false) throw new Error(`startBackfill: ${answer.message}`);
      for (let n = 0; ; n++) {
        const next = pendingContinuation(rt, spreadsheetId);
        if (!next || next.nextRunAt === null) break;
        if (stop()) return { completed: false, rows: dataRows(rt, spreadsheetId) };
        if (n >= MAX_CONTINUATIONS) throw new Error(`over ${MAX_CONTINUATIONS} continuations`);
        clock.advance(Math.max(0, next.nextRunAt - clock.now()));
        const r = await rt.triggers.fire(next.id);
        if (!r.ok) throw new Error(`${CONTINUE_HANDLER} failed: ${r.error.message}`);
      }
      return { completed: true, rows: dataRows(rt, spreadsheetId) };
    },
  };
}
