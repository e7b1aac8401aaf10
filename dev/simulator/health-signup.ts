// The page ACCOUNT_NOT_LINKED points to (metadata.redirect_uri): lets a simulated person set up a
// Google Health profile so the playground can walk through that recovery. Invented: the real
// sign-up flow is in Google's apps, not a documented web page.
import type { SimContext } from './context';
import { escapeHtml, html, parseForm } from './responses';
import type { Route } from './routes';

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Set up Google Health (simulator)</title></head><body><main>${body}</main></body></html>`;
}

export const HEALTH_SIGNUP_ROUTES: Route[] = [
  {
    host: 'accounts.google.com',
    method: 'GET',
    template: '/health/signup',
    kind: 'page',
    handle: (ctx: SimContext) => {
      const options = [...ctx.users.values()]
        .filter((u) => !u.healthLinked)
        .map((u) => `<option value="${escapeHtml(u.email)}">${escapeHtml(u.email)}</option>`)
        .join('');
      return html(
        200,
        page(`<h1>Set up Google Health</h1>
<form method="post" action="/accounts.google.com/health/signup">
<label for="user">Account</label> <select id="user" name="user">${options}</select>
<button type="submit">Create my health profile</button></form>`),
      );
    },
  },
  {
    host: 'accounts.google.com',
    method: 'POST',
    template: '/health/signup',
    kind: 'page',
    handle: (ctx, req) => {
      const user = ctx.users.get(parseForm(req.body).get('user') ?? '');
      if (!user) return html(400, page('<p role="alert">Unknown account.</p>'));
      user.healthLinked = true;
      return html(
        200,
        page(
          `<p>Google Health is set up for ${escapeHtml(user.email)}. You can close this page.</p>`,
        ),
      );
    },
  },
];
