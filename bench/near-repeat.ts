// The Knox test on Chicago 2016 burglaries, as Ratcliffe's Near Repeat Calculator runs it.
import { knoxTest, loadChicagoBurglaries, REAL_DATA_FILES } from '../server/modules/analytics/index.js';
import { writeResult } from './result.js';

const burglaries = await loadChicagoBurglaries(REAL_DATA_FILES.chicagoBurglaries, 2016);
const started = performance.now();
const knox = knoxTest(
  burglaries.map((b) => ({ x: b.x, y: b.y, t: b.day })),
  { spatialBandwidth: 100, spatialBands: 3, temporalBandwidth: 2, temporalBands: 2, iterations: 999, seed: 2016 },
);
writeResult('near-repeat-chicago-2016', {
  metric: `Knox test, ${burglaries.length} burglaries (${knox.pairs} pairs), 3 × 100 m by 2 × 2 days, 999 permutations`,
  value: (performance.now() - started) / 1000,
  unit: 's',
  limit: 10,
});
