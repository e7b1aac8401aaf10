// KeyValueStore over Apps Script's PropertiesService (script properties: shared by all users,
// only read by the add-on; user properties: one person's setup, tokens and connection state).
import type { KeyValueStore } from '../core/ports';

export function propertiesStore(props: GoogleAppsScript.Properties.Properties): KeyValueStore {
  return {
    get: (key) => props.getProperty(key),
    set: (key, value) => void props.setProperty(key, value),
    delete: (key) => void props.deleteProperty(key),
  };
}

export const scriptProperties = () => PropertiesService.getScriptProperties();
export const userProperties = () => PropertiesService.getUserProperties();

/** Null when the execution has no document (a web request such as authCallback). */
export function documentProperties(): GoogleAppsScript.Properties.Properties | null {
  return PropertiesService.getDocumentProperties();
}
