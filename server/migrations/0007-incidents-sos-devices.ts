import { sql, type Kysely } from 'kysely';

/**
 * SOS buttons at fixed places. A device's HMAC secret is stored field-encrypted; its API key
 * lives in identity's `api_keys` and is linked by id. `sos_signatures` remembers every accepted
 * signature for as long as its timestamp is fresh: its primary key is what refuses a replay,
 * even from two app nodes at once. `sos_alarms` makes a device's resent alarm (same alarmId)
 * return its first incident. A silent period is named by the last sign of life it follows, so
 * `sos_device_alerts`' unique key allows one alert per silence and a new one after recovery.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sos_devices (
      id uuid primary key default gen_random_uuid(),
      region_id text not null,
      district_id text not null,
      beat_id text not null,
      h3 text not null,
      name text not null,
      kind text not null default 'sos-button' check (kind in ('sos-button')),
      location geometry(Point, 4326) not null,
      secret_enc text not null,
      api_key_id uuid not null unique references api_keys (id),
      created_by uuid,
      created_at timestamptz not null,
      last_heartbeat_at timestamptz,
      battery real
    )`.execute(db);
  await sql`create index sos_devices_region_idx on sos_devices (region_id, created_at desc)`.execute(db);

  await sql`
    create table sos_signatures (
      device_id uuid not null references sos_devices (id),
      signature text not null,
      region_id text not null,
      signed_at timestamptz not null,
      primary key (device_id, signature)
    )`.execute(db);
  await sql`create index sos_signatures_signed_idx on sos_signatures (signed_at)`.execute(db);

  await sql`
    create table sos_alarms (
      device_id uuid not null references sos_devices (id),
      alarm_id text not null,
      region_id text not null,
      incident_id uuid not null references incidents (id) deferrable initially deferred,
      received_at timestamptz not null,
      primary key (device_id, alarm_id)
    )`.execute(db);

  await sql`
    create table sos_device_alerts (
      id bigserial primary key,
      device_id uuid not null references sos_devices (id),
      region_id text not null,
      kind text not null check (kind in ('silent')),
      silent_since timestamptz not null,
      raised_at timestamptz not null,
      unique (device_id, kind, silent_since)
    )`.execute(db);
}
