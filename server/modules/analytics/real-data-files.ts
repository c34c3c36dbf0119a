import path from 'node:path';
import { loadPhiladelphia, type RealIncident } from './real-data.js';

/** Real data sets copied into the project (data/real/README.md), for tests and benchmarks only. */
const REAL = path.resolve(import.meta.dirname, 'data/real');

export const REAL_DATA_FILES = {
  philadelphia: path.join(REAL, 'philadelphia-crime-2016-2018.csv.gz'),
  chicagoBurglaries: path.join(REAL, 'chicago-burglary-near-repeat/chicago_burglary_2014_2017.csv'),
  chicagoNrcVerbose2016: path.join(REAL, 'chicago-burglary-near-repeat/nrc_output/chicago_burglary_2016_NRverbose.csv'),
} as const;

let philadelphia: Promise<RealIncident[]> | undefined;

/** All of Philadelphia with coordinates, read once per process (it takes a few seconds). */
export function philadelphiaIncidents(): Promise<RealIncident[]> {
  philadelphia ??= loadPhiladelphia(REAL_DATA_FILES.philadelphia);
  return philadelphia;
}
