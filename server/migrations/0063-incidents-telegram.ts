import { sql, type Kysely } from 'kysely';

/**
 * The Telegram bot's memory. A conversation is one row per chat, keyed by a keyed hash of the
 * chat id (the id identifies a person; replies go to the chat the update came from, so the id
 * itself is never stored). `version` lets two deliveries for one chat race safely; `lookups`
 * counts status look-ups in the current minute, the bot's side of the tracking rate limit. Update ids
 * are kept for a day so a redelivered update is recognised and changes nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table telegram_chats (
      chat_hash text primary key,
      language text not null check (language in ('kk', 'ru', 'en')),
      step text not null,
      conversation_id uuid not null,
      draft jsonb not null default '{}',
      version integer not null default 0,
      lookups_since timestamptz(3),
      lookups integer not null default 0,
      updated_at timestamptz(3) not null
    )`.execute(db);
  await sql`
    create table telegram_updates (
      update_id bigint primary key,
      received_at timestamptz(3) not null
    )`.execute(db);
  await sql`create index telegram_updates_received_at_idx on telegram_updates (received_at)`.execute(db);
}
