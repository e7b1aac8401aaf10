// The connect/setup use cases as the entry points of main.ts call them: each builds the context,
// runs one use case and returns only browser-safe values (never a secret or token).
import { callbackPage } from '../ui/callback-page';
import { authorizeDialog, messageDialog } from '../ui/authorize-dialog';
import { htmlPage, showDialog, showSidebarFile, toast } from '../gas/ui';
import { appContext } from './composition';
import { completeAuthorization, disconnect, startAuthorization } from './connect';
import { checkIdentity } from './identity';
import { PRODUCT_NAME } from './product';
import { currentSession } from './session';
import { saveSetup, type SaveSetupResult } from './setup';
import type { SetupInput } from './setup-validation';
import { sidebarState, type SidebarState } from './sidebar-state';
import { MESSAGES } from './messages';
import { stopDaily } from './sync/sync-entry';

export function openSidebar(): void {
  showSidebarFile();
}

export function getState(): SidebarState {
  return sidebarState(appContext());
}

export function saveSetupAndState(
  input: SetupInput,
): { ok: true; state: SidebarState } | Exclude<SaveSetupResult, { ok: true }> {
  const ctx = appContext();
  const result = saveSetup(ctx, input);
  if (!result.ok) return result;
  return { ok: true, state: sidebarState(ctx) };
}

export function authorizationUrl(): string {
  return startAuthorization(appContext());
}

export function handleAuthCallback(request: {
  parameter?: Record<string, string>;
}): GoogleAppsScript.HTML.HtmlOutput {
  const outcome = completeAuthorization(appContext(), request?.parameter ?? {});
  const pageContent = callbackPage(outcome);
  return htmlPage(pageContent.html, pageContent.title);
}

/** Disconnects and switches the daily sync off: with no access left it could only fail. */
export function disconnectAndState(): SidebarState {
  const ctx = appContext();
  disconnect(ctx);
  stopDaily(ctx);
  return sidebarState(ctx);
}

export function menuAuthorizeDialog(): void {
  const ctx = appContext();
  const session = currentSession(ctx);
  if (!session) {
    showDialog(messageDialog(ctx.setup.problem() ?? MESSAGES.notConfigured), 'Setup needed');
    return;
  }
  showDialog(authorizeDialog(startAuthorization(ctx), session.provider.label), 'Authorize');
}

export function menuDisconnectToast(): void {
  const ctx = appContext();
  disconnect(ctx);
  toast('Disconnected: the add-on no longer has access to your data.', PRODUCT_NAME);
}

/** The identity call on demand: refreshes the token if needed and updates the status. */
export function checkAndState(): SidebarState {
  const ctx = appContext();
  const session = currentSession(ctx);
  if (session && session.client.token()) checkIdentity(ctx, session);
  return sidebarState(ctx);
}
