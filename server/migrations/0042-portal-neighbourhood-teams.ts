import { sql, type Kysely } from 'kysely';

/**
 * A neighbourhood's (police beat's) team, the priorities agreed with its residents and its
 * meetings, all public. Each row carries its beat, district and region so that an editor's
 * jurisdiction is checked on the row itself. Contacts are work contacts only: the one address
 * kept is the reception point, a police office.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table portal_team_members (
      id uuid primary key default gen_random_uuid(),
      beat_id text not null,
      district_id text not null,
      region_id text not null,
      sort_order integer not null default 0 check (sort_order between 0 and 99),
      name text not null check (length(name) between 1 and 120),
      position text not null,
      rank text not null,
      phone text,
      email text,
      reception_point jsonb,
      reception_hours jsonb not null default '[]',
      bio jsonb,
      photo bytea check (photo is null or length(photo) <= 512 * 1024),
      photo_updated_at timestamptz,
      created_at timestamptz not null,
      created_by uuid,
      updated_at timestamptz not null,
      updated_by uuid,
      check ((photo is null) = (photo_updated_at is null))
    )`.execute(db);
  await sql`create index portal_team_members_beat_idx on portal_team_members (beat_id, sort_order)`.execute(db);

  await sql`
    create table portal_priorities (
      id uuid primary key default gen_random_uuid(),
      beat_id text not null,
      district_id text not null,
      region_id text not null,
      issue jsonb not null,
      issue_date date not null,
      action jsonb,
      action_date date,
      closed boolean not null default false,
      created_at timestamptz not null,
      created_by uuid,
      updated_at timestamptz not null,
      updated_by uuid,
      check ((action is null) = (action_date is null)),
      check (action_date is null or action_date >= issue_date)
    )`.execute(db);
  await sql`create index portal_priorities_beat_idx on portal_priorities (beat_id, issue_date desc)`.execute(db);

  await sql`
    create table portal_meetings (
      id uuid primary key default gen_random_uuid(),
      beat_id text not null,
      district_id text not null,
      region_id text not null,
      type text not null check (type in ('meeting', 'report', 'other')),
      title jsonb not null,
      description jsonb,
      address jsonb not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      created_at timestamptz not null,
      created_by uuid,
      updated_at timestamptz not null,
      updated_by uuid,
      check (ends_at > starts_at)
    )`.execute(db);
  await sql`create index portal_meetings_beat_idx on portal_meetings (beat_id, ends_at)`.execute(db);
}
