import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyBaseLogger } from 'fastify';
import type { Update } from 'grammy/types';
import { publicAccess } from '../../../http/access.js';
import type { App } from '../../../http/app.js';
import { AppError } from '../../../http/errors.js';
import type { Geocoder } from '../../geo/index.js';
import type { ReportDeps } from '../reports.js';
import { converse, type BotDeps, type RatingSink, type Reply } from './conversation.js';
import { isUpdateSeen, loadChat, saveTurn } from './store.js';
import { createTelegramTransport, type Fetch } from './transport.js';

export const TELEGRAM_WEBHOOK_PATH = '/api/v1/telegram/webhook';

export interface TelegramBotOptions {
  botToken: string;
  webhookSecret: string;
  report: ReportDeps;
  geocoder: Geocoder;
  media: { maxBytes: number; maxFiles: number };
  /** Status look-ups a chat may make a minute: the tracking route's limit. */
  lookupsPerMinute: number;
  recordRating?: RatingSink;
  /** Replaces the network (Bot API calls and file downloads); tests record what the bot sends. */
  fetch?: Fetch;
}

const digest = (value: string) => crypto.createHash('sha256').update(value).digest();

/** Compared as digests, so neither the secret's bytes nor its length leak through timing. */
function secretMatches(given: unknown, expected: Buffer): boolean {
  return typeof given === 'string' && crypto.timingSafeEqual(digest(given), expected);
}

async function deliver(deps: BotDeps, chatId: number, replies: Reply[], log: FastifyBaseLogger): Promise<void> {
  const api = deps.transport.api;
  for (const reply of replies) {
    try {
      if (reply.kind === 'answerCallback') await api.answerCallbackQuery(reply.id);
      else await api.sendMessage(chatId, reply.text, reply.markup ? { reply_markup: reply.markup } : {});
    } catch (error) {
      // The turn is stored and Telegram must not redeliver it; a lost reply is asked again by the citizen.
      log.warn({ err: error }, 'telegram reply failed');
    }
  }
}

/**
 * Handles one update: a redelivered one changes nothing; otherwise the conversation moves on,
 * its new state is stored together with the update id, and only then does the bot reply.
 */
export async function receiveUpdate(deps: BotDeps, update: Update, ip: string, log: FastifyBaseLogger): Promise<void> {
  const message = update.message;
  const callback = update.callback_query;
  const chat = message?.chat ?? callback?.message?.chat;
  // The bot takes reports from one person at a time: group chats are not a reporting channel.
  if (!chat || chat.type !== 'private') return;
  const db = deps.report.db;
  if (await isUpdateSeen(db, update.update_id)) return;
  const chatHash = deps.report.fieldCrypto.lookupHash(`telegram:${chat.id}`);
  const current = await loadChat(db, deps.report.fieldCrypto, chatHash);
  const from = message?.from ?? callback?.from;
  const turn = await converse(deps, current, { chatHash, languageCode: from?.language_code, ip, message, callback });
  const saved = await saveTurn(db, deps.report.fieldCrypto, {
    updateId: update.update_id,
    chatHash,
    readFrom: current?.version ?? null,
    state: turn.state,
    at: deps.report.clock(),
  });
  if (saved) await deliver(deps, chat.id, turn.replies, log);
}

const TelegramUpdate = Type.Object(
  { update_id: Type.Integer({ minimum: 0 }) },
  { additionalProperties: true, description: 'A Telegram Update object (https://core.telegram.org/bots/api#update)' },
);

/**
 * The Telegram bot in webhook mode. Telegram signs each delivery with the secret given to
 * setWebhook; an update is answered 200 once its effect is stored, and non-2xx makes Telegram
 * deliver it again.
 */
export function registerTelegramBot(app: App, options: TelegramBotOptions): void {
  const expected = digest(options.webhookSecret);
  const deps: BotDeps = {
    report: options.report,
    transport: createTelegramTransport(options.botToken, options.fetch),
    geocoder: options.geocoder,
    media: options.media,
    lookupsPerMinute: options.lookupsPerMinute,
    recordRating: options.recordRating,
  };
  app.post(
    TELEGRAM_WEBHOOK_PATH,
    {
      // Telegram's servers are the only caller; a per-address limit would only delay citizens' updates.
      config: { access: publicAccess('none') },
      onRequest: async (req) => {
        if (!secretMatches(req.headers['x-telegram-bot-api-secret-token'], expected)) {
          throw new AppError('telegram.secret_invalid');
        }
      },
      schema: {
        tags: ['telegram'],
        summary: 'Telegram bot webhook: updates from Telegram, signed with X-Telegram-Bot-Api-Secret-Token',
        body: TelegramUpdate,
        response: { 200: Type.Object({}) },
      },
    },
    async (req) => {
      await receiveUpdate(deps, req.body as unknown as Update, req.ip, req.log);
      return {};
    },
  );
}
