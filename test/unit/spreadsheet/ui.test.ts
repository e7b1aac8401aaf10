// The Ui through the facade: menus recorded per spreadsheet and user, the add-on menu named after
// the add-on, sidebars and dialogs from HtmlOutput data, toasts, canned alert/prompt answers, and
// where Apps Script refuses UI or document access.
import type { UiEvent } from '../../../dev/runtime/services/spreadsheet/host';
import { PRODUCT_NAME } from '../../../src/app/product';
import { harness, htmlOutput } from './harness';

describe('Menus', () => {
  it('records the add-on menu under the add-on name with items, separators and submenus', () => {
    const { app, host, spreadsheetId, ctx } = harness();
    const ui = app.getUi();
    ui.createAddonMenu()
      .addItem('Open sidebar', 'showSidebar')
      .addSeparator()
      .addSubMenu(ui.createMenu('Sync').addItem('Sync now', 'syncNow'))
      .addToUi();
    expect(host.menus(spreadsheetId, ctx.user)).toEqual([
      {
        title: PRODUCT_NAME,
        addOn: true,
        items: [
          { label: 'Open sidebar', functionName: 'showSidebar' },
          'separator',
          { title: 'Sync', addOn: false, items: [{ label: 'Sync now', functionName: 'syncNow' }] },
        ],
      },
    ]);
  });

  it('keeps menus per user and replaces a menu rebuilt by a second onOpen', () => {
    const { app, appFor, host, spreadsheetId, ctx } = harness();
    host.addOnName = 'Fitbit Import';
    app.getUi().createAddonMenu().addItem('Old', 'old').addToUi();
    app.getUi().createAddonMenu().addItem('New', 'fresh').addToUi();
    appFor({ user: 'bob@example.com' }).getUi().createMenu('Tools').addItem('X', 'x').addToUi();
    expect(host.menus(spreadsheetId, ctx.user)).toEqual([
      { title: 'Fitbit Import', addOn: true, items: [{ label: 'New', functionName: 'fresh' }] },
    ]);
    expect(host.menus(spreadsheetId, 'bob@example.com').map((m) => m.title)).toEqual(['Tools']);
    host.clearMenus(spreadsheetId, ctx.user);
    expect(host.menus(spreadsheetId, ctx.user)).toEqual([]);
  });

  it('lets onOpen build menus in AuthMode.NONE but not read the document', () => {
    const { appFor, host, spreadsheetId, ctx } = harness();
    const app = appFor({ authMode: 'NONE' });
    app.getUi().createAddonMenu().addItem('Open sidebar', 'showSidebar').addToUi();
    expect(host.menus(spreadsheetId, ctx.user)).toHaveLength(1);
    expect(() => app.getActiveSpreadsheet()).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet.',
    );
  });
});

describe('Sidebars, dialogs, toasts and prompts', () => {
  it('records the sidebar from the HtmlOutput getters and emits a ui event', () => {
    const { app, host, spreadsheetId, ctx } = harness();
    const events: UiEvent[] = [];
    host.on('ui', (e) => events.push(e));
    app.getUi().showSidebar(htmlOutput('<p>Connect</p>', PRODUCT_NAME, null));
    const sidebar = host.lastSidebar(spreadsheetId, ctx.user);
    expect(sidebar).toMatchObject({ title: PRODUCT_NAME, html: '<p>Connect</p>', width: 300 });
    expect(events.map((e) => e.type)).toEqual(['sidebar']);
    expect(() => app.getUi().showSidebar('<p>raw html</p>')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Ui.showSidebar.",
    );
  });

  it('records modal and modeless dialogs and toasts', () => {
    const { app, host } = harness();
    app.getUi().showModalDialog(htmlOutput('<p>a</p>', null, 400), 'Authorize');
    app.getUi().showModelessDialog(htmlOutput('<p>b</p>', null, null), 'Status');
    app.getActiveSpreadsheet().toast('Synced 30 days', PRODUCT_NAME);
    expect(host.ui.dialogs.map((d) => [d.kind, d.title, d.width, d.height])).toEqual([
      ['modal', 'Authorize', 400, 400],
      ['modeless', 'Status', 600, 400],
    ]);
    expect(host.ui.toasts).toMatchObject([
      { message: 'Synced 30 days', title: PRODUCT_NAME, timeoutSeconds: 5 },
    ]);
  });

  it('answers alerts with the affirmative button unless an answer is queued', () => {
    const { app, host } = harness();
    const ui = app.getUi();
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(ui.alert('Disconnect?', 'Remove your tokens?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    host.queueAnswer({ button: 'NO' });
    expect(String(ui.alert('Disconnect?', ui.ButtonSet.YES_NO))).toBe('NO');
    expect(host.ui.asks.map((a) => [a.title, a.prompt, a.buttons, a.answer.button])).toEqual([
      ['', 'Done', 'OK', 'OK'],
      ['Disconnect?', 'Remove your tokens?', 'YES_NO', 'YES'],
      ['', 'Disconnect?', 'YES_NO', 'NO'],
    ]);
  });

  it('answers prompts with queued text and button', () => {
    const { app, host } = harness();
    const ui = app.getUi();
    host.queueAnswer({ button: 'OK', text: '30' });
    const response = ui.prompt('How many days?', ui.ButtonSet.OK_CANCEL);
    expect(response.getResponseText()).toBe('30');
    expect(response.getSelectedButton()).toBe(ui.Button.OK);
    expect(ui.prompt('Again?').getResponseText()).toBe('');
  });

  it('refuses the Ui where no document is open', () => {
    const { appFor } = harness();
    expect(() => appFor({ spreadsheetId: null }).getUi()).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    expect(appFor({ spreadsheetId: null }).getActiveSpreadsheet()).toBeNull();
  });

  it('opens another spreadsheet by id only with full authorization', () => {
    const { app, appFor, host } = harness();
    const other = host.createSpreadsheet('Other');
    expect(app.openById(other).getName()).toBe('Other');
    expect(() => appFor({ authMode: 'LIMITED' }).openById(other)).toThrow(
      'You do not have permission to call SpreadsheetApp.openById.',
    );
    expect(() => app.openById('missing')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });
});
