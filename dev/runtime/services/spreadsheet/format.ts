// Display values: renders a cell value through its number format the way Sheets shows it, for the
// date/time patterns ("yyyy-mm-dd", "yyyy-MM-dd HH:mm", "mmm d") and the fixed-decimal patterns
// ("0", "0.00", "#,##0", "0%") scripts use. Dates are instants; the spreadsheet's time zone decides
// which calendar day and clock time they show (Sheets stores date-times as serial numbers in the
// spreadsheet's zone, day 0 = 1899-12-30).
import { DAYS, MONTHS } from '../format-date';

export type CellValue = number | string | boolean | Date;

/** What Range.getNumberFormat reports for a cell nobody formatted ("automatic"). */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
/** The format Sheets gives a cell when a script writes a Date into it unformatted (en_US). */
export const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';

const DAY_MS = 86_400_000;
const SERIAL_EPOCH_OFFSET = 25_569; // days from 1899-12-30 to 1970-01-01

/** True for Dates from any realm (a vm context or worker makes Dates that fail instanceof). */
export function isDate(value: unknown): value is Date {
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    zoneFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallClockOf(date: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter(timeZone).formatToParts(date)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const ms = ((date.getTime() % 1000) + 1000) % 1000;
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    millisecond: ms,
  };
}

function wallClockMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

function wallClockOfSerial(serial: number): WallClock {
  const d = new Date(Math.round((serial - SERIAL_EPOCH_OFFSET) * DAY_MS));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** The serial number Sheets stores for an instant, in the given zone. */
export function dateToSerial(date: Date, timeZone: string): number {
  return wallClockMs(wallClockOf(date, timeZone)) / DAY_MS + SERIAL_EPOCH_OFFSET;
}

/** Removes quoted text and backslash escapes, leaving only the pattern's format characters. */
function unquoted(pattern: string): string {
  return pattern.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

export function isDatePattern(pattern: string): boolean {
  const bare = unquoted(pattern);
  return /[ymdhs]/i.test(bare.replace(/general/gi, '')) && !/[0#?]/.test(bare);
}

type DateToken =
  | { kind: 'lit'; text: string }
  | { kind: 'y' | 'm' | 'd' | 'h' | 's' | 'min'; len: number }
  | { kind: 'ampm'; style: string }
  | { kind: 'frac'; len: number };

function tokenizeDate(pattern: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      const stop = end < 0 ? pattern.length : end;
      tokens.push({ kind: 'lit', text: pattern.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\' && i + 1 < pattern.length) {
      tokens.push({ kind: 'lit', text: pattern[i + 1] });
      i += 2;
    } else if (/^am\/pm/i.test(pattern.slice(i)) || /^a\/p/i.test(pattern.slice(i))) {
      const style = /^am\/pm/i.test(pattern.slice(i))
        ? pattern.slice(i, i + 5)
        : pattern.slice(i, i + 3);
      tokens.push({ kind: 'ampm', style });
      i += style.length;
    } else if ('ymdhs'.includes(lower)) {
      let j = i;
      while (j < pattern.length && pattern[j].toLowerCase() === lower) j++;
      tokens.push({ kind: lower as 'y' | 'm' | 'd' | 'h' | 's', len: j - i });
      i = j;
    } else if (ch === '.' && tokens.at(-1)?.kind === 's' && pattern[i + 1] === '0') {
      let j = i + 1;
      while (j < pattern.length && pattern[j] === '0') j++;
      tokens.push({ kind: 'frac', len: j - i - 1 });
      i = j;
    } else {
      tokens.push({ kind: 'lit', text: ch });
      i++;
    }
  }
  // "m" is minutes right after an hour or right before a second, as in Sheets (and "mm" in "HH:mm").
  const fields = tokens.filter((t) => t.kind !== 'lit');
  fields.forEach((t, k) => {
    if (t.kind !== 'm' || t.len > 2) return;
    const prev = fields[k - 1];
    const next = fields[k + 1];
    if (prev?.kind === 'h' || next?.kind === 's') (t as { kind: string }).kind = 'min';
  });
  return tokens;
}

const pad = (n: number, len: number): string => String(n).padStart(len, '0');

function renderDate(w: WallClock, pattern: string): string {
  const tokens = tokenizeDate(pattern);
  const twelveHour = tokens.some((t) => t.kind === 'ampm');
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return tokens
    .map((t) => {
      switch (t.kind) {
        case 'lit':
          return t.text;
        case 'y':
          return t.len <= 2 ? pad(w.year % 100, 2) : pad(w.year, 4);
        case 'm':
          if (t.len === 1) return String(w.month);
          if (t.len === 2) return pad(w.month, 2);
          if (t.len === 3) return MONTHS[w.month - 1].slice(0, 3);
          if (t.len === 4) return MONTHS[w.month - 1];
          return MONTHS[w.month - 1][0];
        case 'min':
          return t.len === 1 ? String(w.minute) : pad(w.minute, 2);
        case 'd':
          if (t.len === 1) return String(w.day);
          if (t.len === 2) return pad(w.day, 2);
          if (t.len === 3) return DAYS[weekday].slice(0, 3);
          return DAYS[weekday];
        case 'h': {
          const h = twelveHour ? w.hour % 12 || 12 : w.hour;
          return t.len === 1 ? String(h) : pad(h, 2);
        }
        case 's':
          return t.len === 1 ? String(w.second) : pad(w.second, 2);
        case 'frac':
          return '.' + pad(w.millisecond, 3).slice(0, t.len).padEnd(t.len, '0');
        case 'ampm': {
          const pm = w.hour >= 12;
          const upper = t.style[0] === t.style[0].toUpperCase();
          const text = t.style.length === 3 ? (pm ? 'P' : 'A') : pm ? 'PM' : 'AM';
          return upper ? text : text.toLowerCase();
        }
      }
    })
    .join('');
}

/** Splits a pattern into its ';' sections, ignoring ';' inside quotes. */
function sections(pattern: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted && i + 1 < pattern.length) {
      current += ch + pattern[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

function literalText(part: string): string {
  return part.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
}

function renderNumber(value: number, section: string): string {
  const bare = unquoted(section);
  const percent = bare.includes('%');
  // Locate the numeric core by its first and last digit placeholder, outside quotes.
  let first = -1;
  let last = -1;
  let quoted = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\') i++;
    else if (!quoted && '0#?'.includes(ch)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return literalText(section);
  let start = first;
  while (start > 0 && section[start - 1] === '.') start--;
  const core = section.slice(start, last + 1);
  const prefix = literalText(section.slice(0, start));
  const suffix = literalText(section.slice(last + 1));
  const [intPattern, fracPattern = ''] = core.split('.');
  const grouping = intPattern.includes(',');
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const minFrac = (fracPattern.match(/0/g) ?? []).length;
  const maxFrac = (fracPattern.match(/[0#?]/g) ?? []).length;
  const scaled = Math.abs(value) * (percent ? 100 : 1);
  // Sheets keeps 15 significant digits and shows the shortest decimal for them (48.77, never
  // toFixed's binary noise 48.770000000000003): round first, then use no more places than needed.
  const rounded = Number(scaled.toPrecision(15));
  const shortest = String(rounded);
  const places = shortest.includes('e') ? maxFrac : (shortest.split('.')[1] ?? '').length;
  let [intDigits, fracDigits = ''] = rounded.toFixed(Math.min(maxFrac, places)).split('.');
  fracDigits = fracDigits.padEnd(minFrac, '0');
  while (fracDigits.length > minFrac && fracDigits.endsWith('0'))
    fracDigits = fracDigits.slice(0, -1);
  if (intDigits === '0' && minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (grouping) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const digits = fracDigits ? `${intDigits}.${fracDigits}` : intDigits;
  return `${prefix}${digits}${suffix}`;
}

function formatNumber(value: number, pattern: string): string {
  const parts = sections(pattern);
  if (value < 0) {
    if (parts.length > 1 && parts[1] !== '') return renderNumber(value, parts[1]);
    const shown = renderNumber(value, parts[0]);
    return /[1-9]/.test(shown) ? `-${shown}` : shown;
  }
  if (value === 0 && parts.length > 2 && parts[2] !== '') return renderNumber(value, parts[2]);
  return renderNumber(value, parts[0]);
}

/** What Range.getDisplayValue shows for a value under a number format, in a time zone. */
export function displayValue(
  value: CellValue,
  format: string | undefined,
  timeZone: string,
): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const pattern = !format || /^general$/i.test(format) ? undefined : format;
  if (isDate(value)) {
    if (pattern === '@') return renderDate(wallClockOf(value, timeZone), DEFAULT_DATE_TIME_FORMAT);
    if (pattern && !isDatePattern(pattern))
      return formatNumber(dateToSerial(value, timeZone), pattern);
    return renderDate(wallClockOf(value, timeZone), pattern ?? DEFAULT_DATE_TIME_FORMAT);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  if (pattern === '@') return String(value);
  if (pattern && isDatePattern(pattern)) return renderDate(wallClockOfSerial(value), pattern);
  return formatNumber(value, pattern ?? DEFAULT_NUMBER_FORMAT);
}
