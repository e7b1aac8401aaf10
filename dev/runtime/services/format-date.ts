// Utilities.formatDate: Java SimpleDateFormat patterns rendered in a given IANA time zone.

/** English month and weekday names (Apps Script formats in en_US); Sheets display reuses them. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface ZonedFields {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number;
  shortName: string;
  longName: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, nameStyle: 'short' | 'long'): Intl.DateTimeFormat {
  const key = `${timeZone}|${nameStyle}`;
  let f = formatters.get(key);
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
      timeZoneName: nameStyle,
    });
    formatters.set(key, f);
  }
  return f;
}

/** Java falls back to GMT for an unknown time zone id; so does this. */
export function resolveTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'GMT';
  }
}

export function zonedFields(epochMs: number, timeZone: string): ZonedFields {
  const tz = resolveTimeZone(timeZone);
  const parts = (style: 'short' | 'long') => {
    const out: Record<string, string> = {};
    for (const p of formatter(tz, style).formatToParts(new Date(epochMs))) out[p.type] = p.value;
    return out;
  };
  const p = parts('short');
  const year = Number(p.year);
  const month = Number(p.month);
  const day = Number(p.day);
  const hour = Number(p.hour);
  const minute = Number(p.minute);
  const second = Number(p.second);
  const millis = ((epochMs % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millis,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    offsetMinutes: Math.round((asUtc - epochMs) / 60000),
    shortName: p.timeZoneName,
    longName: parts('long').timeZoneName,
  };
}

/** Epoch ms of a wall-clock time in a time zone (the earlier instant when ambiguous). */
export function zonedTimeToEpoch(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute = 0,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  let t = guess - zonedFields(guess, timeZone).offsetMinutes * 60000;
  t = guess - zonedFields(t, timeZone).offsetMinutes * 60000;
  return t;
}

const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0');

function offset(minutes: number, colon: boolean, hoursOnly = false): string {
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  return hoursOnly ? `${sign}${h}` : `${sign}${h}${colon ? ':' : ''}${m}`;
}

function dayOfYear(f: ZonedFields): number {
  return (Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86400000 + 1;
}

function field(letter: string, count: number, f: ZonedFields): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month - 1];
      if (count === 3) return MONTHS[f.month - 1].slice(0, 3);
      return pad(f.month, count);
    case 'd':
      return pad(f.day, count);
    case 'D':
      return pad(dayOfYear(f), count);
    case 'E':
      return count >= 4 ? DAYS[f.weekday] : DAYS[f.weekday].slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millis, count);
    case 'z':
      return count >= 4 ? f.longName : f.shortName;
    case 'Z':
      return offset(f.offsetMinutes, false);
    case 'X':
      if (f.offsetMinutes === 0) return 'Z';
      return offset(f.offsetMinutes, count >= 3, count === 1);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

export function formatDate(epochMs: number, timeZone: string, pattern: string): string {
  const f = zonedFields(epochMs, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new Error('Unterminated quote');
      let j = i + 1;
      let literal = '';
      let close = end;
      // '' inside a quoted literal is one quote.
      while (close >= 0 && pattern[close + 1] === "'") {
        literal += pattern.slice(j, close) + "'";
        j = close + 2;
        close = pattern.indexOf("'", j);
      }
      if (close < 0) throw new Error('Unterminated quote');
      out += literal + pattern.slice(j, close);
      i = close + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let n = 1;
      while (pattern[i + n] === ch) n++;
      out += field(ch, n, f);
      i += n;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
