import type { Generated } from 'kysely';
import type { Agency, AssignmentStatus, UnitKind, UnitStatus } from './schema.js';

export interface UnitsTable {
  id: Generated<string>;
  region_id: string;
  district_id: string;
  call_sign: string;
  agency: Agency;
  kind: UnitKind;
  status: UnitStatus;
  status_changed_at: Date;
  /** Set while an officer of the unit has pressed panic; the unit then heads every console of its area. */
  emergency_at: Date | null;
  created_at: Date;
}

export interface UnitMembersTable {
  unit_id: string;
  user_id: string;
  region_id: string;
}

/** One row per unit: its newest fix. */
export interface UnitPositionsTable {
  unit_id: string;
  region_id: string;
  /** PostGIS geometry; write it through ST_MakePoint, read it through ST_X/ST_Y. */
  location: unknown;
  recorded_at: Date;
  received_at: Date;
  accuracy_m: number | null;
  heading_deg: number | null;
  speed_kmh: number | null;
}

export interface UnitAssignmentsTable {
  id: Generated<string>;
  unit_id: string;
  incident_id: string;
  region_id: string;
  status: AssignmentStatus;
  assigned_by: string | null;
  assigned_at: Date;
  accepted_at: Date | null;
  on_scene_at: Date | null;
  /** Null while the assignment is active: the unique index on unit_id counts only those rows. */
  ended_at: Date | null;
  end_reason: string | null;
}

declare module '../../db/tables.js' {
  interface Tables {
    units: UnitsTable;
    unit_members: UnitMembersTable;
    unit_positions: UnitPositionsTable;
    unit_assignments: UnitAssignmentsTable;
  }
}
