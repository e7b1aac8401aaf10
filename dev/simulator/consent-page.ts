// The HTML a person sees at the provider: the consent form (app name, one checkbox per requested
// scope, a user picker, Allow and Deny) and the error page shown for an invalid request.
import { escapeHtml } from './responses';
import type { ProviderName } from './types';

const BRAND: Record<ProviderName, string> = { fitbit: 'Fitbit', google: 'Google Account' };

function layout(provider: ProviderName, title: string, main: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${BRAND[provider]} (simulator)</title>
<style>
body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#202124}
fieldset{border:1px solid #dadce0;border-radius:8px;margin:1rem 0;padding:.75rem 1rem}
label{display:block;margin:.35rem 0} button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem}
.error{border-left:4px solid #d93025;padding-left:1rem}
</style></head>
<body><main>${main}</main></body></html>`;
}

export interface ConsentPageModel {
  provider: ProviderName;
  action: string;
  consentId: string;
  appName: string;
  scopes: { value: string; label: string }[];
  users: string[];
  selectedUser: string | null;
  message?: string;
}

export function renderConsentPage(m: ConsentPageModel): string {
  const scopeBoxes = m.scopes
    .map(
      (s, i) =>
        `<label for="scope-${i}"><input type="checkbox" id="scope-${i}" name="scope" value="${escapeHtml(s.value)}" checked> ${escapeHtml(s.label)}</label>`,
    )
    .join('\n');
  const options = m.users
    .map(
      (u) =>
        `<option value="${escapeHtml(u)}"${u === m.selectedUser ? ' selected' : ''}>${escapeHtml(u)}</option>`,
    )
    .join('');
  const message = m.message ? `<p role="alert" class="error">${escapeHtml(m.message)}</p>` : '';
  return layout(
    m.provider,
    `Authorize ${m.appName}`,
    `<h1>${escapeHtml(m.appName)} wants to access your ${BRAND[m.provider]}</h1>
${message}
<form method="post" action="${escapeHtml(m.action)}">
<input type="hidden" name="consent_id" value="${escapeHtml(m.consentId)}">
<label for="user">Signed in as</label>
<select id="user" name="user">${options}</select>
<fieldset><legend>Allow ${escapeHtml(m.appName)} to:</legend>
${scopeBoxes}
</fieldset>
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

export function renderErrorPage(
  provider: ProviderName,
  error: string,
  description: string,
  status: number,
): string {
  const heading =
    provider === 'google'
      ? `Error ${status}: ${error}`
      : 'The app you are trying to connect did not provide valid information to Fitbit.';
  const detail =
    provider === 'google'
      ? `<p>${escapeHtml(description)}</p>`
      : `<p>Developer information: ${escapeHtml(error)} - ${escapeHtml(description)}</p>`;
  return layout(
    provider,
    'Error',
    `<section class="error" role="alert"><h1>${escapeHtml(heading)}</h1>${detail}</section>`,
  );
}
