// The pages Apps Script's /usercallback answers with when it cannot run the callback.
import { escapeHtml } from './services/html-escape';

export interface CallbackPage {
  status: number;
  html: string;
  title: string;
}

export function errorPage(status: number, message: string): CallbackPage {
  return {
    status,
    title: 'Error',
    html: `<!DOCTYPE html><html><head><title>Error</title></head><body><div>${escapeHtml(message)}</div></body></html>`,
  };
}

/** Apps Script's page for a state token that is expired, forged or for another script. */
export const INVALID_STATE_MESSAGE = 'The state token is invalid or has expired. Please try again.';
/** Apps Script's page when the callback returned no HtmlOutput. */
export const NO_OUTPUT_MESSAGE = 'The script completed but did not return anything.';
