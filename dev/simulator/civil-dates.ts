// Civil (local calendar) dates as 'yyyy-MM-dd' strings: arithmetic in UTC days, and "today" in a
// user's IANA time zone on the simulator's clock.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function toDayNumber(s: string): number {
  const m = DATE_RE.exec(s);
  if (!m) throw new Error(`not a date: ${s}`);
  return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000);
}

export function fromDayNumber(n: number): string {
  return new Date(n * 86400000).toISOString().slice(0, 10);
}

export function addDays(s: string, days: number): string {
  return fromDayNumber(toDayNumber(s) + days);
}

/** Inclusive count of days from a to b (1 when equal). */
export function daysInclusive(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a) + 1;
}

export function addMonths(s: string, months: number): string {
  const [y, m, d] = s.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The local date and minutes since local midnight at epoch ms `now` in `timeZone`. */
export function localNow(
  now: number,
  timeZone: string,
): { date: string; minuteOfDay: number; offsetMs: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(now));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const date = `${parts.find((p) => p.type === 'year')?.value}-${parts.find((p) => p.type === 'month')?.value}-${parts.find((p) => p.type === 'day')?.value}`;
  const localAsUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return {
    date,
    minuteOfDay: get('hour') * 60 + get('minute'),
    offsetMs: localAsUtc - Math.floor(now / 1000) * 1000,
  };
}

export function dateParts(s: string): { year: number; month: number; day: number } {
  const [year, month, day] = s.split('-').map(Number);
  return { year, month, day };
}
