import { AppError } from '../../http/errors.js';
import { findIncidentInScope } from '../incidents/index.js';
import { positionView } from './present.js';
import type { RecommendQuery, Recommendations } from './schema.js';
import type { DispatchDeps, Staff } from './service.js';
import { nearestAvailableUnits, unitScope } from './store.js';
import { haversineMeters } from './travel-time.js';

// The index orders candidates by straight-line distance; a farther car can beat a nearer foot
// patrol, so a few times more candidates than asked for are ranked by travel time.
const CANDIDATES_PER_RESULT = 4;
const MIN_CANDIDATES = 20;

/**
 * The nearest available units for an incident, fastest first: units of the incident's region
 * (and of the caller's district when the caller's jurisdiction is one), available, not in an
 * emergency, whose newest fix is fresher than AMAN_STALE_POSITION_SECONDS.
 */
export async function recommendUnits(
  deps: DispatchDeps,
  staff: Staff,
  incidentId: string,
  query: RecommendQuery,
): Promise<Recommendations> {
  const incident = await findIncidentInScope(deps.db, staff.jurisdiction, incidentId);
  if (!incident) throw new AppError('incident.not_found');
  if (!incident.location) throw new AppError('dispatch.incident_without_location');
  const now = deps.clock();
  const candidates = await nearestAvailableUnits(deps.db, {
    ...incident.location,
    regionId: incident.regionId,
    districtId: unitScope(staff.jurisdiction).districtId,
    freshSince: new Date(now.getTime() - deps.stalePositionSeconds * 1000),
    limit: Math.max(MIN_CANDIDATES, query.limit * CANDIDATES_PER_RESULT),
    agency: query.agency,
    kind: query.kind,
  });
  const etas = await deps.travelTime.estimate(incident.location, candidates);
  const target = incident.location;
  const ranked = candidates
    .map((c, i) => ({ c, eta: etas[i] ?? Infinity, distance: haversineMeters(c, target) }))
    .filter((r) => Number.isFinite(r.eta))
    .sort((a, b) => a.eta - b.eta || a.distance - b.distance)
    .slice(0, query.limit);
  return {
    incidentId: incident.id,
    staleAfterSeconds: deps.stalePositionSeconds,
    units: ranked.map(({ c, eta, distance }) => ({
      unitId: c.id,
      callSign: c.call_sign,
      agency: c.agency,
      kind: c.kind,
      distanceMeters: Math.round(distance),
      etaSeconds: Math.round(eta),
      position: positionView({ lon: c.lon, lat: c.lat, recordedAt: c.recorded_at }, now, deps.stalePositionSeconds),
    })),
  };
}
