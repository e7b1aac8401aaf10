// The dialog the menu's Authorize item shows: a server-side menu handler cannot open a window,
// so the person clicks the link, which opens the provider's consent page in a new tab.
import { PRODUCT_NAME } from '../app/product';
import { escapeHtml as e } from './escape';
import { page } from './page-style';

export function authorizeDialog(url: string, providerLabel: string): string {
  return page(
    'Authorize',
    'ok',
    `<p>Click the button to open ${e(providerLabel)}’s consent page in a new tab, allow access, then come back here.</p>` +
      `<p><a class="btn" href="${e(url)}" target="_blank" rel="noopener" onclick="setTimeout(function(){google.script.host.close()},500)">Open ${e(providerLabel)} sign-in</a></p>`,
  );
}

export function messageDialog(text: string): string {
  return page(PRODUCT_NAME, 'warn', `<p role="status">${e(text)}</p>`);
}
