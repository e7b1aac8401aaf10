// Time-driven triggers of the current user for the current document (ScriptApp).
import type { TriggerPort } from '../app/sync/ports';

function mine(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActive());
}

export function gasTriggers(timeZone: () => string): TriggerPort {
  return {
    exists: (id) => mine().some((t) => t.getUniqueId() === id),
    createDaily: (handler, hour) =>
      ScriptApp.newTrigger(handler)
        .timeBased()
        .everyDays(1)
        .atHour(hour)
        .inTimezone(timeZone())
        .create()
        .getUniqueId(),
    createAt: (handler, atMs) =>
      ScriptApp.newTrigger(handler).timeBased().at(new Date(atMs)).create().getUniqueId(),
    remove(id) {
      for (const t of mine()) if (t.getUniqueId() === id) ScriptApp.deleteTrigger(t);
    },
  };
}
