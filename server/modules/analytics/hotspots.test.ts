import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { countByH3, giStar, h3Hotspots, type HotspotCell } from './hotspots.js';
import { seededRandom } from './random.js';
import { philadelphiaIncidents } from './real-data-files.js';
import { benjaminiHochberg, twoSidedP } from './statistics.js';

describe('Getis–Ord Gi*', () => {
  it('scores a five-cell line by hand', () => {
    // Mean 2, S = √(100/5 − 4) = 4. The peak's neighbourhood {1,2,3}: (10 − 2·3) / (4·√((15 − 9)/4)) = √(2/3).
    const z = giStar([0, 0, 10, 0, 0], [[1], [0, 2], [1, 3], [2, 4], [3]]);
    const expected = Math.sqrt(2 / 3);
    expect(Array.from(z).map((v) => Number(v.toFixed(10)))).toEqual(
      [-expected, expected, expected, expected, -expected].map((v) => Number(v.toFixed(10))),
    );
  });

  it('gives z = 0 when there is nothing to compare', () => {
    expect(Array.from(giStar([3, 3, 3], [[1], [0, 2], [1]]))).toEqual([0, 0, 0]);
  });

  it('keeps a uniform random pattern within the false discovery rate', () => {
    // A 20 × 20 lattice with queen neighbours and Poisson(5) counts, 40 seeded patterns. With no
    // hot spot, FDR control means P(any discovery) ≤ α = 0.05: two or so of 40 are expected, and
    // more than six would be a 0.3% event.
    const side = 20;
    const neighbours = Array.from({ length: side * side }, (_, i) => {
      const [r, c] = [Math.floor(i / side), i % side];
      const near: number[] = [];
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) {
          if ((dr || dc) && r + dr >= 0 && r + dr < side && c + dc >= 0 && c + dc < side) near.push((r + dr) * side + c + dc);
        }
      return near;
    });
    let patternsWithDiscoveries = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const counts = neighbours.map(() => poisson(5, random));
      const q = benjaminiHochberg(Array.from(giStar(counts, neighbours), twoSidedP));
      if (q.some((v) => v <= 0.05)) patternsWithDiscoveries++;
    }
    expect(patternsWithDiscoveries).toBeLessThanOrEqual(6);
  });

  it('finds a planted cluster of H3 cells and nothing else', () => {
    const centre = latLngToCell(43.238, 76.945, 9);
    const area = gridDisk(centre, 12);
    const random = seededRandom(3);
    const counts = new Map(area.map((cell) => [cell, poisson(2, random)]));
    for (const cell of gridDisk(centre, 1)) counts.set(cell, 15);
    const result = h3Hotspots(counts, { k: 1, alpha: 0.05, studyArea: area });
    const hot = new Set(result.filter((c) => c.kind === 'hot').map((c) => c.cell));
    expect(hot.has(centre)).toBe(true);
    for (const cell of hot) expect(gridDisk(centre, 2)).toContain(cell);
    expect(result[0]!.cell).toBe(centre);
  });
});

function poisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let product = random(); product > limit; product *= random()) k++;
  return k;
}

describe('hot spots of Philadelphia residential burglary, 2018', () => {
  let result: HotspotCell[];
  let burglaries: number;

  beforeAll(async () => {
    const all = await philadelphiaIncidents();
    // The study area is every resolution-9 cell where any incident was recorded in 2016–2018.
    const studyArea = countByH3(all, 9).keys();
    const selected = all.filter((i) => i.sourceCategory === 'Burglary Residential' && i.at.getUTCFullYear() === 2018);
    burglaries = selected.length;
    result = h3Hotspots(countByH3(selected, 9), { k: 1, alpha: 0.05, studyArea });
  });

  it('finds significant hot spots inside the city, more burgled than the average cell', () => {
    const hot = result.filter((c) => c.kind === 'hot');
    console.info(`Philadelphia 2018: ${burglaries} residential burglaries, ${result.length} cells, ${hot.length} hot at FDR 5%`);
    expect(hot.length).toBeGreaterThan(10);
    const mean = burglaries / result.length;
    const meanHot = hot.reduce((a, c) => a + c.count, 0) / hot.length;
    expect(meanHot).toBeGreaterThan(2 * mean);
    for (const c of hot) {
      const [lat, lon] = cellToLatLng(c.cell);
      expect(lon).toBeGreaterThan(-75.3);
      expect(lon).toBeLessThan(-74.95);
      expect(lat).toBeGreaterThan(39.85);
      expect(lat).toBeLessThan(40.15);
    }
  });
});
