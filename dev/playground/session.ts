// What the playground remembers between requests (simulated user, execution log, closed sidebar)
// and the views of runtime state it sends to the page.
import type { Clock } from '../clock';
import type { Runtime } from '../runtime/index';
import type { Simulator } from '../simulator/index';
import { DEFAULT_USER } from './demo-setup';
import {
  menuView,
  sheetView,
  sidebarOf,
  toastsOf,
  type MenuView,
  type SheetView,
} from './sheet-view';
import type { SseHub } from './sse-hub';

export interface ExecutionEntry {
  at: number;
  fn: string;
  user: string;
  ok: boolean;
  durationMs: number;
  error?: string;
}

export interface ToastView {
  /** Position in the runtime's toast list: the page shows each toast once. */
  seq: number;
  title: string;
  message: string;
  timeoutSeconds: number;
}

export interface UiView {
  menus: MenuView[];
  /** version changes with every Ui.showSidebar call, so the page reloads its iframe. */
  sidebar: { title: string; width: number; version: number } | null;
  toasts: ToastView[];
}

export interface StatusView {
  user: string;
  users: string[];
  now: number;
  /** How far the clock was moved on by hand (the +1 hour buttons), not real elapsed time. */
  advancedMs: number;
  retired: boolean;
  triggers: Array<{ handler: string; at: number | null; user: string }>;
}

/** What Runtime emits on 'execution' (dev/runtime/runtime.ts). */
type RuntimeExecutionEvent =
  | { type: 'start'; executionId: string; fn: string; user: string }
  | { type: 'end'; executionId: string; fn: string; ok: boolean; error?: string };

const MAX_LOG = 200;
const RECENT_TOASTS = 10;

export class PlaygroundSession {
  user = DEFAULT_USER;
  readonly users: string[] = [];
  readonly executions: ExecutionEntry[] = [];
  private readonly started = new Map<string, { at: number; t0: number; user: string }>();
  /** The sidebar record the person closed; it stays closed until the add-on shows another. */
  private closedSidebar: object | null = null;

  constructor(
    readonly runtime: Runtime,
    readonly simulator: Simulator,
    readonly clock: Clock,
    private readonly hub: SseHub,
    readonly spreadsheetId: string,
  ) {}

  get runOptions(): { user: string; spreadsheetId: string } {
    return { user: this.user, spreadsheetId: this.spreadsheetId };
  }

  /** Makes a simulated person known to the simulator (who can then consent) and to the page. */
  addUser(email: string, extra: { healthLinked?: boolean } = {}): void {
    if (this.users.includes(email)) return;
    if (!this.simulator.users.has(email)) this.simulator.addUser({ email, ...extra });
    this.users.push(email);
  }

  /**
   * Switches the person using the spreadsheet. Menus are per user in Sheets, so the document is
   * opened for them (onOpen) the first time.
   */
  async switchUser(email: string): Promise<string | null> {
    const hasMenus = this.runtime.sheets.ui.menus(this.spreadsheetId, email).length > 0;
    const problem = hasMenus ? null : await this.openDocument(email);
    this.user = email;
    this.pushUi();
    this.pushStatus();
    return problem;
  }

  /**
   * Opens the document as the current user: Sheets runs onOpen as a simple trigger in
   * AuthMode.NONE before the add-on is enabled, so it may build the menu and nothing more.
   */
  async openDocument(user = this.user): Promise<string | null> {
    this.runtime.sheets.ui.clearMenus(this.spreadsheetId, user);
    const result = await this.runtime.run('onOpen', [{ authMode: 'NONE' }], {
      user,
      spreadsheetId: this.spreadsheetId,
      authMode: 'NONE',
    });
    this.pushUi();
    return result.ok ? null : `onOpen failed: ${result.error.message}`;
  }

  /** Pairs the runtime's 'start' and 'end' execution events into one log line with a duration. */
  onExecutionEvent(event: unknown): void {
    const e = event as RuntimeExecutionEvent;
    if (e.type === 'start') {
      this.started.set(e.executionId, {
        at: this.clock.now(),
        t0: performance.now(),
        user: e.user,
      });
      return;
    }
    if (e.type !== 'end') return;
    const start = this.started.get(e.executionId);
    this.started.delete(e.executionId);
    this.recordExecution({
      at: start?.at ?? this.clock.now(),
      fn: e.fn,
      user: start?.user ?? '',
      ok: e.ok,
      durationMs: start ? performance.now() - start.t0 : 0,
      ...(e.error !== undefined ? { error: e.error } : {}),
    });
  }

  recordExecution(entry: ExecutionEntry): void {
    this.executions.push(entry);
    if (this.executions.length > MAX_LOG)
      this.executions.splice(0, this.executions.length - MAX_LOG);
    this.hub.send('execution', entry);
  }

  sheet(): SheetView {
    return sheetView(this.runtime.sheets, this.spreadsheetId);
  }

  ui(): UiView {
    const host = this.runtime.sheets;
    const sidebar = sidebarOf(host, this.spreadsheetId, this.user);
    const all = host.ui.toasts;
    const toasts = toastsOf(host, this.spreadsheetId, this.user)
      .slice(-RECENT_TOASTS)
      .map((t) => ({
        seq: all.indexOf(t),
        title: t.title,
        message: t.message,
        timeoutSeconds: t.timeoutSeconds,
      }));
    return {
      menus: menuView(host, this.spreadsheetId, this.user),
      sidebar:
        sidebar && sidebar !== this.closedSidebar
          ? {
              title: sidebar.title,
              width: sidebar.width,
              version: host.ui.sidebars.indexOf(sidebar),
            }
          : null,
      toasts,
    };
  }

  /** The HTML of the sidebar on show, or null once closed. */
  sidebarHtml(): string | null {
    const sidebar = sidebarOf(this.runtime.sheets, this.spreadsheetId, this.user);
    return sidebar && sidebar !== this.closedSidebar ? sidebar.html : null;
  }

  closeSidebar(): void {
    this.closedSidebar = sidebarOf(this.runtime.sheets, this.spreadsheetId, this.user);
  }

  status(): StatusView {
    return {
      user: this.user,
      users: [...this.users],
      now: this.clock.now(),
      advancedMs: this.clock.advanced,
      retired: this.simulator.settings.retired,
      triggers: this.runtime.triggers.list({ spreadsheetId: this.spreadsheetId }).map((t) => ({
        handler: t.handler,
        at: t.nextRunAt,
        user: t.user,
      })),
    };
  }

  pushUi(): void {
    this.hub.send('ui', this.ui());
  }

  pushStatus(): void {
    this.hub.send('status', this.status());
  }

  pushSheet(): void {
    this.hub.send('sheet', this.sheet());
  }
}
