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
