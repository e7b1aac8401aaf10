// Time-driven triggers of the current user for the current document (ScriptApp).
import type { TriggerPort } from '../app/sync/ports';
import { activeSpreadsheet } from './active-spreadsheet';

/** This user's triggers for this spreadsheet: the only ones the add-on may own here. */
function mine(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(activeSpreadsheet()).filter(
    (t) => t.getEventType() === ScriptApp.EventType.CLOCK,
  );
}

export function gasTriggers(timeZone: () => string): TriggerPort {
  return {
    list: () => mine().map((t) => ({ id: t.getUniqueId(), handler: t.getHandlerFunction() })),
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
