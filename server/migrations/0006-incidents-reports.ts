import { sql, type Kysely } from 'kysely';

/**
 * Citizen reports: the incident gains a tracking code, a description and the reporter's contact
 * (each field encrypted by the application, the phone also as a keyed hash for look-up); a
 * timeline records every status change with a public text and an internal note apart.
 * `idempotency_keys` makes a retried POST return its first answer: its primary key is what
 * stops two requests with one key from both creating. `domain_events` is the outbox other
 * modules and live consoles read, written in the same transaction as the change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table incidents
      add column tracking_code text,
      add column description text,
      add column anonymous boolean not null default false,
      add column reporter_name_enc text,
      add column reporter_phone_enc text,
      add column reporter_phone_hash text,
      add column reporter_email_enc text,
      add constraint incidents_tracking_code_key unique (tracking_code),
      add constraint incidents_status_check check (status in
        ('new', 'triaged', 'dispatched', 'en_route', 'on_scene', 'resolved', 'closed', 'cancelled', 'merged')),
      add constraint incidents_priority_check check (priority between 1 and 4)`.execute(db);

  await sql`
    create table incident_timeline (
      id bigserial primary key,
      incident_id uuid not null references incidents (id),
      region_id text not null,
      at timestamptz not null,
      status text not null,
      public_text text,
      internal_note text
    )`.execute(db);
  await sql`create index incident_timeline_incident_idx on incident_timeline (incident_id, at)`.execute(db);

  await sql`
    create table idempotency_keys (
      scope text not null,
      key text not null,
      request_hash text not null,
      status text not null check (status in ('in_flight', 'done')),
      response_status smallint,
      response_body jsonb,
      created_at timestamptz not null default now(),
      primary key (scope, key),
      check (status = 'in_flight' or (response_status is not null and response_body is not null))
    )`.execute(db);
  await sql`create index idempotency_keys_created_idx on idempotency_keys (created_at)`.execute(db);

  await sql`
    create table domain_events (
      id bigserial primary key,
      type text not null,
      region_id text,
      payload jsonb not null,
      created_at timestamptz not null default now()
    )`.execute(db);
}
