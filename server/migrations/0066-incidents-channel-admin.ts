import { sql, type Kysely } from 'kysely';

/**
 * Administering the device channels. A device is revoked, never deleted: its alarms, events and
 * signatures keep pointing at it, and `revoked_at` says from when it stopped counting (its API
 * key is revoked in the same transaction). `rotated_at` dates the current HMAC secret. A
 * camera's `event_types` lists what its analytics may report; null accepts every type (cameras
 * registered before this list existed). An SOS alarm is acknowledged once, by an operator, so a
 * control centre sees which presses nobody has answered yet.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table sos_devices
      add column revoked_at timestamptz(3),
      add column revoked_by uuid,
      add column rotated_at timestamptz(3),
      add column event_types text[] check (event_types is null or cardinality(event_types) > 0),
      add column updated_at timestamptz(3)`.execute(db);
  // The name is kept as it was then, so the list needs nothing from identity's tables.
  await sql`
    alter table sos_alarms
      add column acknowledged_at timestamptz(3),
      add column acknowledged_by uuid,
      add column acknowledged_by_name text,
      add check ((acknowledged_at is null) = (acknowledged_by is null))`.execute(db);
  await sql`create unique index sos_alarms_incident_idx on sos_alarms (incident_id)`.execute(db);
  await sql`create index sos_alarms_region_idx on sos_alarms (region_id, received_at desc)`.execute(db);
}
