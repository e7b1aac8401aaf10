// Google's error bodies: API errors as google.rpc.Status JSON, OAuth endpoint errors in RFC 6749's
// {"error","error_description"} shape (platform-facts.md, "Google Health API (v4)").
import { json } from './responses';
import type { SimResponse } from './types';

export interface ErrorInfo {
  reason: string;
  domain: string;
  metadata?: Record<string, string>;
}

export function googleApiError(
  code: number,
  status: string,
  message: string,
  info?: ErrorInfo,
  headers: Record<string, string> = {},
): SimResponse {
  const error: Record<string, unknown> = { code, message, status };
  if (info) {
    error.details = [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', ...info }];
  }
  return json(code, { error }, headers);
}

export function googleOAuthError(status: number, error: string, description: string): SimResponse {
  return json(status, { error, error_description: description });
}
