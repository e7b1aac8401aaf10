// Unit systems (metric, US, UK) and conversions from the metric base units Google Health sends.
/**
 * API:
 * - `UnitSystem` = 'metric' | 'us' | 'uk'; `UNIT_SYSTEMS`.
 * - `Quantity`: what a metric measures ('count', 'distance', 'elevation', 'energy', 'minutes',
 *   'weight', 'temperature', 'temperature-difference', and fixed-unit ones: 'heart-rate' (bpm),
 *   'milliseconds', 'percent', 'breathing-rate', 'vo2-max', and 'time-of-day': a clock reading
 *   as a fraction of a day, written with a time number format).
 * - `unitLabel(quantity, system)`: 'km', 'mi', 'm', 'ft', 'kcal', 'min', 'kg', 'lb', 'st', '°C',
 *   '°F', 'bpm', 'ms', '%', 'breaths/min', 'mL/kg/min' or null for plain counts.
 * - `fromBaseUnit(quantity, value, system)`: converts from the base unit of the quantity
 *   (distance and elevation: mm, energy: kcal, weight: g, minutes: min, temperature: °C) to the
 *   'milliseconds', 'percent', 'breathing-rate', 'vo2-max', 'volume' (mL, or US fl oz), and
 *   unitless 'index' (BMI) and 'level' (a text such as a cardio fitness level)).
 * - `unitLabel(quantity, system, weightUnit?)`: 'km', 'mi', 'm', 'ft', 'kcal', 'min', 'kg', 'lb',
 *   'st', '°C', '°F', 'bpm', 'ms', '%', 'breaths/min', 'mL/kg/min', 'mL', 'fl oz' or null for
 *   plain counts, indices and levels.
 * - `WeightUnit` = 'kg' | 'lb' | 'st', `WEIGHT_UNITS`, `isWeightUnit`, `defaultWeightUnit(system)`:
 *   weight follows the unit system (kg, lb, st) unless the person picks its unit apart; stone is
 *   a decimal number of stones (12.5 st), so the cell stays a number a formula or chart can use
 *   and a change of units converts it in place like any other.
 * - `fromBaseUnit(quantity, value, system, weightUnit?)`: converts from the base unit of the quantity
 *   (distance and elevation: mm, energy: kcal, weight: g, minutes: min, temperature: °C, volume:
 *   mL) to the
 *   system's unit. A temperature has an offset (°F = °C × 9/5 + 32); a temperature difference
 *   (nightly minus baseline) only the factor.
 * - `roundTo(value, decimals)`.
 * - `unitLabels(quantity)`: every label the quantity is shown in, across systems ('km', 'mi').
 * - `convertBetween(quantity, value, fromLabel, toLabel)`: a value shown in one label in another
 *   (exact factors; the caller rounds).
 * The systems follow the legacy Fitbit Web API's Accept-Language tables (en_US imperial, en_GB UK:
 * km, m and stone; anything else metric), so both providers fill the same columns identically.
 */

export type UnitSystem = 'metric' | 'us' | 'uk';
export const UNIT_SYSTEMS: readonly UnitSystem[] = ['metric', 'us', 'uk'];

export type Quantity =
  | 'count'
  | 'distance'
  | 'elevation'
  | 'energy'
  | 'minutes'
  | 'weight'
  | 'temperature'
  | 'temperature-difference'
  | 'heart-rate'
  | 'milliseconds'
  | 'percent'
  | 'breathing-rate'
  | 'vo2-max'
  /** A local clock reading as a fraction of a day (0.9375 = 22:30), shown with a time format. */
  | 'time-of-day'
  | 'volume'
  | 'index'
  | 'level';

export type WeightUnit = 'kg' | 'lb' | 'st';
export const WEIGHT_UNITS: readonly WeightUnit[] = ['kg', 'lb', 'st'];

const MM_PER_KM = 1_000_000;
const MM_PER_MILE = 1_609_344;
const MM_PER_M = 1_000;
const MM_PER_FOOT = 304.8;
const G_PER_KG = 1_000;
const G_PER_POUND = 453.59237;
const G_PER_STONE = 14 * G_PER_POUND;
/** The US customary fluid ounce (Fitbit's US water unit); the UK table keeps millilitres. */
const ML_PER_US_FLUID_OUNCE = 29.5735295625;

const LABELS: Record<Quantity, Record<UnitSystem, string | null>> = {
  count: { metric: null, us: null, uk: null },
  distance: { metric: 'km', us: 'mi', uk: 'km' },
  elevation: { metric: 'm', us: 'ft', uk: 'm' },
  energy: { metric: 'kcal', us: 'kcal', uk: 'kcal' },
  minutes: { metric: 'min', us: 'min', uk: 'min' },
  weight: { metric: 'kg', us: 'lb', uk: 'st' },
  // en_GB keeps Celsius (the UK column of Fitbit's unit table).
  temperature: { metric: '°C', us: '°F', uk: '°C' },
  'temperature-difference': { metric: '°C', us: '°F', uk: '°C' },
  'heart-rate': { metric: 'bpm', us: 'bpm', uk: 'bpm' },
  milliseconds: { metric: 'ms', us: 'ms', uk: 'ms' },
  percent: { metric: '%', us: '%', uk: '%' },
  'breathing-rate': { metric: 'breaths/min', us: 'breaths/min', uk: 'breaths/min' },
  'vo2-max': { metric: 'mL/kg/min', us: 'mL/kg/min', uk: 'mL/kg/min' },
  'time-of-day': { metric: null, us: null, uk: null },
  volume: { metric: 'mL', us: 'fl oz', uk: 'mL' },
  index: { metric: null, us: null, uk: null },
  level: { metric: null, us: null, uk: null },
};

const FAHRENHEIT_PER_CELSIUS = 9 / 5;
const FAHRENHEIT_AT_ZERO_CELSIUS = 32;
const SAME = { metric: 1, us: 1, uk: 1 };

const BASE_PER_UNIT: Record<Quantity, Record<UnitSystem, number>> = {
  count: { metric: 1, us: 1, uk: 1 },
  distance: { metric: MM_PER_KM, us: MM_PER_MILE, uk: MM_PER_KM },
  elevation: { metric: MM_PER_M, us: MM_PER_FOOT, uk: MM_PER_M },
  energy: { metric: 1, us: 1, uk: 1 },
  minutes: { metric: 1, us: 1, uk: 1 },
  weight: { metric: G_PER_KG, us: G_PER_POUND, uk: G_PER_STONE },
  // Base °C per unit: one °F is 5/9 °C (the 32° offset of temperatures is applied separately).
  temperature: { metric: 1, us: 1 / FAHRENHEIT_PER_CELSIUS, uk: 1 },
  'temperature-difference': { metric: 1, us: 1 / FAHRENHEIT_PER_CELSIUS, uk: 1 },
  'heart-rate': SAME,
  milliseconds: SAME,
  percent: SAME,
  'breathing-rate': SAME,
  'vo2-max': SAME,
  'time-of-day': SAME,
  volume: { metric: 1, us: ML_PER_US_FLUID_OUNCE, uk: 1 },
  index: SAME,
  level: SAME,
};

const G_PER_WEIGHT_UNIT: Record<WeightUnit, number> = {
  kg: G_PER_KG,
  lb: G_PER_POUND,
  st: G_PER_STONE,
};

export function isWeightUnit(value: unknown): value is WeightUnit {
  return typeof value === 'string' && (WEIGHT_UNITS as readonly string[]).includes(value);
}

export function defaultWeightUnit(system: UnitSystem): WeightUnit {
  return LABELS.weight[system] as WeightUnit;
}

/** The base-unit value of zero in a label's scale (only temperatures have an offset). */
function offsetOf(quantity: Quantity, label: string): number {
  return quantity === 'temperature' && label === '°F' ? FAHRENHEIT_AT_ZERO_CELSIUS : 0;
}

export function isUnitSystem(value: unknown): value is UnitSystem {
  return typeof value === 'string' && (UNIT_SYSTEMS as readonly string[]).includes(value);
}

export function unitLabel(
  quantity: Quantity,
  system: UnitSystem,
  weightUnit?: WeightUnit,
): string | null {
  if (quantity === 'weight' && weightUnit) return weightUnit;
  return LABELS[quantity][system];
}

/** Every label a quantity is shown in, across systems, without repeats ('km', 'mi'). */
export function unitLabels(quantity: Quantity): string[] {
  const labels = UNIT_SYSTEMS.map((system) => LABELS[quantity][system]);
  return [...new Set(labels.filter((l): l is string => l !== null))];
}

function basePerLabel(quantity: Quantity, label: string): number {
  const system = UNIT_SYSTEMS.find((s) => LABELS[quantity][s] === label);
  if (!system) throw new RangeError(`No unit ${label} for ${quantity}`);
  return BASE_PER_UNIT[quantity][system];
}

/** A value shown in `from` expressed in `to` (both labels of the quantity, e.g. 'km' -> 'mi'). */
export function convertBetween(
  quantity: Quantity,
  value: number,
  from: string,
  to: string,
): number {
  if (from === to) return value;
  const base = (value - offsetOf(quantity, from)) * basePerLabel(quantity, from);
  return base / basePerLabel(quantity, to) + offsetOf(quantity, to);
}

export function fromBaseUnit(
  quantity: Quantity,
  value: number,
  system: UnitSystem,
  weightUnit?: WeightUnit,
): number {
  if (quantity === 'weight' && weightUnit) return value / G_PER_WEIGHT_UNIT[weightUnit];
  const label = LABELS[quantity][system];
  return value / BASE_PER_UNIT[quantity][system] + (label ? offsetOf(quantity, label) : 0);
}

/** Rounds half away from zero to a fixed number of decimals, without binary noise (1.005 -> 1.01). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(Number(scaled.toPrecision(15))) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
