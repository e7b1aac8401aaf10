// BMI from Google Health: the day's weight roll-up over the square of the latest height at or before
// that day, the heights read with one `list` of every height sample up to the range's end.
/**
 * API:
 * - `BMI_HEIGHT_KEY`, `BMI_WEIGHT_KEY`: the ingredient keys the requests fill (see metricOfKey):
 *   the height in mm in force on each day, and the day's average weight in grams.
 * - `heightListRequest(range, units)`: GET .../dataTypes/height/dataPoints?pageSize=10000&filter=
 *   height.sample_time.civil_time < "<day after the range>": every height up to the range's end
 *   in one request, whatever the range (a height taken years before still applies).
 * - `parseHeights(request, body)`: DayValues with BMI_HEIGHT_KEY for each covered day that has a
 *   height at or before it (by the sample's local date; the later sample wins on the same day).
 * - `deriveBmi(cells)`: the day's cells with `bmi` set: kg / m², rounded to one decimal; null when
 *   the day has no weigh-in or no height yet (never a guess); undefined (cell left alone) when an
 *   ingredient was not fetched (refused).
 * Heights come newest first, 10,000 to a page: one page holds a lifetime of them. Should the API
 * page anyway, a later page holds older samples that could not overwrite the first page's days
 * correctly (pages merge by overwriting), so only the first page is read: days before its oldest
 * sample get an empty BMI rather than a wrong one.
 */
import type { DayCells, DayValue, DayValues } from '../../core/day-values';
import { addDays, compareDates, eachDay, fromParts, type CivilDate } from '../../core/dates';
import type { DateRange } from '../../core/dates';
import type { PlannedRequest } from '../../core/planned-request';
import type { UnitSystem } from '../../core/units';
import { roundTo } from '../../core/units';
import { isRecord } from '../../core/json-body';

export const BMI_HEIGHT_KEY = 'bmi:heightMm';
export const BMI_WEIGHT_KEY = 'bmi:weightG';

const API = 'https://health.googleapis.com/v4/users/me/dataTypes/height/dataPoints';
const PAGE_SIZE = 10000;

export class HeightShapeError extends Error {}

export function heightListFilter(range: DateRange): string {
  return `height.sample_time.civil_time < "${addDays(range.end, 1)}"`;
}

export function heightListRequest(range: DateRange, units: UnitSystem): PlannedRequest {
  const filter = encodeURIComponent(heightListFilter(range));
  return {
    id: `google height list ..${range.end}`,
    method: 'get',
    url: `${API}?pageSize=${PAGE_SIZE}&filter=${filter}`,
    headers: {},
    shape: 'google-height-list',
    covers: { start: range.start, end: range.end, metricIds: [BMI_HEIGHT_KEY] },
    units,
  };
}

interface HeightSample {
  date: CivilDate;
  /** For ordering samples of one day: the local time text 'HH:mm:ss' or the physical instant. */
  order: string;
  mm: number;
}

function sampleOf(point: unknown): HeightSample {
  if (!isRecord(point) || !isRecord(point.height))
    throw new HeightShapeError('a data point has no height');
  const { heightMillimeters, sampleTime } = point.height;
  if (typeof heightMillimeters !== 'string' || !/^\d+$/.test(heightMillimeters))
    throw new HeightShapeError('height.heightMillimeters is not an int64');
  if (!isRecord(sampleTime) || !isRecord(sampleTime.civilTime))
    throw new HeightShapeError('height.sampleTime.civilTime is missing');
  const civil = sampleTime.civilTime;
  const d = civil.date;
  if (
    !isRecord(d) ||
    typeof d.year !== 'number' ||
    typeof d.month !== 'number' ||
    typeof d.day !== 'number'
  )
    throw new HeightShapeError('height.sampleTime.civilTime.date is not {year, month, day}');
  let date: CivilDate;
  try {
    date = fromParts({ year: d.year, month: d.month, day: d.day });
  } catch {
    throw new HeightShapeError('height.sampleTime.civilTime.date is not a calendar date');
  }
  const t = isRecord(civil.time) ? civil.time : {};
  const two = (v: unknown) => String(typeof v === 'number' ? v : 0).padStart(2, '0');
  return {
    date,
    order: `${two(t.hours)}:${two(t.minutes)}:${two(t.seconds)}`,
    mm: Number(heightMillimeters),
  };
}

export function parseHeights(request: PlannedRequest, body: Record<string, unknown>): DayValues {
  const points = body.dataPoints ?? [];
  if (!Array.isArray(points)) throw new HeightShapeError('dataPoints is not a list');
  if ((request.page ?? 1) > 1) return {};
  const samples = points
    .map(sampleOf)
    .filter((s) => s.mm > 0)
    .sort((a, b) => compareDates(a.date, b.date) || (a.order < b.order ? -1 : 1));
  const values: DayValues = {};
  let next = 0;
  let current: number | null = null;
  for (const day of eachDay(request.covers)) {
    while (next < samples.length && compareDates(samples[next].date, day) <= 0)
      current = samples[next++].mm;
    if (current !== null) values[day] = { [BMI_HEIGHT_KEY]: current };
  }
  return values;
}

/** kg / m² from grams and millimetres: g / 1000 / (mm / 1000)² = 1000 g / mm². */
export function bmiOf(weightGrams: number, heightMm: number): number {
  return roundTo((1000 * weightGrams) / (heightMm * heightMm), 1);
}

export function deriveBmi(cells: Record<string, DayValue | null>): DayCells[string] {
  const height = cells[BMI_HEIGHT_KEY];
  const weight = cells[BMI_WEIGHT_KEY];
  if (height === undefined || weight === undefined) return cells;
  const bmi =
    typeof height === 'number' && typeof weight === 'number' && height > 0 && weight > 0
      ? bmiOf(weight, height)
      : null;
  return { ...cells, bmi };
}
