// Plain-JSON views of the runtime's spreadsheet and UI state for the page: display values per
// sheet, the menus one user sees, that user's last sidebar and toasts.
import type {
  MenuSpec,
  SidebarRecord,
  SpreadsheetHost,
  ToastRecord,
} from '../runtime/services/spreadsheet/host';
import { type ChartView, chartViews } from './chart-view';

export interface SheetTabView {
  name: string;
  frozenRows: number;
  /** What Sheets would show in each cell of the data range (number formats applied). */
  values: string[][];
  /** The sheet's embedded charts, in getCharts order, with their series' values. */
  charts: ChartView[];
}

export interface SheetView {
  name: string;
  activeIndex: number;
  sheets: SheetTabView[];
}

export type MenuItemView =
  { label: string; fn: string } | { separator: true } | { label: string; items: MenuItemView[] };

export interface MenuView {
  name: string;
  /** Sheets shows add-on menus under Extensions and a script's own menus in the menu bar. */
  addon: boolean;
  items: MenuItemView[];
}

export function sheetView(host: SpreadsheetHost, spreadsheetId: string): SheetView {
  const model = host.get(spreadsheetId);
  return {
    name: model.name,
    activeIndex: Math.max(0, model.sheets.indexOf(model.activeSheet())),
    sheets: model.sheets.map((s) => ({
      name: s.name,
      frozenRows: s.frozenRows,
      values: s.displayValues(),
      charts: chartViews(model, s.sheetId),
    })),
  };
}

function itemView(entry: MenuSpec['items'][number]): MenuItemView {
  if (entry === 'separator') return { separator: true };
  if ('functionName' in entry) return { label: entry.label, fn: entry.functionName };
  return { label: entry.title, items: entry.items.map(itemView) };
}

export function menuView(host: SpreadsheetHost, spreadsheetId: string, user: string): MenuView[] {
  return host.ui.menus(spreadsheetId, user).map((m) => ({
    name: m.title,
    addon: m.addOn,
    items: m.items.map(itemView),
  }));
}

/** Every function a menu item of these menus calls. */
export function menuFunctions(menus: MenuView[]): Set<string> {
  const out = new Set<string>();
  const walk = (items: MenuItemView[]): void => {
    for (const i of items) {
      if ('fn' in i) out.add(i.fn);
      else if ('items' in i) walk(i.items);
    }
  };
  menus.forEach((m) => walk(m.items));
  return out;
}

export function sidebarOf(
  host: SpreadsheetHost,
  spreadsheetId: string,
  user: string,
): SidebarRecord | null {
  return host.ui.lastSidebar(spreadsheetId, user);
}

export function toastsOf(
  host: SpreadsheetHost,
  spreadsheetId: string,
  user: string,
): ToastRecord[] {
  return host.ui.toasts.filter((t) => t.spreadsheetId === spreadsheetId && t.user === user);
}
