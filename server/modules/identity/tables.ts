import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Jurisdiction, JurisdictionLevel, Language, Role } from '../../../common/roles.js';

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  totp_secret_enc: string;
  totp_last_step: Generated<number>;
  roles: Role[];
  jurisdiction_level: JurisdictionLevel;
  region_id: string | null;
  district_id: string | null;
  beat_id: string | null;
  language: Generated<Language>;
  disabled: Generated<boolean>;
  locked_until: Date | null;
  failures_reset_at: Date | null;
  password_changed_at: Generated<Date>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  user_id: string | null;
  ip: string;
  at: Date;
  success: boolean;
}

export interface ApiKeysTable {
  id: Generated<string>;
  kind: 'open311' | 'device' | 'partner';
  name: string;
  key_hash: string;
  jurisdiction_level: ColumnType<JurisdictionLevel, JurisdictionLevel | undefined, JurisdictionLevel>;
  region_id: string | null;
  district_id: string | null;
  beat_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

declare module '../../db/tables.js' {
  interface Tables {
    users: UsersTable;
    sessions: SessionsTable;
    login_attempts: LoginAttemptsTable;
    api_keys: ApiKeysTable;
  }
}

/** A user's jurisdiction from its row's columns. */
export function jurisdictionOf(
  user: Pick<Selectable<UsersTable>, 'jurisdiction_level' | 'region_id' | 'district_id' | 'beat_id'>,
): Jurisdiction {
  return { level: user.jurisdiction_level, regionId: user.region_id, districtId: user.district_id, beatId: user.beat_id };
}
