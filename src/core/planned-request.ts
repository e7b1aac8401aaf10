// A planned provider request as plain JSON data: it can sit in a checkpoint and is turned into an
// HttpRequest (the Http port's shape) only when it is sent.
/**
 * API:
 * - `PlannedRequest`: id (unique within a plan, readable, secret-free), method, url, headers,
 *   optional JSON `body` text, `shape` (which parser reads the answer), `covers` (the inclusive
 *   date range and metric ids the answer fills; no metric ids for a request that only feeds record
 *   sheets), `units`, optional `weightUnit`, optional `page` (1-based, Google paging), `state` (a
 *   paged parser's running total, carried to the next page) and `records` (the record sheets its
 *   answer feeds).
 * - `toHttpRequest(planned, authorization?)`: the HttpRequest to send; the caller passes the
 *   Authorization header value (planned requests never hold a token).
 * - `isRecordsOnly(request)`: it feeds record sheets only (no day cell waits for it).
 * - `orderByLastDay(requests)`: stable sort by the last day covered, so that finishing requests
 *   in plan order completes days from the start of the range onwards.
 */
import type { HttpRequest } from './ports';
import type { DateRange } from './dates';
import type { UnitSystem, WeightUnit } from './units';
import type { RecordSheetId } from './records';
import type { ZoneOffsets } from './zone-offsets';

export type ResponseShape =
  | 'fitbit-series'
  | 'fitbit-day'
  | 'google-daily-rollup'
  | 'google-daily-list'
  | 'google-sleep-list'
  | 'google-height-list'
  | 'google-exercise-list'
  | 'google-minute-rollup';

/** Metric ids are opaque keys here (the catalog lives in providers/metrics.ts). */
export interface RequestCoverage extends DateRange {
  metricIds: string[];
}

export interface PlannedRequest {
  id: string;
  method: 'get' | 'post';
  url: string;
  headers: Record<string, string>;
  body?: string;
  shape: ResponseShape;
  covers: RequestCoverage;
  units: UnitSystem;
  /** The weight unit the person chose apart from the unit system (absent: the system's own). */
  weightUnit?: WeightUnit;
  page?: number;
  /**
   * What the parser of a paged answer hands from one page to the next (JSON text, never sent):
   * sleep sessions of one day can straddle two pages. Pages of one request are read in one
   * execution, so it never needs to outlive it.
   */
  state?: string;
  records?: RecordSheetId[];
  /** The spreadsheet zone's offsets, for answers keyed by local clock time (intraday minutes). */
  zone?: ZoneOffsets;
}

/** A request whose answer fills no day cell: it feeds record sheets only. */
export function isRecordsOnly(request: PlannedRequest): boolean {
  return request.covers.metricIds.length === 0 && (request.records?.length ?? 0) > 0;
}

/**
 * UrlFetchApp takes the content type through its own `contentType` option rather than a header,
 * so a planned 'Content-Type' header moves there; the body goes out as the string it is.
 */
export function toHttpRequest(planned: PlannedRequest, authorization?: string): HttpRequest {
  const headers: Record<string, string> = {};
  let contentType: string | undefined;
  for (const [name, value] of Object.entries(planned.headers)) {
    if (name.toLowerCase() === 'content-type') contentType = value;
    else headers[name] = value;
  }
  if (authorization !== undefined) headers.Authorization = authorization;
  const request: HttpRequest = { url: planned.url, method: planned.method, headers };
  if (planned.body !== undefined) request.payload = planned.body;
  if (contentType !== undefined) request.contentType = contentType;
  return request;
}

export function orderByLastDay(requests: readonly PlannedRequest[]): PlannedRequest[] {
  return requests
    .map((request, index) => ({ request, index }))
    .sort((a, b) =>
      a.request.covers.end === b.request.covers.end
        ? a.index - b.index
        : a.request.covers.end < b.request.covers.end
          ? -1
          : 1,
    )
    .map((x) => x.request);
}
