import type { ColumnType, Generated } from 'kysely';

/** Text in each language: Kazakh and Russian always, English when the editor wrote it. */
export interface LocalText {
  kk: string;
  ru: string;
  en?: string;
}

type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;
/** A `date` column, written as 'YYYY-MM-DD' and read through to_char. */
type Day = ColumnType<string, string, string>;

export interface ReceptionHours {
  /** ISO weekday: 1 is Monday. */
  day: number;
  from: string;
  to: string;
}

interface Placed {
  beat_id: string;
  district_id: string;
  region_id: string;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  updated_by: string | null;
}

export interface PortalTeamMembersTable extends Placed {
  id: Generated<string>;
  sort_order: number;
  name: string;
  position: string;
  rank: string;
  phone: string | null;
  email: string | null;
  /** The reception point's address: a police office, never a home. */
  reception_point: NullableJson<LocalText>;
  reception_hours: Json<ReceptionHours[]>;
  bio: NullableJson<LocalText>;
  /** A JPEG re-encoded on upload (no metadata), at most 512 KB. */
  photo: Buffer | null;
  photo_updated_at: Date | null;
}

export interface PortalPrioritiesTable extends Placed {
  id: Generated<string>;
  issue: Json<LocalText>;
  issue_date: Day;
  action: NullableJson<LocalText>;
  action_date: ColumnType<string | null, string | null, string | null>;
  closed: boolean;
}

export interface PortalMeetingsTable extends Placed {
  id: Generated<string>;
  type: 'meeting' | 'report' | 'other';
  title: Json<LocalText>;
  description: NullableJson<LocalText>;
  address: Json<LocalText>;
  starts_at: Date;
  ends_at: Date;
}

declare module '../../db/tables.js' {
  interface Tables {
    portal_team_members: PortalTeamMembersTable;
    portal_priorities: PortalPrioritiesTable;
    portal_meetings: PortalMeetingsTable;
  }
}
