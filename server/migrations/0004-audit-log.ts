import { sql, type Kysely } from 'kysely';

/**
 * Writers append to `audit_inbox`; one chainer at a time moves entries into `audit_log`, giving
 * each a sequence number and an HMAC over the previous hash and the entry. `audit_log` refuses
 * UPDATE, DELETE and TRUNCATE for every role, the application's included.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns = sql.raw(`
      occurred_at timestamptz not null,
      actor_kind text not null,
      actor_id text,
      action text not null,
      outcome text not null check (outcome in ('success', 'failure', 'refused')),
      target_type text,
      target_id text,
      region_id text,
      ip text,
      details jsonb not null default '{}'::jsonb`);
  await sql`create table audit_inbox (id bigserial primary key, ${columns})`.execute(db);
  await sql`
    create table audit_log (
      seq bigint primary key,
      ${columns},
      prev_hash text not null,
      hash text not null,
      sealed_at timestamptz not null
    )`.execute(db);
  await sql`create index audit_log_target_idx on audit_log (target_type, target_id)`.execute(db);
  await sql`create index audit_log_actor_idx on audit_log (actor_id, occurred_at)`.execute(db);
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
}
