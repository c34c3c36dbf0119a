import crypto from 'node:crypto';
import sharp from 'sharp';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryByCode } from '../../../../common/categories.js';
import { ConfigError, loadConfig } from '../../../config.js';
import type { Database } from '../../../db/connection.js';
import { buildApp, type App } from '../../../http/app.js';
import { errorTitle } from '../../../http/errors.js';
import { createFieldCrypto } from '../../../secrets/field-crypto.js';
import { buildTestApp, testConfig } from '../../../test/app.js';
import { getTestDatabase } from '../../../test/database.js';
import { createGeocoder } from '../../geo/index.js';
import { ALMATY } from '../report-fixtures.js';
import { fileReport, type ReportDeps } from '../reports.js';
import { statusText } from '../status.js';
import type { RatingSink } from './conversation.js';
import { fakeTelegram, recordedUpdate, type FakeTelegram } from './fake-telegram.js';
import { say, TEXTS } from './texts.js';
import { newConversation } from './conversation-state.js';
import { ConversationMoved, isUpdateSeen, loadChat, saveTurn } from './store.js';
import { registerTelegramBot, TELEGRAM_WEBHOOK_PATH } from './webhook.js';

const TOKEN = '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const SECRET = 'webhook-secret_0123456789';

let database: Database;
let deps: ReportDeps;
let telegram: FakeTelegram;
let app: App;
const ratings: Parameters<RatingSink>[0][] = [];

/** The bot as main.ts composes it, over the worker's database and a fake Telegram. */
async function startBot(): Promise<App> {
  const config = testConfig({ AMAN_MEDIA_MAX_MB: '1', AMAN_MEDIA_MAX_FILES: '3' });
  const built = await buildApp({
    config,
    authenticator: { session: async () => null, apiKey: async () => null },
    recordRefusal: async () => undefined,
    databaseReady: async () => true,
    logger: false,
  });
  registerTelegramBot(built.app, {
    botToken: TOKEN,
    webhookSecret: SECRET,
    report: deps,
    geocoder: createGeocoder(config, database.db),
    media: config.media,
    lookupsPerMinute: 3,
    recordRating: async (rating) => {
      ratings.push(rating);
    },
    fetch: telegram.fetch,
  });
  await built.app.ready();
  return built.app;
}

beforeAll(async () => {
  database = await getTestDatabase();
  const config = testConfig();
  deps = {
    db: database.db,
    fieldCrypto: createFieldCrypto(crypto.randomBytes(32)),
    clock: () => new Date(),
    mediaDir: `${config.dataDir}/media`,
  };
  telegram = fakeTelegram(TOKEN);
  app = await startBot();
});
afterAll(async () => {
  await app.close();
});

let nextUpdateId = 500_000_000 + crypto.randomInt(1_000_000);
const newChatId = () => 100_000_000 + crypto.randomInt(900_000_000);

/** One citizen's chat, speaking in recorded updates. */
function chat(languageCode = 'kk') {
  const chatId = newChatId();
  const update = (name: string, text?: string) => recordedUpdate(name, { chatId, updateId: nextUpdateId++, text, languageCode });
  return { chatId, update };
}

const deliver = (update: Update, secret: string | null = SECRET) =>
  app.inject({
    method: 'POST',
    url: TELEGRAM_WEBHOOK_PATH,
    payload: update as object,
    headers: secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret },
  });

async function send(update: Update): Promise<string[]> {
  const response = await deliver(update);
  expect(response.statusCode, response.body).toBe(200);
  return telegram.takeTexts();
}

const countIncidents = async () =>
  Number(
    (
      await database.db
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const jpeg = (shade: number) =>
  sharp({ create: { width: 32, height: 24, channels: 3, background: { r: shade, g: 90, b: 40 } } })
    .jpeg()
    .toBuffer();

/** The first bytes of an Ogg Opus file, as Telegram stores a voice message. */
function opusVoice(): Buffer {
  const page = Buffer.alloc(28);
  page.write('OggS', 0);
  page[5] = 2;
  page[26] = 1;
  page[27] = 19;
  const head = Buffer.from([1, 1, 0x38, 1, 0x80, 0xbb, 0, 0, 0, 0, 0]);
  return Buffer.concat([page, Buffer.from('OpusHead'), head, crypto.randomBytes(400)]);
}

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Walks a Russian-speaking chat up to the place step. */
async function toLocationStep() {
  const c = chat('ru');
  await send(c.update('start'));
  await send(c.update('callback-language'));
  await send(c.update('callback-category'));
  await send(c.update('text-description', `Взломали дверь ${crypto.randomUUID()}`));
  return c;
}

describe('Telegram webhook', () => {
  it('refuses a wrong or missing secret token and changes nothing', async () => {
    const c = chat();
    const before = telegram.sent.length;
    for (const secret of ['not-the-secret', null, SECRET + 'x']) {
      const response = await deliver(c.update('start'), secret);
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('telegram.secret_invalid');
    }
    expect(telegram.sent.length).toBe(before);
    const chats = await database.db.selectFrom('telegram_chats').select('chat_hash').execute();
    expect(chats.map((r) => r.chat_hash)).not.toContain(deps.fieldCrypto.lookupHash(`telegram:${c.chatId}`));
  });

  it('exists only when both the bot token and the webhook secret are configured', async () => {
    expect(() => loadConfig({ AMAN_TELEGRAM_BOT_TOKEN: TOKEN })).toThrow(ConfigError);
    expect(() => loadConfig({ AMAN_TELEGRAM_BOT_TOKEN: TOKEN, AMAN_TELEGRAM_WEBHOOK_SECRET: 'has spaces' })).toThrow(ConfigError);
    const withBot = await buildTestApp({
      database,
      env: { AMAN_TELEGRAM_BOT_TOKEN: TOKEN, AMAN_TELEGRAM_WEBHOOK_SECRET: SECRET },
    });
    const without = await buildTestApp({ database });
    try {
      const webhookIn = (routes: { url: string }[]) => routes.some((r) => r.url === TELEGRAM_WEBHOOK_PATH);
      expect(webhookIn(withBot.routes)).toBe(true);
      expect(webhookIn(without.routes)).toBe(false);
      expect(withBot.routes.find((r) => r.url === TELEGRAM_WEBHOOK_PATH)?.access).toEqual({ kind: 'public', rateLimit: 'none' });
    } finally {
      await withBot.app.close();
      await without.app.close();
    }
  });
});

describe('reporting through the bot', () => {
  it('walks a citizen from /start to exactly one incident with its category, place and media', async () => {
    const c = chat('kk');
    const incidentsBefore = await countIncidents();

    const greeting = await send(c.update('start'));
    expect(greeting[0]).toBe(TEXTS.danger.kk);
    const languageChoice = telegram.sent[telegram.sent.length - 1]!;
    expect(JSON.stringify(languageChoice.payload.reply_markup)).toContain('lang:ru');

    const sentBeforeLanguage = telegram.sent.length;
    const afterLanguage = await send(c.update('callback-language'));
    expect(telegram.sent[sentBeforeLanguage]?.method).toBe('answerCallbackQuery');
    expect(afterLanguage).toEqual([TEXTS.danger.ru, TEXTS.chooseCategory.ru]);
    const categories = JSON.stringify(telegram.sent[telegram.sent.length - 1]!.payload.reply_markup);
    expect(categories).toContain(categoryByCode('burglary')!.names.ru);
    expect(categories).not.toContain('cat:camera-alert');

    expect(await send(c.update('callback-category'))).toEqual([TEXTS.askDescription.ru]);
    const description = `Ночью взломали дверь квартиры ${crypto.randomUUID()}`;
    expect(await send(c.update('text-description', description))).toEqual([TEXTS.askLocation.ru]);
    expect(JSON.stringify(telegram.sent[telegram.sent.length - 1]!.payload.reply_markup)).toContain('"request_location":true');

    // A restart mid-conversation: a new process picks the chat up where it was.
    await app.close();
    app = await startBot();

    const placed = await send(c.update('location'));
    expect(placed).toEqual([`${TEXTS.place.ru}: ${TEXTS.sharedPoint.ru} ✓`, TEXTS.askMedia.ru]);

    const photoUpdate = c.update('photo');
    const [small, large] = photoUpdate.message!.photo!;
    const photo = await jpeg(120);
    telegram.files.set(large!.file_id, photo);
    expect(await send(photoUpdate)).toEqual([`${TEXTS.mediaReceived.ru} (1/3)`]);
    const fileRequests = telegram.sent.filter((s) => s.method === 'getFile').map((s) => s.payload.file_id);
    expect(fileRequests).toContain(large!.file_id);
    expect(fileRequests).not.toContain(small!.file_id);

    const voiceUpdate = c.update('voice');
    const voice = opusVoice();
    telegram.files.set(voiceUpdate.message!.voice!.file_id, voice);
    expect(await send(voiceUpdate)).toEqual([`${TEXTS.mediaReceived.ru} (2/3)`]);

    const [summary] = await send(c.update('callback-media-done'));
    expect(summary).toContain(description);
    expect(summary).toContain(`${TEXTS.files.ru}: 2`);

    const sendUpdate = c.update('callback-send');
    const [filed] = await send(sendUpdate);
    const code = /: ([0-9A-Z]{10})\n/.exec(filed!)?.[1];
    expect(filed).toBe(say('filed', 'ru', { code: code! }));

    const incident = await database.db
      .selectFrom('incidents')
      .selectAll()
      .where('tracking_code', '=', code!)
      .executeTakeFirstOrThrow();
    expect(incident).toMatchObject({
      category: 'burglary',
      region_id: '750000000',
      description: null,
      anonymous: true,
      status: 'new',
      source: 'telegram',
    });
    expect(deps.fieldCrypto.decrypt(incident.description_enc!)).toBe(description);
    const media = await database.db
      .selectFrom('incident_media')
      .select(['sha256', 'kind'])
      .where('incident_id', '=', incident.id)
      .orderBy('id')
      .execute();
    expect(media).toEqual([
      { sha256: sha256(photo), kind: 'photo' },
      { sha256: sha256(voice), kind: 'audio' },
    ]);
    expect(await countIncidents()).toBe(incidentsBefore + 1);

    // Telegram redelivers the same update: nothing is said or filed again.
    const sentBefore = telegram.sent.length;
    expect((await deliver(sendUpdate)).statusCode).toBe(200);
    expect(telegram.sent.length).toBe(sentBefore);
    // A second tap on "send" is a new update, after the report was filed.
    expect(await send(c.update('callback-send'))).toEqual([TEXTS.idle.ru]);
    expect(await countIncidents()).toBe(incidentsBefore + 1);
  });

  it('files once when the turn that filed was lost and Telegram delivers the update again', async () => {
    const c = await toLocationStep();
    await send(c.update('location'));
    await send(c.update('callback-media-done'));
    const chatHash = deps.fieldCrypto.lookupHash(`telegram:${c.chatId}`);
    const atConfirm = await database.db
      .selectFrom('telegram_chats')
      .selectAll()
      .where('chat_hash', '=', chatHash)
      .executeTakeFirstOrThrow();
    // What the citizen typed and where they are wait sealed, not readable in the table.
    expect(JSON.stringify(atConfirm.draft)).not.toMatch(/ноутбук|Алматы|43\.2/);
    const sendUpdate = c.update('callback-send');
    const [first] = await send(sendUpdate);
    const before = await countIncidents();

    // As if the process died after filing but before the turn was stored.
    await database.db.deleteFrom('telegram_updates').where('update_id', '=', sendUpdate.update_id).execute();
    await database.db
      .updateTable('telegram_chats')
      .set({ step: atConfirm.step, draft: JSON.stringify(atConfirm.draft), version: atConfirm.version })
      .where('chat_hash', '=', chatHash)
      .execute();

    expect(await send(sendUpdate)).toEqual([first]);
    expect(await countIncidents()).toBe(before);
  });

  it('answers a place outside Kazakhstan with an error in the chat language and files nothing', async () => {
    const c = await toLocationStep();
    const before = await countIncidents();
    const [refusal, ...rest] = await send(c.update('location-abroad'));
    expect(refusal).toContain(errorTitle('geo.outside_kazakhstan', 'ru'));
    expect(rest).toEqual([]);
    // Still asking for the place: a place inside Kazakhstan goes on.
    expect(await send(c.update('location'))).toContain(TEXTS.askMedia.ru);
    expect(await countIncidents()).toBe(before);
  });

  it('finds a typed address with the geocoder', async () => {
    const c = await toLocationStep();
    expect(await send(c.update('text-address', 'Qwertyuiop Zzz'))).toEqual([TEXTS.addressNotFound.ru]);
    const [placed, next] = await send(c.update('text-address', 'Алматы'));
    expect(placed).toMatch(new RegExp(`^${TEXTS.place.ru}: Алматы.* ✓$`));
    expect(next).toBe(TEXTS.askMedia.ru);
  });

  it('refuses unknown categories and oversized files in the chat language', async () => {
    const c = chat('en');
    await send(c.update('start'));
    const english = recordedUpdate('callback-language', { chatId: c.chatId, updateId: nextUpdateId++ });
    english.callback_query!.data = 'lang:en';
    await send(english);
    for (const [data, code] of [
      ['cat:no-such-thing', 'category.unknown'],
      ['cat:camera-alert', 'category.not_reportable'],
    ] as const) {
      const update = c.update('callback-category');
      update.callback_query!.data = data;
      expect(await send(update)).toEqual([errorTitle(code, 'en'), TEXTS.chooseCategory.en]);
    }
    await send(c.update('callback-category'));
    await send(c.update('text-description', 'Someone broke the door'));
    await send(c.update('location'));

    const gettingFiles = telegram.sent.filter((s) => s.method === 'getFile').length;
    expect(await send(c.update('voice-too-large'))).toEqual([errorTitle('media.too_large', 'en'), TEXTS.askMedia.en]);
    expect(telegram.sent.filter((s) => s.method === 'getFile').length).toBe(gettingFiles);

    // A file that says it is small but is not is stopped by its bytes.
    const liar = c.update('photo');
    const big = Buffer.concat([await jpeg(5), Buffer.alloc(1024 * 1024 + 1)]);
    for (const size of liar.message!.photo!) telegram.files.set(size.file_id, big);
    expect(await send(liar)).toEqual([errorTitle('media.too_large', 'en'), TEXTS.askMedia.en]);

    // A file Telegram no longer hands out is said so, not retried for ever.
    const gone = c.update('photo');
    for (const size of gone.message!.photo!) size.file_id = `gone-${size.file_id}`;
    expect(await send(gone)).toEqual([errorTitle('media.not_found', 'en'), TEXTS.askMedia.en]);
  });
});

describe('storing a turn', () => {
  it('refuses a turn computed from an older state, writing neither it nor its update id', async () => {
    const chatHash = `test-${crypto.randomUUID()}`;
    const at = new Date();
    const first = { updateId: nextUpdateId++, chatHash, readFrom: null, state: newConversation('kk'), at };
    expect(await saveTurn(database.db, deps.fieldCrypto, first)).toBe(true);
    // The same update again: already handled, nothing written.
    expect(await saveTurn(database.db, deps.fieldCrypto, first)).toBe(false);

    // Another update handled meanwhile from the same (now older) state.
    const racing = { ...first, updateId: nextUpdateId++, state: newConversation('en') };
    await expect(saveTurn(database.db, deps.fieldCrypto, racing)).rejects.toBeInstanceOf(ConversationMoved);
    expect(await isUpdateSeen(database.db, racing.updateId)).toBe(false);
    expect(await loadChat(database.db, deps.fieldCrypto, chatHash)).toMatchObject({
      language: 'kk',
      step: 'language',
      version: 0,
    });

    // Telegram's redelivery is handled against the stored state and goes through.
    expect(await saveTurn(database.db, deps.fieldCrypto, { ...racing, readFrom: 0 })).toBe(true);
    expect(await loadChat(database.db, deps.fieldCrypto, chatHash)).toMatchObject({ language: 'en', version: 1 });
  });
});

describe('following a report in the bot', () => {
  async function filedReport() {
    const filed = await fileReport(
      deps,
      { category: 'noise', description: 'Түнгі шу', location: ALMATY },
      { kind: 'anonymous', id: null, ip: '127.0.0.1' },
    );
    return filed.body;
  }

  it('answers /status with the status and public timeline in the chat language', async () => {
    const report = await filedReport();
    const kk = chat('kk');
    // A first contact hears whom to call in danger before anything else.
    const [warning, answer] = await send(kk.update('status', `/status ${report.trackingCode.toLowerCase()}`));
    expect(warning).toBe(TEXTS.danger.kk);
    expect(answer).toContain(`${say('statusOf', 'kk', { code: report.trackingCode })}: ${statusText('new', 'kk')}`);
    expect(answer).toContain(categoryByCode('noise')!.names.kk);

    const en = chat('en');
    const [, english] = await send(en.update('status', `/status ${report.trackingCode}`));
    expect(english).toContain(`Report ${report.trackingCode}: ${statusText('new', 'en')}`);
    // A bare code sent to an idle chat is a status question too.
    expect((await send(en.update('text-description', report.trackingCode)))[0]).toBe(english);
    expect(await send(en.update('status', '/status 0000000000'))).toEqual([errorTitle('report.not_found', 'en')]);
    // The fourth look-up within a minute is one too many for this bot (three a minute), as on the web.
    expect(await send(en.update('status', `/status ${report.trackingCode}`))).toEqual([errorTitle('request.rate_limited', 'en')]);
  });

  it('asks to rate a closed report and hands the rating to the feedback seam', async () => {
    const report = await filedReport();
    await database.db.updateTable('incidents').set({ status: 'closed' }).where('id', '=', report.id).execute();
    const c = chat('ru');
    const texts = await send(c.update('status', `/status ${report.trackingCode}`));
    expect(texts[2]).toBe(TEXTS.ratePrompt.ru);
    const rate = c.update('callback-category');
    rate.callback_query!.data = `rate:${report.trackingCode}:4`;
    expect(await send(rate)).toEqual([TEXTS.rateThanks.ru]);
    expect(ratings).toContainEqual(
      expect.objectContaining({
        trackingCode: report.trackingCode,
        score: 4,
        channel: 'telegram',
        raterHash: deps.fieldCrypto.lookupHash(`telegram:${c.chatId}`),
      }),
    );
  });
});
