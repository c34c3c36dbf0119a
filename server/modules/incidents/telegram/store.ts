import { sql, type Kysely } from 'kysely';
import type { Language } from '../../../../common/roles.js';
import type { Tables } from '../../../db/tables.js';
import type { FieldCrypto } from '../../../secrets/field-crypto.js';
import type { ChatState, Draft, Step } from './conversation-state.js';
import './tables.js';

// Telegram stops redelivering an update long before a day has passed.
const UPDATE_RETENTION = '1 day';

export async function isUpdateSeen(db: Kysely<Tables>, updateId: number): Promise<boolean> {
  const row = await db.selectFrom('telegram_updates').select('update_id').where('update_id', '=', updateId).executeTakeFirst();
  return row !== undefined;
}

/**
 * The draft at rest is sealed whole: it holds what the citizen wrote (names, phones, addresses)
 * and where they are, for as long as they take to finish the report.
 */
function sealDraft(fieldCrypto: FieldCrypto, draft: Draft): string {
  return JSON.stringify(Object.keys(draft).length === 0 ? {} : { sealed: fieldCrypto.encrypt(JSON.stringify(draft)) });
}

function openDraft(fieldCrypto: FieldCrypto, stored: unknown): Draft {
  const { sealed } = stored as { sealed?: unknown };
  // A draft stored before drafts were sealed is read as it is and sealed at the chat's next turn.
  return typeof sealed === 'string' ? (JSON.parse(fieldCrypto.decrypt(sealed)) as Draft) : (stored as Draft);
}

/** The chat's conversation, or null for a chat the bot has not talked to (or has forgotten). */
export async function loadChat(db: Kysely<Tables>, fieldCrypto: FieldCrypto, chatHash: string): Promise<ChatState | null> {
  const row = await db.selectFrom('telegram_chats').selectAll().where('chat_hash', '=', chatHash).executeTakeFirst();
  if (!row) return null;
  return {
    language: row.language,
    step: row.step as Step,
    conversationId: row.conversation_id,
    draft: openDraft(fieldCrypto, row.draft),
    lookups: row.lookups_since ? { since: row.lookups_since, count: row.lookups } : null,
    version: row.version,
  };
}

export interface SavedTurn {
  updateId: number;
  chatHash: string;
  /** The version the turn was computed from; null for a new chat. */
  readFrom: number | null;
  state: Omit<ChatState, 'version'> & { language: Language };
  at: Date;
}

export class ConversationMoved extends Error {
  constructor() {
    super('the conversation changed while this update was handled');
  }
}

/**
 * Records the update and the conversation it produced, together. Returns false when another
 * delivery of the same update got there first (nothing is written). Throws ConversationMoved
 * when another update for this chat was saved meanwhile: the caller answers non-2xx, and
 * Telegram's redelivery is handled against the new state.
 */
export async function saveTurn(db: Kysely<Tables>, fieldCrypto: FieldCrypto, turn: SavedTurn): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('telegram_updates')
      .values({ update_id: turn.updateId, received_at: turn.at })
      .onConflict((oc) => oc.column('update_id').doNothing())
      .returning('update_id')
      .executeTakeFirst();
    if (!claimed) return false;
    const values = {
      language: turn.state.language,
      step: turn.state.step,
      conversation_id: turn.state.conversationId,
      draft: sealDraft(fieldCrypto, turn.state.draft),
      lookups_since: turn.state.lookups?.since ?? null,
      lookups: turn.state.lookups?.count ?? 0,
      updated_at: turn.at,
    };
    const written =
      turn.readFrom === null
        ? await trx
            .insertInto('telegram_chats')
            .values({ chat_hash: turn.chatHash, version: 0, ...values })
            .onConflict((oc) => oc.column('chat_hash').doNothing())
            .returning('version')
            .executeTakeFirst()
        : await trx
            .updateTable('telegram_chats')
            .set({ ...values, version: turn.readFrom + 1 })
            .where('chat_hash', '=', turn.chatHash)
            .where('version', '=', turn.readFrom)
            .returning('version')
            .executeTakeFirst();
    if (!written) throw new ConversationMoved();
    await trx
      .deleteFrom('telegram_updates')
      .where('received_at', '<', sql<Date>`${turn.at}::timestamptz - ${UPDATE_RETENTION}::interval`)
      .execute();
    return true;
  });
}
