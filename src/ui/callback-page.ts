// The page the person sees after the provider's consent screen: one outcome, in plain words, with
// what to do next. Built only from the outcome's words: never a token, secret or response body.
import type { CallbackOutcome } from '../app/callback-outcome';
import { escapeHtml as e } from './escape';
import { page, pageTitle, type Tone } from './page-style';

const CLOSE = '<p class="hint">You can close this tab and go back to the spreadsheet.</p>';
const AGAIN =
  '<p>Go back to the spreadsheet, open the add-on’s sidebar and click <strong>Authorize</strong> to start again.</p>' +
  CLOSE;

function list(items: string[]): string {
  return '<ul>' + items.map((i) => `<li>${e(i)}</li>`).join('') + '</ul>';
}

export interface CallbackPage {
  title: string;
  html: string;
}

export function callbackPage(outcome: CallbackOutcome): CallbackPage {
  const [heading, tone, body] = content(outcome);
  const title = pageTitle(heading);
  return { title, html: page(title, tone, `<h1>${e(heading)}</h1>${body}`, 'page') };
}

function content(o: CallbackOutcome): [string, Tone, string] {
  switch (o.kind) {
    case 'connected': {
      const who = o.account ? ` as <strong class="account">${e(o.account)}</strong>` : '';
      let body = `<p>The add-on is connected to ${e(o.providerLabel)}${who}. It may read:</p>${list(o.granted)}`;
      if (o.missing.length > 0) {
        body +=
          `<p><strong>You did not allow everything the add-on asked for.</strong> It stays connected, but these columns will stay empty:</p>${list(o.missing)}` +
          '<p>To add them later, click <strong>Authorize</strong> in the sidebar again and tick every box.</p>';
        return ['Connected, with some data left out', 'warn', body + CLOSE];
      }
      return ['Connected', 'ok', body + CLOSE];
    }
    case 'account-not-linked': {
      const link = o.signUpUrl
        ? `<p><a class="btn" href="${e(o.signUpUrl)}" target="_blank" rel="noopener">Set up your Google Health profile</a></p>`
        : '<p>Sign in to the Fitbit app with this Google account to create one.</p>';
      return [
        'Your Google account has no health profile yet',
        'warn',
        `<p>You allowed access, but this Google account has no Google Health (Fitbit) profile, so there is no data to read.</p>${link}<p>When that is done, click <strong>Authorize</strong> in the sidebar again.</p>${CLOSE}`,
      ];
    }
    case 'declined':
      return [
        'Not connected: access was declined',
        'warn',
        `<p>You chose not to give the add-on access to your ${e(o.providerLabel)} data, so nothing was stored.</p><p>If that was a mistake, click <strong>Authorize</strong> in the sidebar and choose <strong>Allow</strong>.</p>${CLOSE}`,
      ];
    case 'state-expired':
      return [
        'This sign-in link has expired',
        'bad',
        `<p>For your safety a sign-in link works for ${o.windowMinutes} minutes only, and this one is older.</p>${AGAIN}`,
      ];
    case 'state-used':
      return [
        'This sign-in link was already used',
        'bad',
        `<p>Each sign-in link works once. This one was used already, or a newer one was started since.</p><p>If the sidebar says you are connected, there is nothing more to do.</p>${AGAIN}`,
      ];
    case 'code-rejected':
      return [
        'The provider did not accept the sign-in',
        'bad',
        `<p>${e(o.providerLabel)} refused the one-time code (${e(o.code)}): it may have expired (it lasts a few minutes) or been used already.</p>${AGAIN}`,
      ];
    case 'bad-client':
      return [
        'The client ID or secret is wrong',
        'bad',
        `<p>${e(o.providerLabel)} did not recognise the add-on’s client ID and secret (${e(o.code)}).</p><p>Open the sidebar’s <strong>Setup</strong>, paste the client ID and secret again exactly as the provider shows them${o.providerLabel.startsWith('Fitbit') ? ', check the app type' : ''}, save, and click <strong>Authorize</strong>.</p>${CLOSE}`,
      ];
    case 'retired':
      return [
        'Fitbit turned this API off',
        'bad',
        `<p>Fitbit turned off its legacy Web API and sign-in on 2 Nov 2026; it now answers “410 Gone”.</p><p>Open the sidebar’s <strong>Setup</strong>, choose <strong>Google Health</strong> (its successor, same Fitbit data), and connect again.</p>${CLOSE}`,
      ];
    case 'unavailable':
      return [
        'The provider is not answering right now',
        'bad',
        `<p>${e(o.providerLabel)} could not complete the sign-in just now. Nothing was stored.</p><p>Wait a few minutes, then click <strong>Authorize</strong> in the sidebar again.</p>${CLOSE}`,
      ];
    case 'setup-changed':
      return [
        'Setup changed during sign-in',
        'bad',
        `<p>The add-on’s provider or client was changed (or removed) after this sign-in started.</p>${AGAIN}`,
      ];
    case 'failed':
      return [
        'Sign-in did not finish',
        'bad',
        `<p>${e(o.providerLabel)} ended the sign-in with an error (${e(o.code)}).</p>${AGAIN}`,
      ];
  }
}
