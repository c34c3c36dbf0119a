import type { ColumnType } from 'kysely';

export interface TelegramChatsTable {
  /** Keyed hash of the chat id: the id identifies a person and is never stored. */
  chat_hash: string;
  language: 'kk' | 'ru' | 'en';
  step: string;
  conversation_id: string;
  draft: ColumnType<unknown, string, string>;
  version: number;
  lookups_since: Date | null;
  lookups: number;
  updated_at: Date;
}

export interface TelegramUpdatesTable {
  /** A bigint; only its presence is ever read. */
  update_id: number;
  received_at: Date;
}

declare module '../../../db/tables.js' {
  interface Tables {
    telegram_chats: TelegramChatsTable;
    telegram_updates: TelegramUpdatesTable;
  }
}
