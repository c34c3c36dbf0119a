// The analysis engine on real data: the Knox test on Chicago 2016 burglaries (as Ratcliffe's Near
// Repeat Calculator runs it) and Gi* hot spots and kernel density over three years of Philadelphia.
import {
  countByH3,
  gridAround,
  h3Hotspots,
  knoxTest,
  loadChicagoBurglaries,
  philadelphiaIncidents,
  projectUtm,
  quarticDensity,
  REAL_DATA_FILES,
} from '../server/modules/analytics/index.js';
import { writeResult } from './result.js';

function timed<T>(run: () => T): { value: T; seconds: number } {
  const started = performance.now();
  const value = run();
  return { value, seconds: (performance.now() - started) / 1000 };
}

const burglaries = await loadChicagoBurglaries(REAL_DATA_FILES.chicagoBurglaries, 2016);
const knox = timed(() =>
  knoxTest(
    burglaries.map((b) => ({ x: b.x, y: b.y, t: b.day })),
    { spatialBandwidth: 100, spatialBands: 3, temporalBandwidth: 2, temporalBands: 2, iterations: 999, seed: 2016 },
  ),
);
writeResult('near-repeat-chicago-2016', {
  metric: `Knox test, ${burglaries.length} burglaries (${knox.value.pairs} pairs), 3 × 100 m by 2 × 2 days, 999 permutations`,
  value: knox.seconds,
  unit: 's',
  limit: 10,
});

const incidents = await philadelphiaIncidents();
const gi = timed(() => h3Hotspots(countByH3(incidents, 9), { k: 1, alpha: 0.05 }));
writeResult('hotspots-philadelphia-gi-star', {
  metric: `Gi* on H3 resolution 9, k = 1, FDR 5%: ${incidents.length} incidents, ${gi.value.length} cells, ${gi.value.filter((c) => c.kind === 'hot').length} hot`,
  value: gi.seconds,
  unit: 's',
  limit: 10,
});

const points = incidents.map((i) => projectUtm(i.lon, i.lat, 18));
const grid = gridAround(points, 50, 300);
const kde = timed(() => quarticDensity(points, grid, 300));
writeResult('hotspots-philadelphia-kde', {
  metric: `quartic kernel density, bandwidth 300 m, ${grid.columns} × ${grid.rows} cells of 50 m: ${incidents.length} incidents`,
  value: kde.seconds,
  unit: 's',
  limit: 10,
});
