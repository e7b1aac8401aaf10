// The Sheets user interface as scripts drive it: menus per (spreadsheet, user) as built with
// createMenu/createAddonMenu, the sidebar shown, dialogs, toasts, and alert/prompt answered with
// canned responses. Everything is recorded as data for tests and a live web page.
import type { ButtonName, ButtonSetName, DialogAnswer, DialogRequest, HtmlData } from './refs';

export type MenuEntry = { label: string; functionName: string } | 'separator' | MenuSpec;

export interface MenuSpec {
  title: string;
  items: MenuEntry[];
  /** True for the add-on menu (Extensions > add-on name). */
  addOn: boolean;
}

interface Where {
  spreadsheetId: string;
  user: string;
  /** Clock time (ms since the epoch) when it happened. */
  at: number;
}

export interface SidebarRecord extends Where {
  title: string;
  html: string;
  width: number;
}

export interface DialogRecord extends Where {
  kind: 'modal' | 'modeless';
  title: string;
  html: string;
  width: number;
  height: number;
}

export interface ToastRecord extends Where {
  message: string;
  title: string;
  timeoutSeconds: number;
}

export interface AskRecord extends Where, DialogRequest {
  kind: 'alert' | 'prompt';
  answer: DialogAnswer;
}

export type UiEvent =
  | ({ type: 'menu'; menus: MenuSpec[] } & Where)
  | ({ type: 'sidebar' } & SidebarRecord)
  | ({ type: 'dialog' } & DialogRecord)
  | ({ type: 'toast' } & ToastRecord)
  | ({ type: 'ask' } & AskRecord);

type PendingEntry = { label: string; functionName: string } | 'separator' | { submenu: string };

interface PendingMenu {
  title: string;
  addOn: boolean;
  items: PendingEntry[];
}

/** Sidebar width when the HtmlOutput sets none (Sheets' sidebar is 300 px wide). */
export const DEFAULT_SIDEBAR_WIDTH = 300;
/** Apps Script's default dialog size. */
export const DEFAULT_DIALOG_WIDTH = 600;
export const DEFAULT_DIALOG_HEIGHT = 400;
/** Spreadsheet.toast's default timeout (documented: 5 seconds). */
export const DEFAULT_TOAST_SECONDS = 5;
/** Menus a script may leave unattached (built but never added) before the oldest are dropped. */
const MAX_PENDING_MENUS = 10_000;

const key = (spreadsheetId: string, user: string): string => `${spreadsheetId}\u0000${user}`;

export class UiState {
  readonly sidebars: SidebarRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly asks: AskRecord[] = [];
  private readonly menusByKey = new Map<string, MenuSpec[]>();
  private readonly pending = new Map<string, PendingMenu>();
  private readonly answers: Array<Partial<DialogAnswer>> = [];
  private nextMenu = 1;

  constructor(
    private readonly now: () => number,
    private readonly emit: (event: UiEvent) => void,
  ) {}

  /** Menus shown to a user in a spreadsheet, in the order the script added them. */
  menus(spreadsheetId: string, user: string): MenuSpec[] {
    return structuredClone(this.menusByKey.get(key(spreadsheetId, user)) ?? []);
  }

  /** Forgets a user's menus, as reopening the document does before onOpen runs again. */
  clearMenus(spreadsheetId: string, user: string): void {
    this.menusByKey.delete(key(spreadsheetId, user));
  }

  /** The last sidebar shown, optionally only in one spreadsheet for one user. */
  lastSidebar(spreadsheetId?: string, user?: string): SidebarRecord | null {
    for (let i = this.sidebars.length - 1; i >= 0; i--) {
      const s = this.sidebars[i];
      if (
        (spreadsheetId === undefined || s.spreadsheetId === spreadsheetId) &&
        (user === undefined || s.user === user)
      )
        return s;
    }
    return null;
  }

  /** Queues the answer the next alert or prompt gets (default: OK or YES, empty text). */
  queueAnswer(answer: Partial<DialogAnswer>): void {
    this.answers.push({ ...answer });
  }

  createMenu(title: string, addOn: boolean): string {
    const id = `menu-${this.nextMenu++}`;
    this.pending.set(id, { title, addOn, items: [] });
    if (this.pending.size > MAX_PENDING_MENUS)
      this.pending.delete(this.pending.keys().next().value as string);
    return id;
  }

  addItem(menuId: string, label: string, functionName: string): void {
    this.menu(menuId).items.push({ label: String(label), functionName: String(functionName) });
  }

  addSeparator(menuId: string): void {
    this.menu(menuId).items.push('separator');
  }

  addSubMenu(menuId: string, subMenuId: string): void {
    this.menu(subMenuId);
    this.menu(menuId).items.push({ submenu: subMenuId });
  }

  /** Attaches a menu; a menu with the same title (the add-on menu included) is replaced. */
  addToUi(where: { spreadsheetId: string; user: string }, menuId: string): void {
    const spec = this.resolve(menuId, 0);
    const k = key(where.spreadsheetId, where.user);
    const list = (this.menusByKey.get(k) ?? []).filter(
      (m) => !(m.title === spec.title && m.addOn === spec.addOn),
    );
    list.push(spec);
    this.menusByKey.set(k, list);
    this.emit({ type: 'menu', ...where, at: this.now(), menus: structuredClone(list) });
  }

  showSidebar(where: { spreadsheetId: string; user: string }, data: HtmlData): void {
    const record: SidebarRecord = {
      ...where,
      at: this.now(),
      title: data.title ?? '',
      html: data.html,
      width: data.width ?? DEFAULT_SIDEBAR_WIDTH,
    };
    this.sidebars.push(record);
    this.emit({ type: 'sidebar', ...record });
  }

  showDialog(
    where: { spreadsheetId: string; user: string },
    kind: 'modal' | 'modeless',
    data: HtmlData,
    title: string,
  ): void {
    const record: DialogRecord = {
      ...where,
      at: this.now(),
      kind,
      title,
      html: data.html,
      width: data.width ?? DEFAULT_DIALOG_WIDTH,
      height: data.height ?? DEFAULT_DIALOG_HEIGHT,
    };
    this.dialogs.push(record);
    this.emit({ type: 'dialog', ...record });
  }

  toast(
    where: { spreadsheetId: string; user: string },
    message: string,
    title: string,
    timeoutSeconds: number,
  ): void {
    const record: ToastRecord = { ...where, at: this.now(), message, title, timeoutSeconds };
    this.toasts.push(record);
    this.emit({ type: 'toast', ...record });
  }

  ask(
    where: { spreadsheetId: string; user: string },
    kind: 'alert' | 'prompt',
    request: DialogRequest,
  ): DialogAnswer {
    const canned = this.answers.shift() ?? {};
    const answer: DialogAnswer = {
      button: canned.button ?? affirmative(request.buttons),
      text: kind === 'prompt' ? (canned.text ?? '') : '',
    };
    const record: AskRecord = { ...where, at: this.now(), kind, ...request, answer };
    this.asks.push(record);
    this.emit({ type: 'ask', ...record });
    return answer;
  }

  private menu(menuId: string): PendingMenu {
    const m = this.pending.get(menuId);
    if (!m) throw new Error('Invalid argument: menu');
    return m;
  }

  private resolve(menuId: string, depth: number): MenuSpec {
    if (depth > 10) throw new Error('Invalid argument: menu');
    const m = this.menu(menuId);
    return {
      title: m.title,
      addOn: m.addOn,
      items: m.items.map((e) =>
        typeof e === 'object' && 'submenu' in e ? this.resolve(e.submenu, depth + 1) : e,
      ),
    };
  }
}

function affirmative(buttons: ButtonSetName): ButtonName {
  return buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? 'YES' : 'OK';
}
