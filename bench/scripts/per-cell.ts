// The "per-cell" baseline: the add-on's own request plan, fetchAll batches and parsers, but every
// cell written with its own Range.setValue, as scripts that loop over cells do.
// Bundled by bench/script-sources.ts into a plain Apps Script source with one global entry point.
import { addResult, type DayCells } from '../../src/core/day-values';
import { DEFAULT_MAX_BATCH } from '../../src/core/batching';
import { eachDay, type DateRange } from '../../src/core/dates';
import { toHttpRequest, type PlannedRequest } from '../../src/core/planned-request';
import type { HttpResponse } from '../../src/core/ports';
import { dataSourceFor } from '../../src/app/providers';
import type { MetricId } from '../../src/providers/metrics';
import type { ProviderId } from '../../src/providers/provider';

export interface PerCellArgs {
  provider: ProviderId;
  accessToken: string;
  range: DateRange;
  metricIds: MetricId[];
}

function send(batch: PlannedRequest[], token: string): HttpResponse[] {
  const requests = batch.map((p) => {
    const r = toHttpRequest(p, 'Bearer ' + token);
    return {
      url: r.url,
      method: r.method,
      headers: r.headers,
      payload: r.payload,
      contentType: r.contentType,
      muteHttpExceptions: true,
    } as GoogleAppsScript.URL_Fetch.URLFetchRequest;
  });
  return UrlFetchApp.fetchAll(requests).map((res) => ({
    status: res.getResponseCode(),
    headers: res.getHeaders() as Record<string, string>,
    body: res.getContentText(),
  }));
}

/** Entry point: fills the active sheet of the bound spreadsheet; returns the data rows written. */
export function perCellBaseline(args: PerCellArgs): number {
  const source = dataSourceFor(args.provider);
  const columns = source.columns(args.metricIds, 'metric');
  let pending = source.plan(args.range, args.metricIds, 'metric');
  const cells: DayCells = {};
  while (pending.length > 0) {
    const batch = pending.slice(0, DEFAULT_MAX_BATCH);
    pending = pending.slice(DEFAULT_MAX_BATCH);
    const answers = send(batch, args.accessToken);
    batch.forEach((request, i) => {
      // Limits are turned up for the bench: any non-200 is a broken run, not data.
      if (answers[i].status !== 200) throw new Error(`HTTP ${answers[i].status} for ${request.id}`);
      const result = source.parse(request, answers[i]);
      if (result.kind !== 'ok') throw new Error(result.message);
      addResult(cells, result, request.covers);
      if (result.next) pending.push(result.next);
    });
  }
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const dates = eachDay(args.range);
  // getRange outside the sheet throws, so a new sheet (1000 rows) must grow first.
  const maxRows = sheet.getMaxRows();
  if (maxRows < dates.length + 1) sheet.insertRowsAfter(maxRows, dates.length + 1 - maxRows);
  sheet.getRange(1, 1).setValue('Date');
  columns.forEach((c, j) => sheet.getRange(1, j + 2).setValue(c.header));
  dates.forEach((date, i) => {
    sheet.getRange(i + 2, 1).setValue(date);
    const row = cells[date] ?? {};
    columns.forEach((c, j) => sheet.getRange(i + 2, j + 2).setValue(row[c.metricId] ?? ''));
  });
  return dates.length;
}
