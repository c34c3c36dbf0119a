import { sql, type Kysely } from 'kysely';

/**
 * Police and National Guard units, their members, their latest position and their assignments.
 *
 * `unit_positions` keeps one row per unit (the newest fix), so thousands of units sending a fix
 * every few seconds update rows instead of growing a table; its GiST index lets a recommendation
 * find the nearest units with one index scan. `unit_assignments`' partial unique index is what
 * keeps a unit on one active incident at a time, even when two operators on two app nodes assign
 * it in the same instant.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table units (
      id uuid primary key default gen_random_uuid(),
      region_id text not null,
      district_id text not null,
      call_sign text not null,
      agency text not null check (agency in ('police', 'national_guard')),
      kind text not null check (kind in ('patrol_car', 'motorcycle', 'bicycle', 'foot')),
      status text not null check (status in ('available', 'dispatched', 'en_route', 'on_scene', 'busy', 'off_duty')),
      status_changed_at timestamptz(3) not null,
      emergency_at timestamptz(3),
      created_at timestamptz(3) not null,
      unique (region_id, call_sign)
    )`.execute(db);
  await sql`create index units_district_idx on units (district_id)`.execute(db);

  await sql`
    create table unit_members (
      unit_id uuid not null references units (id) on delete cascade,
      user_id uuid not null references users (id),
      region_id text not null,
      primary key (unit_id, user_id)
    )`.execute(db);
  await sql`create index unit_members_user_idx on unit_members (user_id)`.execute(db);

  await sql`
    create table unit_positions (
      unit_id uuid primary key references units (id) on delete cascade,
      region_id text not null,
      location geometry(Point, 4326) not null,
      recorded_at timestamptz(3) not null,
      received_at timestamptz(3) not null,
      accuracy_m real,
      heading_deg real,
      speed_kmh real
    )`.execute(db);
  await sql`create index unit_positions_location_idx on unit_positions using gist (location)`.execute(db);

  await sql`
    create table unit_assignments (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units (id),
      incident_id uuid not null references incidents (id),
      region_id text not null,
      status text not null check (status in ('assigned', 'accepted', 'on_scene', 'resolved', 'cancelled')),
      assigned_by uuid,
      assigned_at timestamptz(3) not null,
      accepted_at timestamptz(3),
      on_scene_at timestamptz(3),
      ended_at timestamptz(3),
      end_reason text,
      check ((ended_at is null) = (status in ('assigned', 'accepted', 'on_scene')))
    )`.execute(db);
  await sql`create unique index unit_assignments_one_active_idx on unit_assignments (unit_id) where ended_at is null`.execute(db);
  await sql`create index unit_assignments_incident_idx on unit_assignments (incident_id)`.execute(db);
}
