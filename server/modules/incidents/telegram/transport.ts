import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { Api } from 'grammy';
import { AppError } from '../../../http/errors.js';

export type Fetch = typeof globalThis.fetch;

/** The bot's only ways out to Telegram: Bot API calls and file downloads. Tests replace both. */
export interface TelegramTransport {
  api: Api;
  /** A file's bytes by the `file_path` getFile gave; fails with media.too_large past `maxBytes`. */
  download(filePath: string, maxBytes: number): Promise<NodeJS.ReadableStream>;
}

const API_ROOT = 'https://api.telegram.org';

async function* limited(body: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    // A file's declared size is the sender's word; the bytes that arrive decide.
    if (size > maxBytes) throw new AppError('media.too_large');
    yield Buffer.from(chunk);
  }
}

/**
 * A transport over `fetch`. Without one, grammY calls the Bot API with its own client (its
 * abort signals are not the global fetch's) and files come through the global fetch.
 */
export function createTelegramTransport(token: string, fetch?: Fetch): TelegramTransport {
  const api = new Api(token, fetch ? { fetch: fetch as never } : {});
  const download = fetch ?? globalThis.fetch;
  return {
    api,
    async download(filePath, maxBytes) {
      const response = await download(`${API_ROOT}/file/bot${token}/${filePath}`);
      if (!response.ok || !response.body) throw new Error(`Telegram file download answered ${response.status}`);
      const body = Readable.fromWeb(response.body as ReadableStream<Uint8Array>);
      return Readable.from(limited(body, maxBytes), { objectMode: false });
    },
  };
}
