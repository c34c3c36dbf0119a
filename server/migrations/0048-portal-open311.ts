import { sql, type Kysely } from 'kysely';

/**
 * Open311 service requests. The incident itself (with the reporter's contacts, encrypted) is the
 * incidents module's; this row keeps what only GeoReport v2 knows: the service a request was
 * filed under, its attribute answers, the key that filed it, and the description it may publish
 * (null for tip-offs, whose text stays with the police).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table open311_requests (
      incident_id uuid primary key,
      service_code text not null,
      region_id text not null,
      api_key_id uuid not null,
      requested_at timestamptz(3) not null,
      attributes jsonb not null default '{}',
      public_description text
    )`.execute(db);
  await sql`create index open311_requests_requested_at_idx on open311_requests (requested_at desc)`.execute(db);
}
