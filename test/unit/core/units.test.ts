// Unit conversions from Google's base units and rounding without binary noise.
import {
  convertBetween,
  fromBaseUnit,
  roundTo,
  unitLabel,
  unitLabels,
} from '../../../src/core/units';

describe('units', () => {
  it('converts millimetres to km, miles, metres and feet', () => {
    expect(fromBaseUnit('distance', 1_609_344, 'us')).toBe(1);
    expect(fromBaseUnit('distance', 2_500_000, 'metric')).toBe(2.5);
    expect(fromBaseUnit('distance', 2_500_000, 'uk')).toBe(2.5);
    expect(fromBaseUnit('elevation', 3048, 'us')).toBe(10);
    expect(fromBaseUnit('elevation', 3048, 'metric')).toBeCloseTo(3.048, 10);
  });

  it('converts grams to kg, pounds and stone', () => {
    expect(fromBaseUnit('weight', 70_000, 'metric')).toBe(70);
    expect(roundTo(fromBaseUnit('weight', 453.59237 * 150, 'us'), 2)).toBe(150);
    expect(roundTo(fromBaseUnit('weight', 6350.29318 * 11.5, 'uk'), 2)).toBe(11.5);
  });

  it('leaves counts, kcal and minutes as they are', () => {
    expect(fromBaseUnit('count', 8432, 'us')).toBe(8432);
    expect(fromBaseUnit('energy', 812.5, 'uk')).toBe(812.5);
    expect(unitLabel('count', 'metric')).toBeNull();
    expect(unitLabel('weight', 'uk')).toBe('st');
  });

  it('gives temperatures in °C or °F (US), and a temperature difference without the 32° offset', () => {
    expect(unitLabel('temperature', 'metric')).toBe('°C');
    expect(unitLabel('temperature', 'us')).toBe('°F');
    expect(unitLabel('temperature', 'uk')).toBe('°C');
    expect(fromBaseUnit('temperature', 34.5, 'metric')).toBe(34.5);
    expect(roundTo(fromBaseUnit('temperature', 34.5, 'us'), 2)).toBe(94.1);
    expect(roundTo(fromBaseUnit('temperature', -40, 'us'), 2)).toBe(-40);
    expect(roundTo(fromBaseUnit('temperature-difference', 0.5, 'us'), 2)).toBe(0.9);
    expect(roundTo(fromBaseUnit('temperature-difference', -1, 'us'), 2)).toBe(-1.8);
    // A column changed from °C to °F and back keeps its values (the offset both ways).
    expect(roundTo(convertBetween('temperature', 34.5, '°C', '°F'), 2)).toBe(94.1);
    expect(roundTo(convertBetween('temperature', 94.1, '°F', '°C'), 2)).toBe(34.5);
    expect(roundTo(convertBetween('temperature-difference', 0.9, '°F', '°C'), 2)).toBe(0.5);
  });

  it('shows heart rate, HRV, percentages, breathing rate and VO2 max in their one unit', () => {
    for (const system of ['metric', 'us', 'uk'] as const) {
      expect(unitLabel('heart-rate', system)).toBe('bpm');
      expect(unitLabel('milliseconds', system)).toBe('ms');
      expect(unitLabel('percent', system)).toBe('%');
      expect(unitLabel('breathing-rate', system)).toBe('breaths/min');
      expect(unitLabel('vo2-max', system)).toBe('mL/kg/min');
      expect(fromBaseUnit('vo2-max', 44.2, system)).toBe(44.2);
    }
  });

  it('rounds half away from zero without binary noise', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(0.1 + 0.2, 3)).toBe(0.3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(Object.is(roundTo(-0.0001, 0), 0)).toBe(true);
  });

  it('converts between the labels a quantity is shown in with exact factors', () => {
    expect(unitLabels('distance')).toEqual(['km', 'mi']);
    expect(unitLabels('weight')).toEqual(['kg', 'lb', 'st']);
    expect(unitLabels('count')).toEqual([]);
    expect(convertBetween('distance', 1.609344, 'km', 'mi')).toBeCloseTo(1, 12);
    expect(convertBetween('elevation', 10, 'ft', 'm')).toBeCloseTo(3.048, 12);
    expect(convertBetween('weight', 1, 'st', 'lb')).toBeCloseTo(14, 12);
    expect(convertBetween('weight', 70, 'kg', 'kg')).toBe(70);
    expect(() => convertBetween('distance', 1, 'km', 'st')).toThrow('No unit st for distance');
  });
});
