import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { h3Hotspots, type HotspotCell } from './hotspots.js';
import { HotspotSurface } from './hotspot-surface.js';
import { seededRandom } from './random.js';

const centre = latLngToCell(43.238, 76.945, 9);

function byCell(cells: readonly HotspotCell[]): Map<string, HotspotCell> {
  return new Map(cells.map((c) => [c.cell, c]));
}

describe('Gi* hot spots updated one incident at a time', () => {
  it('scores a second incident in a cell by hand', () => {
    // 19 cells (two rings round the centre), one incident at the centre, then another: n = 19,
    // mean 2/19, S = √(4/19 − 4/361) = √72/19. The centre and its six neighbours all have the
    // 7-cell neighbourhood sum 2: z = (2 − 7·2/19) ÷ (S √((19·7 − 49)/18)) = 6/√21.
    const options = { k: 1, alpha: 0.05, studyArea: gridDisk(centre, 2) };
    const surface = new HotspotSurface(9, new Map([[centre, 1]]), options);
    surface.addToCell(centre);
    const result = byCell(surface.hotspots());
    expect(result.size).toBe(19);
    for (const cell of gridDisk(centre, 1)) expect(result.get(cell)!.z).toBeCloseTo(6 / Math.sqrt(21), 12);
    expect(result.get(centre)!.count).toBe(2);
  });

  it('gives the very z-scores, q-values and kinds of a full recomputation, as the study area grows', () => {
    const random = seededRandom(7);
    const area = gridDisk(centre, 6);
    const counts = new Map<string, number>();
    for (const cell of gridDisk(centre, 4)) if (random() < 0.6) counts.set(cell, 1 + Math.floor(random() * 4));
    const options = { k: 1, alpha: 0.05 };
    const surface = new HotspotSurface(9, counts, options);
    // Incidents near the centre (a cluster forms) and some beyond every counted cell.
    for (let step = 0; step < 40; step++) {
      const cell = step % 5 === 4 ? area[Math.floor(random() * area.length)]! : gridDisk(centre, 1)[step % 7]!;
      surface.addToCell(cell);
      counts.set(cell, (counts.get(cell) ?? 0) + 1);
      const updated = surface.hotspots();
      const full = byCell(h3Hotspots(counts, options));
      expect(updated.length).toBe(full.size);
      for (const c of updated) expect(c).toEqual(full.get(c.cell));
    }
    expect(surface.hotspots().find((c) => c.cell === centre)!.kind).toBe('hot');
  });

  it('adds a cell outside a given study area alone, as a full recomputation does', () => {
    const options = { k: 1, alpha: 0.05, studyArea: gridDisk(centre, 2) };
    const counts = new Map([[centre, 3]]);
    const surface = new HotspotSurface(9, counts, options);
    const outside = gridDisk(centre, 5).find((cell) => !options.studyArea.includes(cell))!;
    surface.addToCell(outside);
    counts.set(outside, 1);
    const updated = surface.hotspots();
    expect(updated.length).toBe(20);
    const full = byCell(h3Hotspots(counts, options));
    for (const c of updated) expect(c).toEqual(full.get(c.cell));
  });

  it('bins an incident by its coordinates at the surface resolution', () => {
    const surface = new HotspotSurface(9, new Map([[centre, 1]]), { k: 1, alpha: 0.05 });
    surface.addIncident({ lon: 76.945, lat: 43.238 });
    expect(surface.hotspots().find((c) => c.cell === centre)!.count).toBe(2);
  });
});
