import type { Db } from '../../db/connection.js';
import { listRegions } from '../geo/index.js';
import { INDICATORS } from './indicator-definitions.js';
import { insertObservations, type Observation } from './indicator-store.js';
import { seededRandom } from './random.js';

export const DEMO_SOURCE = 'DEMO: made up by the Aman demo seeder, not a survey or register result';

/**
 * Demo observations for every region over the given years, each marked `demo` and with a
 * source that says so: survey answers from 500–1,200 respondents drifting towards the targets,
 * road deaths near the national rate. Does nothing where a year is already there.
 */
export async function seedDemoIndicators(db: Db, years: readonly number[]): Promise<number> {
  const regions = await listRegions(db);
  const random = seededRandom(2028);
  const observations: Observation[] = [];
  for (const region of regions) {
    const offset = (random() - 0.5) * 0.12;
    for (const [k, year] of years.entries()) {
      for (const indicator of INDICATORS) {
        if (indicator.kind === 'register') {
          const rate = 12.5 - 0.5 * k + (random() - 0.5) * 6;
          const deaths = Math.max(0, Math.round((rate * region.population) / 100_000));
          observations.push({
            indicator: indicator.id,
            regionId: region.id,
            year,
            numerator: deaths,
            denominator: region.population,
            source: DEMO_SOURCE,
            demo: true,
          });
          continue;
        }
        const start = (indicator.baseline?.value ?? indicator.target.value - 8) / 100;
        const share = Math.min(0.97, Math.max(0.2, start + 0.025 * (k + 1) + offset + (random() - 0.5) * 0.04));
        const respondents = 500 + Math.floor(random() * 700);
        observations.push({
          indicator: indicator.id,
          regionId: region.id,
          year,
          numerator: Math.round(share * respondents),
          denominator: respondents,
          source: DEMO_SOURCE,
          demo: true,
        });
      }
    }
  }
  await insertObservations(db, observations);
  return observations.length;
}
