// The two baseline strategies as bench trials: each runs its Apps Script source in its own local
// runtime against the shared simulator, with the token the add-on's connect flow obtained.
import { addDays, dayCount, eachDay, type DateRange } from '../src/core/dates';
import { DEFAULT_METRIC_IDS, metric, supportedMetricIds } from '../src/providers/metrics';
import { dataSourceFor } from '../src/app/providers';
import type { ProviderId } from '../src/providers/provider';
import type { Runtime } from '../dev/runtime/index';
import { BENCH_USER } from './bed';
import type { Trial } from './measure';

/** A column of the per-day script (see bench/scripts/per-day.ts). */
export interface PerDayColumn {
  header: string;
  fitbitField?: string;
  dataType?: string;
  member?: string;
  field?: string;
  level?: string;
  kind?: 'int64' | 'double' | 'duration-minutes' | 'active-minutes';
}

/** The default metrics as the per-day script reads them from one day's answer. */
export function perDayColumns(provider: ProviderId): PerDayColumn[] {
  const out: PerDayColumn[] = [];
  for (const id of supportedMetricIds(provider, DEFAULT_METRIC_IDS)) {
    const m = metric(id);
    if (provider === 'fitbit' && m.fitbit?.summaryField)
      out.push({ header: m.label, fitbitField: m.fitbit.summaryField });
    if (provider === 'google-health' && m.google) {
      const v = m.google.value;
      // The per-day script reads the default (activity) metrics only: single-field values.
      if (
        v.kind === 'int64-sum' ||
        v.kind === 'double-difference' ||
        v.kind === 'sleep' ||
        v.kind === 'zone-minutes' ||
        v.kind === 'enum-text'
      )
        continue;
      out.push({
        header: m.label,
        dataType: m.google.dataType,
        member: m.google.member,
        kind: v.kind,
        ...(v.kind === 'active-minutes' ? { level: v.level } : { field: v.field }),
      });
    }
  }
  return out;
}

/** Requests the per-day strategy makes: one per day, times the data types for Google. */
export function perDayRequestCount(provider: ProviderId, days: number): number {
  if (provider === 'fitbit') return days;
  return days * new Set(perDayColumns(provider).map((c) => c.dataType)).size;
}

/** Requests the add-on's plan makes for the range (one page each: pageSize = days in chunk). */
export function plannedRequestCount(provider: ProviderId, range: DateRange): number {
  return dataSourceFor(provider).plan(range, DEFAULT_METRIC_IDS, 'metric').length;
}

/** Data rows (below the header) of the first sheet of a spreadsheet. */
function dataRows(rt: Runtime, spreadsheetId: string): number {
  return Math.max(0, rt.sheets.get(spreadsheetId).sheets[0].lastRow() - 1);
}

async function runScript(
  rt: Runtime,
  fn: string,
  args: unknown,
  spreadsheetId: string,
  stop: () => boolean,
): Promise<{ completed: boolean; rows: number }> {
  let stopped = false;
  const r = await rt.run(fn, [args], {
    user: BENCH_USER,
    spreadsheetId,
    killWhen: () => (stopped = stopped || stop()),
  });
  if (!r.ok && !stopped) throw new Error(`${fn} failed: ${r.error.message}`);
  return { completed: r.ok, rows: dataRows(rt, spreadsheetId) };
}

export function perDayTrial(
  rt: Runtime,
  provider: ProviderId,
  range: DateRange,
  accessToken: string,
  timeZone: string,
): Trial {
  const spreadsheetId = rt.sheets.createSpreadsheet(`per-day ${range.start}`, timeZone);
  const args = {
    provider,
    accessToken,
    start: range.start,
    days: dayCount(range),
    columns: perDayColumns(provider),
  };
  return { rt, execute: (stop) => runScript(rt, 'perDayBaseline', args, spreadsheetId, stop) };
}

export function perCellTrial(
  rt: Runtime,
  provider: ProviderId,
  range: DateRange,
  accessToken: string,
  timeZone: string,
): Trial {
  const spreadsheetId = rt.sheets.createSpreadsheet(`per-cell ${range.start}`, timeZone);
  const args = { provider, accessToken, range, metricIds: [...DEFAULT_METRIC_IDS] };
  return { rt, execute: (stop) => runScript(rt, 'perCellBaseline', args, spreadsheetId, stop) };
}

/** The add-on's backfill range for `days` days: up to today in the spreadsheet's time zone. */
export function rangeEndingToday(nowMs: number, timeZone: string, days: number): DateRange {
  const end = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(nowMs));
  const range = { start: addDays(end, -(days - 1)), end };
  if (eachDay(range).length !== days) throw new Error(`bad range for ${days} days`);
  return range;
}
