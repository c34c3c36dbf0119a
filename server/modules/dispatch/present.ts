import type { AssignmentView, UnitView } from './schema.js';
import type { AssignmentRow, UnitRow } from './store.js';

export function positionView(p: { lon: number; lat: number; recordedAt: Date }, now: Date, staleAfterSeconds: number) {
  const ageSeconds = Math.max(0, Math.floor((now.getTime() - p.recordedAt.getTime()) / 1000));
  return {
    location: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
    recordedAt: p.recordedAt.toISOString(),
    ageSeconds,
    stale: ageSeconds > staleAfterSeconds,
  };
}

/** A unit as consoles see it: its position comes with its age, so an old dot is never taken for a live one. */
export function presentUnit(row: UnitRow, now: Date, staleAfterSeconds: number): UnitView {
  return {
    id: row.id,
    callSign: row.call_sign,
    agency: row.agency,
    kind: row.kind,
    status: row.status,
    emergency: row.emergency_at !== null,
    emergencyAt: row.emergency_at?.toISOString() ?? null,
    statusChangedAt: row.status_changed_at.toISOString(),
    regionId: row.region_id,
    districtId: row.district_id,
    memberIds: row.member_ids,
    position:
      row.lon !== null && row.lat !== null && row.recorded_at
        ? positionView({ lon: row.lon, lat: row.lat, recordedAt: row.recorded_at }, now, staleAfterSeconds)
        : null,
    assignment:
      row.assignment_id && row.incident_id && row.assignment_status && row.assigned_at
        ? {
            id: row.assignment_id,
            incidentId: row.incident_id,
            status: row.assignment_status,
            assignedAt: row.assigned_at.toISOString(),
          }
        : null,
  };
}

export function presentAssignment(row: AssignmentRow): AssignmentView {
  return {
    id: row.id,
    unitId: row.unit_id,
    incidentId: row.incident_id,
    status: row.status,
    assignedAt: row.assigned_at.toISOString(),
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    onSceneAt: row.on_scene_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
  };
}
