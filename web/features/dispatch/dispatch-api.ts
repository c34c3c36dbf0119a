import { api } from '../../src/api.js';
import { allPages, type Page } from '../../src/paging.js';

// TODO: take these from the dispatch module's TypeBox schemas once they are shared through common/.
export type UnitStatus = 'available' | 'dispatched' | 'en_route' | 'on_scene' | 'busy' | 'off_duty';
export type Agency = 'police' | 'national_guard';
export type UnitKind = 'patrol_car' | 'motorcycle' | 'bicycle' | 'foot';
export type AssignmentStatus = 'assigned' | 'accepted' | 'on_scene' | 'resolved' | 'cancelled';

export interface PositionView {
  location: { type: 'Point'; coordinates: [number, number] };
  recordedAt: string;
  /** The position's age when the server answered. */
  ageSeconds: number;
  stale: boolean;
}

export interface UnitView {
  id: string;
  callSign: string;
  agency: Agency;
  kind: UnitKind;
  status: UnitStatus;
  emergency: boolean;
  emergencyAt: string | null;
  statusChangedAt: string;
  regionId: string;
  districtId: string;
  memberIds: string[];
  position: PositionView | null;
  assignment: { id: string; incidentId: string; status: AssignmentStatus; assignedAt: string } | null;
}

interface UnitPage extends Page<UnitView> {
  staleAfterSeconds: number;
}

/** All units of the caller's jurisdiction, with the moment the answer arrived (positions age from it). */
export interface UnitSnapshot {
  units: UnitView[];
  staleAfterSeconds: number;
  /** performance.now() when the answer arrived: ages count on from here, whatever the device's clock says. */
  receivedAt: number;
}

// A region has a few hundred units; a whole country's console would need its own view, not 20 pages a poll.
const MAX_UNIT_PAGES = 4;
// As the operator's console: a mass event may leave more than a page of open incidents.
const MAX_INCIDENT_PAGES = 20;

export async function fetchUnits(signal?: AbortSignal): Promise<UnitSnapshot> {
  let staleAfterSeconds = 120;
  const units = await allPages(async (cursor) => {
    const answer = await api.get<UnitPage>('/api/v1/units', { query: { limit: 500, cursor }, signal });
    staleAfterSeconds = answer.staleAfterSeconds;
    return answer;
  }, MAX_UNIT_PAGES);
  return { units, staleAfterSeconds, receivedAt: performance.now() };
}

/** An open incident as the console's queue lists it (only what the board draws). */
export interface OpenIncident {
  id: string;
  category: string;
  status: string;
  priority: number;
  reportedAt: string;
  location: { type: 'Point'; coordinates: [number, number] } | null;
}

/** The open incidents of the jurisdiction, most urgent first (the operator's queue), all of them. */
export function fetchOpenIncidents(signal?: AbortSignal): Promise<OpenIncident[]> {
  return allPages(
    (cursor) => api.get<Page<OpenIncident>>('/api/v1/incidents/queue', { query: { limit: 500, cursor }, signal }),
    MAX_INCIDENT_PAGES,
  );
}

export interface Interval {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface ResponseFigures {
  incidents: number;
  toDispatch: Interval;
  toOnScene: Interval;
  toResolved: Interval;
}

export interface ResponseTimes {
  from: string;
  to: string;
  overall: ResponseFigures;
  byPriority: (ResponseFigures & { priority: number })[];
  byDistrict: (ResponseFigures & { regionId: string; districtId: string | null })[];
}

export function fetchResponseTimes(period: { from: string; to: string }, signal?: AbortSignal): Promise<ResponseTimes> {
  return api.get<ResponseTimes>('/api/v1/dispatch/response-times', { query: period, signal });
}
