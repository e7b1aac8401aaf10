// The add-on's one name. The sidebar title, dialogs and toasts use it; the README's deployment
// steps give the same name to the Apps Script project (Sheets titles the add-on menu with it)
// and to the OAuth consent screen (the provider shows it when asking for access).
export const PRODUCT_NAME = 'Health Sync for Sheets';
