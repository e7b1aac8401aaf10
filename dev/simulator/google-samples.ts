// How the Google Health API presents sample data types in `list` (height, weight, body fat): one
// DataPoint per sample with its `sampleTime` {physicalTime, utcOffset, civilTime}, filtered on
// `{type}.sample_time.civil_time` or `.physical_time` with `>=` / `<` joined by AND (discovery doc).
/**
 * API: `SAMPLE_TYPES[dataType]` { member, scopes, samples(user, now) } and
 * `samplePoints(dataType, user, filter, now)` -> { ok, points (newest first) } or { ok: false,
 * message } for a filter the API refuses (400 INVALID_ARGUMENT).
 * Weight and body fat of a person who weighs on a smart scale synced through Health Connect carry
 * `dataSource.platform` HEALTH_CONNECT (health-data.md, field); typed-in heights carry FITBIT.
 */
import { dateParts, isValidDate, localNow } from './civil-dates';
import { GOOGLE_HEALTH_METRICS } from './scopes';
import { heightsOf, scaleViaHealthConnect } from './synthetic-body';
import { bodyFatFor } from './synthetic-health';
import { weightFor } from './synthetic-data';
import { toDayNumber, fromDayNumber } from './civil-dates';
import type { SimUser } from './types';

interface Sample {
  date: string;
  hours: number;
  minutes: number;
  fields: Record<string, unknown>;
  dataSource: Record<string, unknown>;
}

export interface SampleTypeSpec {
  member: string;
  scopes: string[];
  samples(user: SimUser, now: number): Sample[];
}

const APP_ENTRY = { platform: 'FITBIT', recordingMethod: 'MANUAL' };

function scaleSource(user: SimUser): Record<string, unknown> {
  return scaleViaHealthConnect(user)
    ? {
        platform: 'HEALTH_CONNECT',
        recordingMethod: 'ACTIVELY_MEASURED',
        device: { formFactor: 'SCALE', manufacturer: 'Withings', displayName: 'Body+' },
        application: { packageName: 'com.withings.wiscale2' },
      }
    : { platform: 'FITBIT', device: { formFactor: 'SCALE', displayName: 'Aria Air' } };
}

/** Weigh-ins happen at 07:05 local on the weigh-in days of weightFor (a year back from today). */
function weighIns(
  user: SimUser,
  now: number,
  value: (date: string) => Record<string, unknown> | null,
): Sample[] {
  const today = toDayNumber(localNow(now, user.timeZone).date);
  const out: Sample[] = [];
  for (let d = today - 1095; d <= today; d++) {
    const date = fromDayNumber(d);
    const fields = value(date);
    if (fields) out.push({ date, hours: 7, minutes: 5, fields, dataSource: scaleSource(user) });
  }
  return out;
}

export const SAMPLE_TYPES: Record<string, SampleTypeSpec> = {
  height: {
    member: 'height',
    scopes: [GOOGLE_HEALTH_METRICS],
    samples: (user, now) =>
      heightsOf(user, now).map((h) => ({
        date: h.date,
        hours: h.time.hours,
        minutes: h.time.minutes,
        fields: { heightMillimeters: String(h.millimeters) },
        dataSource: APP_ENTRY,
      })),
  },
  weight: {
    member: 'weight',
    scopes: [GOOGLE_HEALTH_METRICS],
    samples: (user, now) =>
      weighIns(user, now, (date) => {
        const kg = weightFor(user, date, now);
        return kg === null ? null : { weightGrams: Math.round(kg * 1000) };
      }),
  },
  'body-fat': {
    member: 'bodyFat',
    scopes: [GOOGLE_HEALTH_METRICS],
    samples: (user, now) =>
      weighIns(user, now, (date) => {
        const pct = bodyFatFor(user, date, now);
        return pct === null ? null : { percentage: pct };
      }),
  },
};

const two = (n: number) => String(n).padStart(2, '0');

/** The instant of a local wall-clock time in the person's zone, and that zone's offset then. */
function physicalOf(user: SimUser, s: Sample): { ms: number; offsetMs: number } {
  const { year, month, day } = dateParts(s.date);
  const asUtc = Date.UTC(year, month - 1, day, s.hours, s.minutes);
  const offsetMs = localNow(asUtc, user.timeZone).offsetMs;
  const ms = asUtc - offsetMs;
  return { ms, offsetMs: localNow(ms, user.timeZone).offsetMs };
}

const CLAUSE = /^([a-z0-9_.-]+)\s*(>=|<=|!=|=|<|>)\s*"([^"]*)"$/;
const CIVIL = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/;

type Bound = { field: 'civil' | 'physical'; op: '>=' | '<'; value: string | number };

function parseFilter(
  dataType: string,
  filter: string,
): { ok: true; bounds: Bound[] } | { ok: false; message: string } {
  const prefix = `${dataType.replace(/-/g, '_')}.sample_time.`;
  const bounds: Bound[] = [];
  if (filter.trim() === '') return { ok: true, bounds };
  for (const raw of filter.trim().split(/\s+AND\s+/)) {
    const m = CLAUSE.exec(raw.trim());
    if (!m) return { ok: false, message: `Invalid filter: could not parse "${raw.trim()}".` };
    const [, name, op, literal] = m;
    if (name !== `${prefix}civil_time` && name !== `${prefix}physical_time`)
      return {
        ok: false,
        message: `Invalid filter: field "${name}" is not supported for data type ${dataType}; the supported fields are ${prefix}civil_time and ${prefix}physical_time.`,
      };
    if (op !== '>=' && op !== '<')
      return {
        ok: false,
        message: `Invalid filter: operator "${op}" is not supported; use >= or <.`,
      };
    if (name.endsWith('civil_time')) {
      const c = CIVIL.exec(literal);
      if (!c || !isValidDate(c[1]))
        return {
          ok: false,
          message: `Invalid filter: "${literal}" is not in ISO 8601 YYYY-MM-DD[THH:mm:ss] format.`,
        };
      bounds.push({ field: 'civil', op, value: c[2] ? literal : `${literal}T00:00:00` });
    } else {
      const ms = Date.parse(literal);
      if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(literal) || Number.isNaN(ms))
        return { ok: false, message: `Invalid filter: "${literal}" is not an RFC 3339 timestamp.` };
      bounds.push({ field: 'physical', op, value: ms });
    }
  }
  return { ok: true, bounds };
}

export function samplePoints(
  dataType: string,
  user: SimUser,
  filter: string,
  now: number,
): { ok: true; points: Record<string, unknown>[] } | { ok: false; message: string } {
  const spec = SAMPLE_TYPES[dataType];
  const parsed = parseFilter(dataType, filter);
  if (!parsed.ok) return parsed;
  const points: Record<string, unknown>[] = [];
  for (const s of spec.samples(user, now)) {
    const civilText = `${s.date}T${two(s.hours)}:${two(s.minutes)}:00`;
    const { ms, offsetMs } = physicalOf(user, s);
    if (ms > now) continue;
    const keep = parsed.bounds.every((b) => {
      const v = b.field === 'civil' ? civilText : ms;
      return b.op === '>=' ? v >= b.value : v < b.value;
    });
    if (!keep) continue;
    points.push({
      name: `users/${user.healthUserId}/dataTypes/${dataType}/dataPoints/${s.date.replace(/-/g, '')}${two(s.hours)}${two(s.minutes)}`,
      dataSource: s.dataSource,
      [spec.member]: {
        ...s.fields,
        sampleTime: {
          physicalTime: new Date(ms).toISOString().replace('.000Z', 'Z'),
          utcOffset: `${offsetMs / 1000}s`,
          civilTime: { date: dateParts(s.date), time: { hours: s.hours, minutes: s.minutes } },
        },
      },
    });
  }
  return { ok: true, points: points.reverse() };
}
