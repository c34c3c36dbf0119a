import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, districtPopulations, regionPopulations, URBAN_SHARE } from './population.js';

describe('apportion', () => {
  it('splits into whole parts that add up to the total', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000_000),
        fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (total, weights) => {
          const parts = apportion(total, weights);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            expect(Math.abs(p - (total * weights[i]!) / weights.reduce((s, w) => s + w, 0))).toBeLessThan(1);
          });
        },
      ),
    );
  });

  it('refuses weights that cannot share anything', () => {
    expect(() => apportion(10, [0, 0])).toThrow(RangeError);
    expect(() => apportion(10, [1, -1, 2])).toThrow(RangeError);
  });
});

describe('regionPopulations', () => {
  it('keeps published figures and shares the rest of the national total by area among the others', () => {
    const result = regionPopulations(1000, [
      { id: 'a', population: 400, areaKm2: 10 },
      { id: 'b', population: null, areaKm2: 30 },
      { id: 'c', population: null, areaKm2: 10 },
    ]);
    expect(result).toEqual([
      { id: 'a', population: 400, estimated: false },
      { id: 'b', population: 450, estimated: true },
      { id: 'c', population: 150, estimated: true },
    ]);
  });

  it('refuses figures that exceed the national total', () => {
    expect(() => regionPopulations(10, [{ id: 'a', population: 11, areaKm2: 1 }])).toThrow(RangeError);
  });
});

describe('districtPopulations', () => {
  it('gives an oblast’s cities half its people and its districts the rest, each by area', () => {
    const result = districtPopulations(new Map([['r', 1000]]), [
      { id: 'city', regionId: 'r', kind: 'city', areaKm2: 300 },
      { id: 'big-rural', regionId: 'r', kind: 'district', areaKm2: 30_000 },
      { id: 'small-rural', regionId: 'r', kind: 'district', areaKm2: 10_000 },
    ]);
    expect(result.get('city')).toBe(1000 * URBAN_SHARE);
    expect(result.get('big-rural')).toBe(375);
    expect(result.get('small-rural')).toBe(125);
  });

  it('does not let a city administration’s steppe make it the largest city', () => {
    const result = districtPopulations(new Map([['r', 900]]), [
      { id: 'centre', regionId: 'r', kind: 'city', areaKm2: 560 },
      { id: 'mining-town', regionId: 'r', kind: 'city', areaKm2: 19_000 },
      { id: 'rural', regionId: 'r', kind: 'district', areaKm2: 50_000 },
    ]);
    expect(result.get('centre')).toBe(result.get('mining-town'));
  });

  it('splits a city of republican significance among its districts by area', () => {
    const result = districtPopulations(new Map([['r', 90]]), [
      { id: 'a', regionId: 'r', kind: 'city_district', areaKm2: 20 },
      { id: 'b', regionId: 'r', kind: 'city_district', areaKm2: 70 },
    ]);
    expect([result.get('a'), result.get('b')]).toEqual([20, 70]);
  });
});
