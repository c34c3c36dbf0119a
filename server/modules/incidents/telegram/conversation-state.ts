import crypto from 'node:crypto';
import type { Language } from '../../../../common/roles.js';
import type { ReceivedMedia } from '../media.js';

/** Where a chat is in the walk-through of a report; `idle` between reports. */
export type Step = 'language' | 'category' | 'description' | 'location' | 'media' | 'confirm' | 'idle';

/** The report as far as the citizen has told it. Cleared once it is filed or abandoned. */
export interface Draft {
  category?: string;
  description?: string;
  location?: { lon: number; lat: number; label: string | null };
  media?: ReceivedMedia[];
}

export interface ChatState {
  language: Language;
  step: Step;
  /** A new one for each report begun, so each report has its own idempotency key. */
  conversationId: string;
  draft: Draft;
  /** Status look-ups since the start of the current minute, so codes cannot be guessed through the bot. */
  lookups: { since: Date; count: number } | null;
  /** The stored version this state was read at; null for a chat not yet stored. */
  version: number | null;
}

/** Telegram's language_code is an IETF tag (`ru`, `kk`, `en-GB`); anything else starts in Kazakh. */
export function languageFromTelegram(code: string | undefined): Language {
  const base = code?.toLowerCase().split('-')[0];
  return base === 'ru' || base === 'en' || base === 'kk' ? base : 'kk';
}

/** A new report's conversation; the look-up count carries over, as it belongs to the chat. */
export function newConversation(
  language: Language,
  step: Step = 'language',
  lookups: ChatState['lookups'] = null,
): Omit<ChatState, 'version'> {
  return { language, step, conversationId: crypto.randomUUID(), draft: {}, lookups };
}
