// An intraday fetch as a sync job: the days picked, checked (whole past days, the Google Health
// provider, a permission for heart rate or steps, room under Sheets' cell limit), planned as
// per-minute roll-ups and run by the same engine as any sync, in its own job mode.
/**
 * API: `INTRADAY_MESSAGES`, `intradayRange(startIso, endIso, today)`, `intradayZoneSpan(range)`,
 * `newIntradayJob(input)` -> { ok: true, job, leftOut } | { ok: false, message },
 * `intradayMinutes(range, zone)`.
 * Decisions: an intraday fetch is a job like a sync or a backfill (mode 'intraday'), so it pauses
 * and resumes the same way; one job per account and document at a time, so it is refused while
 * another job of the person's account is under way (and a sync started while it runs continues it
 * first, as for any job). Today is left out: its minutes are still coming in.
 */
import { decodeIndexSet, type SyncCheckpoint } from '../../core/checkpoint';
import type { CivilDate, DateRange } from '../../core/dates';
import { addDays, compareDates, dayCount, eachDay, isCivilDate } from '../../core/dates';
import { checkCellRoom, NEW_SHEET_GRID, type SheetGrid } from '../../core/cell-limit';
import type { UnitSystem } from '../../core/units';
import type { ZoneOffsets } from '../../core/zone-offsets';
import {
  INTRADAY_HEADERS,
  INTRADAY_TYPE_IDS,
  INTRADAY_TYPES,
  intradaySpan,
  isIntradayType,
  planIntraday,
  type IntradayType,
} from '../../providers/google-health/intraday-plan';
import type { ProviderId } from '../../providers/provider';
import { newJob, type SyncJob } from './job-store';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export const INTRADAY_MESSAGES = {
  hint: 'Heart rate (average, minimum, maximum) and steps for every minute of these whole days, one row a minute (1,440 a day) in the Intraday sheet, by the spreadsheet’s time zone. Long ranges continue by themselves.',
  missing: 'Pick the first and the last day of the intraday range.',
  notADate: 'That is not a date: pick the days in the calendar (yyyy-mm-dd).',
  order: 'The last day is before the first: pick the range the other way round.',
  notPast: (today: CivilDate) =>
    `Intraday takes whole days up to yesterday (${addDays(today, -1)}): today's minutes are still coming in.`,
  legacy:
    'Intraday heart rate and steps come from the Google Health API only: the legacy Fitbit Web API provider does not supply them. Switch to Google Health in Setup to fetch them.',
  noPermission:
    'Intraday needs permission to read heart rate (health metrics and measurements) or steps (activity and fitness), and neither is granted. Choose a Heart or Activity metric, click Authorize and tick it.',
  busy: (mode: string) =>
    `Your ${mode === 'intraday' ? 'intraday fetch' : mode === 'backfill' ? 'backfill' : 'sync'} is still under way in this spreadsheet: let it finish (or Cancel it), then fetch intraday.`,
  leftOut: (labels: string[]) =>
    `No permission for intraday ${labels.join(' and ')}: those columns are left as they are. Click Authorize again and tick it to add them.`,
  done: (days: number, minutes: number) =>
    `Intraday finished: ${days} day${days === 1 ? '' : 's'}, ${String(minutes).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} minutes in the Intraday sheet.`,
} as const;

/** What a finished intraday fetch says: its days and minutes, and a data type left out. */
export function intradayDoneMessage(cp: SyncCheckpoint): string {
  const spec = cp.intraday;
  if (!spec) return '';
  const done = INTRADAY_MESSAGES.done(dayCount(cp.range), intradayMinutes(cp.range, spec.zone));
  const left = INTRADAY_TYPE_IDS.filter((t) => !spec.types.includes(t));
  return left.length === 0
    ? done
    : `${done} ${INTRADAY_MESSAGES.leftOut(left.map((t) => INTRADAY_TYPES[t].label))}`;
}

/** Days of an intraday job whose every request is done (its progress). */
export function intradayDaysDone(cp: SyncCheckpoint): number {
  const spec = cp.intraday;
  if (!spec) return 0;
  const plan = planIntraday(
    cp.range,
    { types: spec.types.filter(isIntradayType), zone: spec.zone },
    cp.units,
  );
  if (plan.length !== cp.planSize) return 0;
  const done = decodeIndexSet(cp.done);
  return eachDay(cp.range).filter((day) =>
    plan.every((r, i) => done.has(i) || day < r.covers.start || day > r.covers.end),
  ).length;
}

export type IntradayRange = { ok: true; range: DateRange } | { ok: false; error: string };

export function intradayRange(startIso: unknown, endIso: unknown, today: CivilDate): IntradayRange {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 10) : '');
  const start = text(startIso);
  const end = text(endIso);
  if (start === '' || end === '') return { ok: false, error: INTRADAY_MESSAGES.missing };
  if (!isCivilDate(start) || !isCivilDate(end))
    return { ok: false, error: INTRADAY_MESSAGES.notADate };
  if (compareDates(end, start) < 0) return { ok: false, error: INTRADAY_MESSAGES.order };
  if (compareDates(end, today) >= 0) return { ok: false, error: INTRADAY_MESSAGES.notPast(today) };
  return { ok: true, range: { start, end } };
}

/** Instants the zone table must cover: a day either side of the range's UTC days is enough. */
export function intradayZoneSpan(range: DateRange): [number, number] {
  const utc = (d: CivilDate) => Date.parse(`${d}T00:00:00Z`);
  return [utc(range.start) - DAY_MS, utc(addDays(range.end, 1)) + DAY_MS];
}

/** Minutes (rows) of the range in the zone: 1,440 a day, 1,380 or 1,500 on a day the clocks change. */
export function intradayMinutes(range: DateRange, zone: ZoneOffsets): number {
  const [start, end] = intradaySpan(range, zone);
  return (end - start) / MINUTE_MS;
}

export interface IntradayJobInput {
  providerId: ProviderId;
  range: DateRange;
  zone: ZoneOffsets;
  granted: readonly string[];
  units: UnitSystem;
  /** The person's unfinished job in this document, if any. */
  stored: SyncJob | null;
  /** Every sheet's grid cells now, and the Intraday sheet's grid when it exists. */
  census: { spreadsheetCells: number; target: SheetGrid | null };
  nowMs: number;
  owner: string;
}

export function newIntradayJob(
  input: IntradayJobInput,
): { ok: true; job: SyncJob; leftOut: IntradayType[] } | { ok: false; message: string } {
  if (input.providerId !== 'google-health') return { ok: false, message: INTRADAY_MESSAGES.legacy };
  if (input.stored) return { ok: false, message: INTRADAY_MESSAGES.busy(input.stored.mode) };
  const types = INTRADAY_TYPE_IDS.filter((t) => input.granted.includes(INTRADAY_TYPES[t].scope));
  if (types.length === 0) return { ok: false, message: INTRADAY_MESSAGES.noPermission };
  const days = dayCount(input.range);
  const room = checkCellRoom({
    ...input.census,
    // The add-on creates the Intraday sheet with its own 5 columns only (record-sheets.ts).
    newSheet: { ...NEW_SHEET_GRID, columns: INTRADAY_HEADERS.length },
    rows: intradayMinutes(input.range, input.zone),
    columns: INTRADAY_HEADERS.length,
    what: `Intraday for ${days} day${days === 1 ? '' : 's'}`,
    rowsPerDay: 1440,
  });
  if (!room.ok) return { ok: false, message: room.message };
  const intraday = { types, zone: input.zone };
  const job = newJob(
    'intraday',
    {
      providerId: input.providerId,
      range: input.range,
      metricIds: [],
      units: input.units,
      planSize: planIntraday(input.range, intraday, input.units).length,
      startedAtMs: input.nowMs,
      records: ['intraday'],
    },
    [],
    input.owner,
  );
  return {
    ok: true,
    job: { ...job, checkpoint: { ...job.checkpoint, intraday } },
    leftOut: INTRADAY_TYPE_IDS.filter((t) => !types.includes(t)),
  };
}
