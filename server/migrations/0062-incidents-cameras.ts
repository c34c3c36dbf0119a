import { sql, type Kysely } from 'kysely';

/**
 * Video-analytics cameras are fixed devices like SOS buttons: the same registration, key,
 * signature and heartbeat, told apart by `kind`. `camera_events` keeps every event a camera
 * sends, even one too unsure to act on (how often a camera cries wolf is worth knowing); its
 * primary key makes a resent eventId answer its first outcome. An event that made or joined an
 * incident points at it; the incident's row may be inserted later in the same transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table sos_devices drop constraint sos_devices_kind_check`.execute(db);
  await sql`alter table sos_devices add constraint sos_devices_kind_check check (kind in ('sos-button', 'camera'))`.execute(db);

  await sql`
    create table camera_events (
      device_id uuid not null references sos_devices (id),
      event_id text not null,
      region_id text not null,
      event_type text not null check (event_type in (
        'weapon', 'fight', 'person_down', 'intrusion', 'crowd', 'loitering', 'vehicle_wrong_way', 'fire_smoke', 'other'
      )),
      confidence real not null check (confidence between 0 and 1),
      occurred_at timestamptz(3) not null,
      received_at timestamptz(3) not null,
      snapshot_sha256 text check (snapshot_sha256 ~ '^[0-9a-f]{64}$'),
      incident_id uuid references incidents (id) deferrable initially deferred,
      outcome text not null check (outcome in ('created', 'attached', 'below_threshold')),
      check ((outcome = 'below_threshold') = (incident_id is null)),
      primary key (device_id, event_id)
    )`.execute(db);
  await sql`create index camera_events_incident_idx on camera_events (incident_id) where incident_id is not null`.execute(db);
  await sql`create index camera_events_region_idx on camera_events (region_id, received_at desc)`.execute(db);
}
