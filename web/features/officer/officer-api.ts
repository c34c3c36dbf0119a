import { api } from '../../src/api.js';
import type { AssignmentStatus, UnitView } from '../dispatch/dispatch-api.js';

/** What the officers of a unit see of the incident they are sent to: where, what, and whether to take care. */
export interface Orders {
  assignmentId: string;
  incidentId: string;
  status: AssignmentStatus;
  category: string;
  priority: number;
  location: { type: 'Point'; coordinates: [number, number] } | null;
  /** An active protection order covers the address. Carries nothing else about anyone. */
  caution: boolean;
}

// TODO: take this from the dispatch module's TypeBox schema (MyUnitView) once it is shared through common/.
export type MyUnit = Omit<UnitView, 'assignment'> & { orders: Orders | null };

export type ManualStatus = 'available' | 'busy' | 'off_duty';

export interface Fix {
  at: string;
  lon: number;
  lat: number;
  accuracyM?: number;
  headingDeg?: number;
  speedKmh?: number;
}

export const fetchMyUnits = (signal?: AbortSignal) => api.get<MyUnit[]>('/api/v1/units/mine', { signal });

export const setUnitStatus = (unitId: string, status: ManualStatus) =>
  api.post<UnitView>(`/api/v1/units/${unitId}/status`, { status });

export const setEmergency = (unitId: string, active: boolean) =>
  api.post<UnitView>(`/api/v1/units/${unitId}/emergency`, { active });

export const acceptOrders = (orders: Orders) =>
  api.post(`/api/v1/incidents/${orders.incidentId}/assignments/${orders.assignmentId}/accept`);

export const reportProgress = (orders: Orders, status: 'on_scene' | 'resolved') =>
  api.post(`/api/v1/incidents/${orders.incidentId}/assignments/${orders.assignmentId}/status`, { status });

export const sendPositions = (unitId: string, fixes: Fix[]) =>
  api.post<{ accepted: number; latestAt: string }>(`/api/v1/units/${unitId}/positions`, { fixes });
