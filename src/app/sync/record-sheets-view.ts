// The record-sheet toggles of the sidebar: each sheet the add-on can fill, whether this document
// fills it, whether the connected provider supplies it, and the name of this account's sheet.
/**
 * API: `RecordSheetChoice`, `recordSheetChoices(doc, providerId, scope)`.
 */
import type { KeyValueStore } from '../../core/ports';
import type { RecordSheetId } from '../../core/records';
import { recordSheet, syncRecordSheetIds } from '../../providers/record-sheets';
import type { ProviderId } from '../../providers/provider';
import { providerById } from '../providers';
import { selectedRecordSheets } from '../record-sheet-settings';
import { recordSheetPlace, type SyncScope } from './accounts';

export interface RecordSheetChoice {
  id: RecordSheetId;
  label: string;
  description: string;
  /** The document's setting: syncs fill this sheet. */
  on: boolean;
  /** The connected provider supplies it (null provider: not known yet, offered). */
  supplied: boolean;
  /** Where this person's account's rows go. */
  sheetName: string;
  /** Why it stays empty, when it does. */
  note: string | null;
}

export function recordSheetChoices(
  doc: KeyValueStore,
  providerId: ProviderId | null,
  scope: SyncScope | null,
): RecordSheetChoice[] {
  const chosen = selectedRecordSheets(doc);
  // The Intraday sheet is filled by a fetch of its own (its group in the sidebar), not a switch.
  return syncRecordSheetIds().map((id) => {
    const layout = recordSheet(id);
    const supplied = providerId === null || layout.scopes[providerId] !== undefined;
    return {
      id,
      label: layout.label,
      description: layout.description,
      on: chosen.includes(id),
      supplied,
      sheetName: scope ? recordSheetPlace(scope, layout.sheetName, id).sheetName : layout.sheetName,
      note: supplied
        ? null
        : `${providerById(providerId as ProviderId).label} does not supply the ${layout.sheetName} sheet: connect to Google Health to fill it.`,
    };
  });
}
