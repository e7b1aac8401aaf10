// Records: rows of the sheets that are not "one row per day" (a sleep session, a workout, a
// minute), each upserted by its own key and rewritten only when its version is newer.
/**
 * API:
 * - `RecordSheetId`, `RECORD_SHEET_IDS`, `isRecordSheetId(value)`.
 * - `RecordCell`, `SheetRecord` { sheet, key, version, cells }.
 * - `isNewerVersion(incoming, stored)`: whether a row holding `stored` takes `incoming`.
 * - `latestPerKey(records)`: one record per (sheet, key), the newest version winning, in the
 *   order first met (two pages or two requests may carry the same point); records of one key
 *   and version merge their cells (the later one winning a cell both name).
 * - `localClockText(instant, utcOffset)`: 'yyyy-MM-dd HH:mm', the clock reading at that offset.
 */

export type RecordSheetId = 'sleep' | 'exercises' | 'intraday';

export const RECORD_SHEET_IDS: readonly RecordSheetId[] = ['sleep', 'exercises', 'intraday'];

export function isRecordSheetId(value: unknown): value is RecordSheetId {
  return RECORD_SHEET_IDS.includes(value as RecordSheetId);
}

/**
 * A cell value: numbers as numbers; local date-times as text 'yyyy-MM-dd HH:mm' (the clock reading
 * in the session's own UTC offset, so a trip keeps its local times); null = empty.
 */
export type RecordCell = string | number | null;

export interface SheetRecord {
  sheet: RecordSheetId;
  /** The upsert key (data point name, or minute timestamp text). */
  key: string;
  /** updateTime; a row is rewritten only when this is newer (null: always rewritten). */
  version: string | null;
  /** By column header. */
  cells: Record<string, RecordCell>;
}

/**
 * RFC 3339 instants compare as instants (fractional seconds and offsets vary); anything else as
 * text. A row with no version yet takes any record; a record without a version always wins.
 */
export function isNewerVersion(incoming: string | null, stored: string | null): boolean {
  if (incoming === null || stored === null || stored === '') return true;
  const a = Date.parse(incoming);
  const b = Date.parse(stored);
  if (Number.isFinite(a) && Number.isFinite(b)) return a > b;
  return incoming > stored;
}

export function latestPerKey(records: readonly SheetRecord[]): SheetRecord[] {
  const byKey = new Map<string, SheetRecord>();
  for (const record of records) {
    const id = `${record.sheet}\u0000${record.key}`;
    const seen = byKey.get(id);
    if (!seen || (record.version !== seen.version && isNewerVersion(record.version, seen.version)))
      byKey.set(id, record);
    // Same key and version from two answers (intraday: heart rate and steps of one minute):
    // one row, its cells merged, the later answer winning a cell both name.
    else if (record.version === seen.version)
      byKey.set(id, { ...seen, cells: { ...seen.cells, ...record.cells } });
  }
  return [...byKey.values()];
}

/**
 * Parses a UTC offset as the API writes it: a protobuf Duration ("-28800s", "3600.5s") or
 * "+01:00"; minutes east of UTC, or null when it is neither.
 */
export function offsetMinutesOf(offset: string): number | null {
  const duration = /^(-?\d+(?:\.\d+)?)s$/.exec(offset);
  if (duration) return Math.round(Number(duration[1]) / 60);
  const hm = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (hm) return (hm[1] === '-' ? -1 : 1) * (Number(hm[2]) * 60 + Number(hm[3]));
  if (offset === 'Z') return 0;
  return null;
}

/** The clock reading 'yyyy-MM-dd HH:mm' of an RFC 3339 instant at a UTC offset, or null. */
export function localClockText(instant: string, utcOffset: string): string | null {
  const ms = Date.parse(instant);
  const minutes = offsetMinutesOf(utcOffset);
  if (!Number.isFinite(ms) || minutes === null) return null;
  const local = new Date(ms + minutes * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}
