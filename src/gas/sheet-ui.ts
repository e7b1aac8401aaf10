// Sheets UI the sync menu items use: a date prompt and a toast.

/** The text typed into a prompt, or null when the person cancelled. */
export function promptText(title: string, prompt: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(title, prompt, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
}

export function sheetToast(message: string, title: string): void {
  SpreadsheetApp.getActive().toast(message, title);
}
