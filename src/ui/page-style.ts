// The Google add-on look shared by server-built pages (callback pages, dialogs), inline: no
// external stylesheet or font, so the pages work offline and load nothing from elsewhere.
import { PRODUCT_NAME } from '../app/product';
import { escapeHtml as e } from './escape';

// The sidebar's look (Google's add-on CSS package: 13px Arial, a blue action button, grey
// secondary text), with colours chosen for WCAG 2.1 AA contrast on white: #202124 15.8:1,
// #5f6368 6.0:1, the heading tones at least 4.9:1, white on the #1a73e8 button 4.5:1.
export const PAGE_STYLE = `
*{box-sizing:border-box}
body{font-family:Arial,Roboto,Helvetica,sans-serif;font-size:13px;line-height:1.5;color:#202124;background:#fff;margin:0}
.brand{display:flex;align-items:center;gap:8px;padding:12px 24px;border-bottom:1px solid #dadce0;font-size:14px;color:#3c4043}
.brand-icon{width:18px;height:22px;border-radius:2px;background:#188038;flex:none}
main{max-width:560px;margin:0 auto;padding:24px}
.dialog main{padding:4px 0}
h1{font-size:18px;font-weight:normal;line-height:1.35;margin:0 0 12px;padding-left:12px;border-left:4px solid}
.ok h1{color:#137333;border-color:#137333}.warn h1{color:#a04900;border-color:#e37400}.bad h1{color:#c5221f;border-color:#c5221f}
p{margin:8px 0}
ul{margin:8px 0;padding-left:20px}
strong{font-weight:bold}
.account{white-space:nowrap}
a{color:#1a73e8}
.hint{color:#5f6368;font-size:12px}
.btn,.action{display:inline-block;font:inherit;font-size:13px;line-height:20px;min-height:36px;padding:8px 16px;border-radius:4px;border:1px solid #1a73e8;background:#1a73e8;color:#fff;text-decoration:none;cursor:pointer}
.btn:hover,.action:hover{background:#1765cc;border-color:#1765cc}
a:focus-visible,button:focus-visible,.btn:focus-visible{outline:2px solid #1a73e8;outline-offset:2px}
`;

export type Tone = 'ok' | 'warn' | 'bad';

/**
 * A whole page: `title` (plain text) names it in the browser tab, after the product name's
 * place; `body` is trusted HTML built by the caller from escaped parts. A full page carries the
 * product name as a banner; a dialog does not (Sheets titles the dialog itself).
 */
export function page(
  title: string,
  tone: Tone,
  body: string,
  kind: 'page' | 'dialog' = 'dialog',
): string {
  const banner =
    kind === 'page'
      ? `<header class="brand"><span class="brand-icon" aria-hidden="true"></span>${e(PRODUCT_NAME)}</header>`
      : '';
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${e(title)}</title><style>${PAGE_STYLE}</style></head>` +
    `<body class="${kind}">${banner}<main class="${tone}">${body}</main></body></html>`
  );
}

/** The browser tab's title of a page: what happened, then whose page it is. */
export function pageTitle(what: string): string {
  return `${what} – ${PRODUCT_NAME}`;
}
