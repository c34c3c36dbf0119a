import type { App } from '../../http/app.js';
import { onIncidentEnded } from '../incidents/index.js';
import { releaseUnitsOfEndedIncident } from './assignments.js';
import { noCaution, type CautionLookup } from './caution.js';
import { recommendUnits } from './recommend.js';
import { registerDispatchRoutes } from './routes.js';
import type { DispatchDeps } from './service.js';
import { straightLineEstimator, type TravelTimeEstimator } from './travel-time.js';

export type DispatchOptions = Omit<DispatchDeps, 'travelTime' | 'caution'> & {
  /** A routing engine; straight line × road factor ÷ average speed when absent. */
  travelTime?: TravelTimeEstimator;
  /** The prevention module's protection-order look-up; no caution anywhere when absent. */
  caution?: CautionLookup;
};

export function dispatchDeps(options: DispatchOptions): DispatchDeps {
  return { ...options, travelTime: options.travelTime ?? straightLineEstimator, caution: options.caution ?? noCaution };
}

/** Units, positions, recommendation and assignment; an ended incident releases its units. */
export function registerDispatch(app: App, options: DispatchOptions): void {
  onIncidentEnded(releaseUnitsOfEndedIncident);
  registerDispatchRoutes(app, dispatchDeps(options));
}

export { recommendUnits };
export { respondersOf, type Responder } from './responders.js';
export { seedDispatch, type DispatchSeedReport } from './seed.js';
export { straightLineEstimator, haversineMeters, ROAD_FACTOR, AVERAGE_SPEED_KMH } from './travel-time.js';
export type { TravelTimeEstimator, TravelCandidate, LonLat } from './travel-time.js';
export type { CautionLookup } from './caution.js';
export { unitStatusCounts, type UnitStatusCount } from './board-read.js';
export type { DispatchDeps, Staff } from './service.js';
export type { UnitsTable, UnitMembersTable, UnitPositionsTable, UnitAssignmentsTable } from './tables.js';
