// Google's error bodies: API errors as google.rpc.Status JSON, OAuth endpoint errors in RFC 6749's
// {"error","error_description"} shape (platform-facts.md, "Google Health API (v4)").
import { json } from './responses';
import type { GoogleReason, SimResponse } from './types';

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

/**
 * Google's answer for each ErrorInfo reason the add-on acts on, as Google sends it: HTTP status,
 * google.rpc.Status code and message, one ErrorInfo detail with domain and metadata. The project
 * is the consumer project of the OAuth client (Google client ids start with its number).
 */
export function googleReasonError(
  reason: GoogleReason,
  opts: { project: string; service: string; method: string; limit?: number; signUpUrl?: string },
): SimResponse {
  const { project, service, method } = opts;
  switch (reason) {
    case 'SERVICE_DISABLED': {
      const activationUrl = `https://console.developers.google.com/apis/api/${service}/overview?project=${project}`;
      return googleApiError(
        403,
        'PERMISSION_DENIED',
        `Google Health API has not been used in project ${project} before or it is disabled. Enable it by visiting ${activationUrl} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`,
        {
          reason,
          domain: 'googleapis.com',
          metadata: {
            service,
            consumer: `projects/${project}`,
            activationUrl,
            serviceTitle: 'Google Health API',
            containerInfo: project,
          },
        },
      );
    }
    case 'ACCESS_TOKEN_SCOPE_INSUFFICIENT':
      return googleApiError(
        403,
        'PERMISSION_DENIED',
        'Request had insufficient authentication scopes.',
        {
          reason,
          domain: 'googleapis.com',
          metadata: { service, method },
        },
      );
    case 'RATE_LIMIT_EXCEEDED':
      return googleApiError(
        429,
        'RESOURCE_EXHAUSTED',
        `Quota exceeded for quota metric 'Requests' and limit 'Requests per minute per user' of service '${service}' for consumer 'project_number:${project}'.`,
        {
          reason,
          domain: 'googleapis.com',
          metadata: {
            service,
            consumer: `projects/${project}`,
            quota_metric: `${service}/requests`,
            quota_limit: 'RequestsPerMinutePerUser',
            quota_limit_value: String(opts.limit ?? 300),
            quota_location: 'global',
          },
        },
      );
    case 'ACCOUNT_NOT_LINKED':
      return googleApiError(
        400,
        'FAILED_PRECONDITION',
        'The user has not set up a Google Health profile. Ask the user to complete sign-up and try again.',
        {
          reason,
          domain: service,
          metadata: opts.signUpUrl ? { redirect_uri: opts.signUpUrl } : {},
        },
      );
  }
}

export function googleOAuthError(status: number, error: string, description: string): SimResponse {
  return json(status, { error, error_description: description });
}
