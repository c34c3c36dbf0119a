import type { ColumnType, Generated } from 'kysely';
import type { AgeBand, Intoxication, PlaceType, VictimSex } from '../../../common/incident-circumstances.js';
import type { InvestigationOutcome } from '../../../common/investigation-outcomes.js';
import type { StoredSystemNote } from './system-notes.js';

export interface IncidentsTable {
  id: Generated<string>;
  region_id: string;
  district_id: string | null;
  beat_id: string | null;
  h3: string | null;
  category: string;
  status: string;
  priority: number;
  source: string;
  occurred_at: Date;
  reported_at: Date;
  /** PostGIS geometry; read it through ST_AsGeoJSON, write it through ST_MakePoint. */
  location: unknown;
  created_at: Generated<Date>;
  /** Citizen reports only: what the reporter quotes to follow the report. */
  tracking_code: string | null;
  /** Plain text of rows written before 0065; emptied at start-up once sealed into `description_enc`. Never written. */
  description: ColumnType<string | null, never, null>;
  /** What the reporter, call-taker or device said, field-encrypted: it names people, phones and places. */
  description_enc: string | null;
  anonymous: Generated<boolean>;
  /** Field-encrypted (server/secrets/field-crypto.ts); never sent as they are stored. */
  reporter_name_enc: string | null;
  reporter_phone_enc: string | null;
  /** Keyed hash of the phone, so a reporter's reports can be found without decrypting. */
  reporter_phone_hash: string | null;
  reporter_email_enc: string | null;
  /** Set when this report was merged into another incident about the same event. */
  merged_into: Generated<string | null>;
  /** What staff recorded once known (common/incident-circumstances.ts); null is "not recorded". */
  victim_sex: Generated<VictimSex | null>;
  victim_age_band: Generated<AgeBand | null>;
  offender_age_band: Generated<AgeBand | null>;
  offender_intoxication: Generated<Intoxication | null>;
  place_type: Generated<PlaceType | null>;
  /** When staff first recorded them; null until then. */
  circumstances_recorded_at: Generated<Date | null>;
  /** How the investigation ended (common/investigation-outcomes.ts); null until decided. */
  investigation_outcome: Generated<InvestigationOutcome | null>;
  /** The day of that decision, YYYY-MM-DD (read it through `::text`); set exactly when the outcome is. */
  outcome_decided_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IncidentTimelineTable {
  id: Generated<number>;
  incident_id: string;
  region_id: string;
  at: Date;
  status: string;
  /** Shown to the reporter; null means the status's own words in the reader's language. */
  public_text: string | null;
  /** Plain text of entries written before 0065; emptied at start-up once sealed into `internal_note_enc`. Never written. */
  internal_note: ColumnType<string | null, never, null>;
  /** What a person wrote, field-encrypted; staff only, never on a public route. */
  internal_note_enc: string | null;
  /** What the system said, as data (see system-notes.ts); staff only. Written as a JSON string. */
  system_notes: ColumnType<StoredSystemNote[] | null, string | null, never>;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status: 'in_flight' | 'done';
  response_status: number | null;
  response_body: ColumnType<unknown, string | null, string | null>;
  created_at: Generated<Date>;
}

export interface OffenceCountsMonthlyTable {
  district_id: string;
  region_id: string;
  month: Date;
  category: string;
  count: number;
}

export interface SosDevicesTable {
  id: Generated<string>;
  region_id: string;
  district_id: string;
  beat_id: string;
  h3: string;
  name: string;
  kind: Generated<'sos-button' | 'camera'>;
  /** PostGIS geometry; read it through ST_AsGeoJSON. */
  location: unknown;
  /** The device's HMAC secret, field-encrypted; shown once at registration, never again. */
  secret_enc: string;
  api_key_id: string;
  created_by: string | null;
  created_at: Date;
  last_heartbeat_at: Date | null;
  battery: number | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  /** When the current secret replaced an earlier one; null while it is the first. */
  rotated_at: Date | null;
  /** What a camera may report; null accepts every type. */
  event_types: string[] | null;
  updated_at: Date | null;
}

export interface SosSignaturesTable {
  device_id: string;
  signature: string;
  region_id: string;
  signed_at: Date;
}

export interface SosAlarmsTable {
  device_id: string;
  alarm_id: string;
  region_id: string;
  incident_id: string;
  received_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  /** The acknowledging user's name as it was then. */
  acknowledged_by_name: string | null;
}

export interface SosDeviceAlertsTable {
  id: Generated<number>;
  device_id: string;
  region_id: string;
  kind: 'silent';
  silent_since: Date;
  raised_at: Date;
}

export interface IncidentMediaTable {
  id: Generated<number>;
  incident_id: string;
  region_id: string;
  sha256: string;
  media_type: string;
  kind: 'photo' | 'audio' | 'video';
  size_bytes: number;
  public_copy: boolean;
  created_at: Generated<Date>;
}

declare module '../../db/tables.js' {
  interface Tables {
    incidents: IncidentsTable;
    offence_counts_monthly: OffenceCountsMonthlyTable;
    incident_timeline: IncidentTimelineTable;
    idempotency_keys: IdempotencyKeysTable;
    sos_devices: SosDevicesTable;
    sos_signatures: SosSignaturesTable;
    sos_alarms: SosAlarmsTable;
    sos_device_alerts: SosDeviceAlertsTable;
    incident_media: IncidentMediaTable;
  }
}
