import { describe, expect, it } from 'vitest';
import { projectUtm, unprojectUtm, utmZone } from './projection.js';

describe('UTM projection', () => {
  it('brings projected points back to where they were, to a millimetre', () => {
    const places: [number, number][] = [
      [76.9458, 43.2383], // Almaty, zone 43
      [71.4304, 51.1282], // Astana, zone 42
      [-75.1652, 39.9526], // Philadelphia, zone 18
      [80.9, 49.1], // near a zone's eastern edge
    ];
    for (const [lon, lat] of places) {
      const zone = utmZone(lon);
      const { x, y } = projectUtm(lon, lat, zone);
      const back = unprojectUtm(x, y, zone);
      // 1e-8 degrees is about a millimetre.
      expect(Math.abs(back.lon - lon)).toBeLessThan(1e-8);
      expect(Math.abs(back.lat - lat)).toBeLessThan(1e-8);
    }
  });

  it('puts the central meridian at the false easting', () => {
    expect(unprojectUtm(500_000, 4_787_000, 43).lon).toBeCloseTo(75, 12);
  });
});
