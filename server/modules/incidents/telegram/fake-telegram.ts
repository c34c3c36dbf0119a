import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Update } from 'grammy/types';
import type { Fetch } from './transport.js';

// For tests: Telegram without the network. Recorded-shape updates come from ./fixtures; what the
// bot sends is recorded, and getFile and file downloads are answered from `files`.

export interface SentCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface FakeTelegram {
  fetch: Fetch;
  sent: SentCall[];
  /** Bytes by file_id, for getFile and the download after it. */
  files: Map<string, Buffer>;
  /** The texts of the messages sent since the last call. */
  takeTexts(): string[];
}

const ok = (result: unknown) => Response.json({ ok: true, result });

export function fakeTelegram(token: string): FakeTelegram {
  const sent: SentCall[] = [];
  const files = new Map<string, Buffer>();
  let taken = 0;
  let messageId = 1000;
  const fetch: Fetch = async (input, init) => {
    const url = new URL(String(input));
    const download = url.pathname.match(new RegExp(`^/file/bot${token}/files/(.+)$`));
    if (download) {
      const bytes = files.get(decodeURIComponent(download[1]!));
      return bytes ? new Response(new Uint8Array(bytes)) : new Response('Not Found', { status: 404 });
    }
    const method = url.pathname.split('/').pop() ?? '';
    const payload = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    sent.push({ method, payload });
    switch (method) {
      case 'sendMessage':
        return ok({
          message_id: ++messageId,
          date: 1764086500,
          chat: { id: payload.chat_id, type: 'private' },
          text: payload.text,
        });
      case 'getFile': {
        const fileId = String(payload.file_id);
        const bytes = files.get(fileId);
        if (!bytes) return Response.json({ ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
        return ok({ file_id: fileId, file_unique_id: 'u', file_size: bytes.length, file_path: `files/${fileId}` });
      }
      default:
        return ok(true);
    }
  };
  return {
    fetch,
    sent,
    files,
    takeTexts() {
      const texts = sent.slice(taken).flatMap((c) => (c.method === 'sendMessage' ? [String(c.payload.text)] : []));
      taken = sent.length;
      return texts;
    },
  };
}

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A recorded update for another chat and update id, as if another citizen had sent it. */
export function recordedUpdate(
  name: string,
  change: { chatId: number; updateId: number; text?: string; languageCode?: string },
): Update {
  const update = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as Update & Record<string, unknown>;
  update.update_id = change.updateId;
  const message = update.message ?? update.callback_query?.message;
  const from = update.message?.from ?? update.callback_query?.from;
  if (message) message.chat.id = change.chatId;
  if (from) {
    from.id = change.chatId;
    if (change.languageCode) from.language_code = change.languageCode;
  }
  if (change.text !== undefined && update.message) update.message.text = change.text;
  return update;
}
