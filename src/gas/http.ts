// Http port over UrlFetchApp.fetchAll: parallel requests, responses in order, never throwing on
// an HTTP status (muteHttpExceptions), header names lower-cased.
import type { Http, HttpRequest, HttpResponse } from '../core/ports';

function toFetchRequest(req: HttpRequest): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  const out: GoogleAppsScript.URL_Fetch.URLFetchRequest = {
    url: req.url,
    method: req.method,
    muteHttpExceptions: true,
    followRedirects: true,
  };
  if (req.headers) out.headers = req.headers;
  if (req.payload !== undefined) out.payload = req.payload;
  if (req.contentType) out.contentType = req.contentType;
  return out;
}

function toResponse(res: GoogleAppsScript.URL_Fetch.HTTPResponse): HttpResponse {
  const headers: Record<string, string> = {};
  const all = res.getAllHeaders() as Record<string, string | string[]>;
  for (const [k, v] of Object.entries(all))
    headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  return { status: res.getResponseCode(), headers, body: res.getContentText() };
}

export const urlFetchHttp: Http = {
  fetchAll(requests) {
    if (requests.length === 0) return [];
    return UrlFetchApp.fetchAll(requests.map(toFetchRequest)).map(toResponse);
  },
};
