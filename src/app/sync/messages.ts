// What the sync tells the person, in plain words with the action to take.
import type { ContinuationReason } from '../../core/checkpoint';
import type { DuplicateDate } from '../../core/upsert-plan';

function andList(items: readonly (string | number)[]): string {
  return items.length < 2
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Rows 12 and 40 both hold 2026-03-01: the add-on updates row 12 and leaves row 40 as it is." */
function duplicateLine(d: DuplicateDate): string {
  const rows = [d.kept, ...d.left];
  const left =
    d.left.length === 1 ? `row ${d.left[0]} as it is` : `rows ${andList(d.left)} as they are`;
  return `Rows ${andList(rows)} ${rows.length === 2 ? 'both' : 'all'} hold ${d.date}: the add-on updates row ${d.kept} and leaves ${left}.`;
}

const DUPLICATES_NAMED = 3;

/** How the note about data not granted starts: a later grant makes that note old news. */
export const PERMISSION_NOTE_START = 'No permission for: ';

export const SYNC_MESSAGES = {
  busy: 'A sync is already running in this spreadsheet. Wait until it finishes (the sidebar shows its progress), then try again.',
  noDocument: 'Open the spreadsheet and use the add-on from there.',
  notConnected: 'Not connected: click Authorize in the sidebar first.',
  nothingAllowed:
    'None of the chosen data was allowed at consent. Click Authorize again and tick the boxes, or choose other data in Settings.',
  firstSync:
    'The first "Sync now" reads the last 30 days. To bring in older days, use Backfill with a start date.',
  done: (days: number) => `Sync finished: ${days} day${days === 1 ? '' : 's'} up to date.`,
  paused: (reason: ContinuationReason) =>
    reason === 'rate-limit'
      ? 'Paused: the provider’s request limit is used up for now. The sync continues by itself when it is back.'
      : reason === 'time-budget'
        ? 'Paused: Apps Script lets one run last 6 minutes. While this sidebar is open the sync goes on at once; otherwise it continues by itself within the hour.'
        : 'Some requests failed just now. Everything else was written; the sync tries them again by itself.',
  skipped: (labels: string[]) =>
    `${PERMISSION_NOTE_START}${labels.join(', ')} (not ticked at consent, or withdrawn since). The days it was refused for were left as they were; the rest was synced. To add them, click Authorize again and tick them.`,
  refused: (labels: string[]) =>
    `Left out: ${labels.join(', ')}: the provider refused to send it for some days, which were left as they were. Everything else was synced; a later sync of those days asks again.`,
  problems: (list: string[]) =>
    `Some answers could not be used (nothing from them was written): ${list.slice(0, 3).join('; ')}${list.length > 3 ? '; …' : ''}.`,
  duplicates: (list: readonly DuplicateDate[]) => {
    const named = list.slice(0, DUPLICATES_NAMED).map(duplicateLine).join(' ');
    const more = list.length - DUPLICATES_NAMED;
    const rest =
      more > 0 ? ` ${more} more date${more === 1 ? ' is' : 's are'} in more than one row.` : '';
    return `${named}${rest} Nothing was deleted: remove or change the extra rows if you do not need them.`;
  },
  badCheckpoint:
    'The saved progress of the last sync could not be read; the next sync starts afresh.',
  authorizationNeeded:
    'The add-on lost your permission to run on its own (access was removed, or an update asks for more), so the scheduled sync did not run. Open the add-on from the Extensions menu, allow it, then click Sync now: any unfinished sync goes on where it stopped.',
  ownedByOther:
    'Another person in this spreadsheet, connected to the same account, has a sync of it under way; it continues with their runs. Wait until it finishes, or start a Backfill to replace it.',
  dailyOn: 'Daily sync is on.',
  dailyAt: (hour: number) => `Runs every morning at about ${hour}:00 (spreadsheet time).`,
  dailyOff: 'Daily sync is off.',
  cancelled: (done: number | null, total: number) =>
    done === null
      ? 'Cancelled: the days written so far stay in the sheet.'
      : `Cancelled: ${done} of ${total} day${total === 1 ? '' : 's'} had been written; they stay in the sheet.`,
  cancelBusy:
    'A part of the sync is running right now and cannot be stopped half way. Click Cancel again once it has paused (the progress above shows it).',
  nothingToCancel: 'Nothing to cancel: no sync is under way.',
} as const;
