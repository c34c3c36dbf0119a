import { sql, type Kysely } from 'kysely';

/**
 * Events in commit order. Outbox ids come from a sequence when the row is inserted, so a later id
 * can commit before an earlier one; a reader that remembered "the last id I saw" would skip the
 * earlier one for ever. The writing transaction's id (`tx`) lets a reader take only events of
 * transactions that have all ended (below the snapshot's xmin), so nothing commits behind it.
 * District and beat let a district operator's console see its own area only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table domain_events
      add column tx xid8 not null default pg_current_xact_id(),
      add column district_id text,
      add column beat_id text`.execute(db);
  await sql`create index domain_events_tx_idx on domain_events (tx, id)`.execute(db);
}
