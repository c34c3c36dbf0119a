import crypto from 'node:crypto';
import { GrammyError } from 'grammy';
import type { CallbackQuery, InlineKeyboardMarkup, Message, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'grammy/types';
import { categoryByCode } from '../../../../common/categories.js';
import { isLanguage, type Language } from '../../../../common/roles.js';
import { AppError, ERRORS, errorTitle, type ErrorCode } from '../../../http/errors.js';
import { resolvePoint, type Geocoder } from '../../geo/index.js';
import { storeMedia } from '../media.js';
import { fileReport, trackReport, type ReportDeps } from '../reports.js';
import { normaliseTrackingCode } from '../tracking-code.js';
import { languageFromTelegram, newConversation, type ChatState } from './conversation-state.js';
import {
  CALLBACK,
  categoryKeyboard,
  confirmKeyboard,
  continueKeyboard,
  languageKeyboard,
  locationKeyboard,
  ratingKeyboard,
} from './keyboards.js';
import { statusMessage } from './status-reply.js';
import { CHOOSE_LANGUAGE, say } from './texts.js';
import type { TelegramTransport } from './transport.js';

/** The feedback module's seam: where a citizen's 1–5 rating of a closed report goes. */
export type RatingSink = (rating: {
  trackingCode: string;
  score: number;
  channel: 'telegram';
  /** Keyed hash of the chat, so one chat's repeated ratings of a report can count once. */
  raterHash: string;
  at: Date;
}) => Promise<void>;

export interface BotDeps {
  report: ReportDeps;
  transport: TelegramTransport;
  geocoder: Geocoder;
  media: { maxBytes: number; maxFiles: number };
  /** Status look-ups a chat may make a minute (AMAN_RATE_LIMIT_TRACKING). */
  lookupsPerMinute: number;
  /** Absent until ratings are stored somewhere: then no rating is asked for. */
  recordRating?: RatingSink;
}

export type Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;

/** What the bot sends for an update, once its new state is stored. */
export type Reply = { kind: 'message'; text: string; markup?: Markup } | { kind: 'answerCallback'; id: string };

export interface Incoming {
  chatHash: string;
  /** The citizen's Telegram language, for a chat the bot has not talked to yet. */
  languageCode: string | undefined;
  ip: string;
  message?: Message;
  callback?: CallbackQuery;
}

type State = Omit<ChatState, 'version'>;

const REMOVE_KEYBOARD: ReplyKeyboardRemove = { remove_keyboard: true };
const MAX_DESCRIPTION = 4000;

/** One update's work: the state it leaves and what to say. */
class Turn {
  readonly replies: Reply[] = [];
  private warned = false;
  constructor(public state: State) {}

  /** Before anything else, someone in danger learns whom to call: once a turn, in the chat's language. */
  warn(): void {
    if (this.warned) return;
    this.warned = true;
    this.say(say('danger', this.language));
  }

  get language(): Language {
    return this.state.language;
  }

  say(text: string, markup?: Markup): void {
    this.replies.push({ kind: 'message', text, markup });
  }

  /** Asks again for what the current step needs, for anything the step cannot use. */
  prompt(): void {
    const language = this.language;
    switch (this.state.step) {
      case 'language':
        return this.say(CHOOSE_LANGUAGE, languageKeyboard());
      case 'category':
        return this.say(say('chooseCategory', language), categoryKeyboard(language));
      case 'description':
        return this.say(say('askDescription', language), REMOVE_KEYBOARD);
      case 'location':
        return this.say(say('askLocation', language), locationKeyboard(language));
      case 'media':
        return this.say(say('askMedia', language), continueKeyboard(language));
      case 'confirm':
        return this.say(summary(this.state), confirmKeyboard(language));
      case 'idle':
        return this.say(say('idle', language), REMOVE_KEYBOARD);
    }
  }

  moveTo(step: State['step'], draft = this.state.draft): void {
    this.state = { ...this.state, step, draft };
    this.prompt();
  }
}

function summary(state: State): string {
  const { draft, language } = state;
  const category = draft.category ? (categoryByCode(draft.category)?.names[language] ?? draft.category) : '';
  const place = draft.location?.label ?? say('sharedPoint', language);
  return [
    say('check', language),
    `${say('category', language)}: ${category}`,
    `${say('description', language)}: ${draft.description ?? ''}`,
    `${say('place', language)}: ${place}`,
    `${say('files', language)}: ${draft.media?.length ?? 0}`,
  ].join('\n');
}

/** Each report begun in a chat has its own key, so a redelivered "send" files it once. */
function reportIdempotencyKey(chatHash: string, conversationId: string): string {
  return 'telegram:' + crypto.createHash('sha256').update(`${chatHash}:${conversationId}`).digest('hex');
}

/** Counts a look-up against the chat's minute, as the web's tracking route counts one per address. */
function mayLookUp(deps: BotDeps, turn: Turn): boolean {
  const now = deps.report.clock();
  const current = turn.state.lookups;
  const lookups =
    current && now.getTime() - current.since.getTime() < 60_000
      ? { since: current.since, count: current.count + 1 }
      : { since: now, count: 1 };
  turn.state = { ...turn.state, lookups };
  return lookups.count <= deps.lookupsPerMinute;
}

async function answerStatus(deps: BotDeps, turn: Turn, input: string): Promise<void> {
  const code = normaliseTrackingCode(input);
  if (!code) return turn.say(say('statusUsage', turn.language));
  if (!mayLookUp(deps, turn)) return turn.say(errorTitle('request.rate_limited', turn.language));
  const view = await trackReport(deps.report.db, code, turn.language);
  if (!view) return turn.say(errorTitle('report.not_found', turn.language));
  turn.say(statusMessage(view, turn.language));
  if (view.status === 'closed' && deps.recordRating)
    turn.say(say('ratePrompt', turn.language), ratingKeyboard(view.trackingCode));
}

async function placeFound(deps: BotDeps, turn: Turn, point: { lon: number; lat: number }, label: string | null) {
  if (!(await resolvePoint(deps.report.db, point))) {
    turn.say(`${errorTitle('geo.outside_kazakhstan', turn.language)}. ${say('tryAnotherPlace', turn.language)}`);
    return;
  }
  turn.say(`${say('place', turn.language)}: ${label ?? say('sharedPoint', turn.language)} ✓`, REMOVE_KEYBOARD);
  turn.moveTo('media', { ...turn.state.draft, location: { ...point, label } });
}

async function placeFromAddress(deps: BotDeps, turn: Turn, address: string): Promise<void> {
  const [found] = await deps.geocoder.search(address, turn.language, 1);
  if (!found) return turn.say(say('addressNotFound', turn.language), locationKeyboard(turn.language));
  const [lon, lat] = found.point.coordinates;
  await placeFound(deps, turn, { lon, lat }, found.label);
}

/** The file a message carries, if any: for a photo, the largest size the limit allows. */
function fileOf(message: Message, maxBytes: number): { fileId: string; size: number | undefined } | null {
  if (message.photo?.length) {
    const sizes = [...message.photo].sort((a, b) => (a.file_size ?? 0) - (b.file_size ?? 0));
    const best = sizes.filter((s) => (s.file_size ?? 0) <= maxBytes).pop() ?? sizes[sizes.length - 1]!;
    return { fileId: best.file_id, size: best.file_size };
  }
  const file = message.voice ?? message.audio ?? message.video ?? message.video_note ?? message.document;
  return file ? { fileId: file.file_id, size: file.file_size } : null;
}

/** Where Telegram keeps a file. A file it refuses to hand out will not come by retrying. */
async function filePathOf(deps: BotDeps, fileId: string): Promise<string> {
  try {
    const { file_path: filePath } = await deps.transport.api.getFile(fileId);
    // Telegram gives no path for a file past the 20 MB its Bot API will hand out.
    if (!filePath) throw new AppError('media.too_large');
    return filePath;
  } catch (error) {
    if (error instanceof GrammyError) throw new AppError('media.not_found');
    throw error;
  }
}

async function addMedia(deps: BotDeps, turn: Turn, file: { fileId: string; size: number | undefined }): Promise<void> {
  const { maxBytes, maxFiles } = deps.media;
  const media = turn.state.draft.media ?? [];
  if (media.length >= maxFiles) throw new AppError('media.too_many_files');
  if (file.size !== undefined && file.size > maxBytes) throw new AppError('media.too_large');
  const filePath = await filePathOf(deps, file.fileId);
  const stored = await storeMedia(deps.report.mediaDir, await deps.transport.download(filePath, maxBytes));
  const kept = media.some((m) => m.sha256 === stored.sha256) ? media : [...media, stored];
  turn.state = { ...turn.state, draft: { ...turn.state.draft, media: kept } };
  turn.say(`${say('mediaReceived', turn.language)} (${kept.length}/${maxFiles})`, continueKeyboard(turn.language));
}

async function fileDraft(deps: BotDeps, turn: Turn, incoming: Incoming): Promise<void> {
  const { category, description, location, media = [] } = turn.state.draft;
  if (!category || !description || !location) return turn.moveTo('category', {});
  const filed = await fileReport(
    deps.report,
    { category, description, location: { type: 'Point', coordinates: [location.lon, location.lat] }, anonymous: true },
    { kind: 'anonymous', id: null, ip: incoming.ip },
    { channel: 'telegram', idempotencyKey: reportIdempotencyKey(incoming.chatHash, turn.state.conversationId), media },
  );
  turn.state = { ...turn.state, step: 'idle', draft: {} };
  turn.say(say('filed', turn.language, { code: filed.body.trackingCode }), REMOVE_KEYBOARD);
}

function start(turn: Turn, language: Language): void {
  turn.state = newConversation(language, 'language', turn.state.lookups);
  turn.warn();
  turn.prompt();
}

async function onCommand(deps: BotDeps, turn: Turn, text: string, fresh: boolean): Promise<void> {
  const [command = '', ...rest] = text.split(/\s+/);
  switch (command.split('@')[0]) {
    case '/start':
      return start(turn, turn.language);
    case '/status':
      return answerStatus(deps, turn, rest.join(''));
    case '/cancel':
      turn.state = { ...turn.state, step: 'idle', draft: {} };
      return turn.say(say('cancelled', turn.language), REMOVE_KEYBOARD);
    default:
      return fresh ? start(turn, turn.language) : turn.prompt();
  }
}

async function onMessage(deps: BotDeps, turn: Turn, message: Message, fresh: boolean): Promise<void> {
  const text = message.text?.trim();
  if (text?.startsWith('/')) return onCommand(deps, turn, text, fresh);
  if (fresh) return start(turn, turn.language);
  const { step } = turn.state;
  if (step === 'description' && text) {
    if (text.length > MAX_DESCRIPTION) return turn.say(say('descriptionTooLong', turn.language));
    return turn.moveTo('location', { ...turn.state.draft, description: text });
  }
  if (step === 'location' && message.location) {
    return placeFound(deps, turn, { lon: message.location.longitude, lat: message.location.latitude }, null);
  }
  if (step === 'location' && text) return placeFromAddress(deps, turn, text);
  const file = step === 'media' ? fileOf(message, deps.media.maxBytes) : null;
  if (file) return addMedia(deps, turn, file);
  if (step === 'idle' && text && normaliseTrackingCode(text)) return answerStatus(deps, turn, text);
  turn.prompt();
}

async function onRating(deps: BotDeps, turn: Turn, data: string, incoming: Incoming): Promise<void> {
  const [code = '', score = ''] = data.slice(CALLBACK.rate.length).split(':');
  if (!mayLookUp(deps, turn)) return turn.say(errorTitle('request.rate_limited', turn.language));
  const view = await trackReport(deps.report.db, code, turn.language);
  if (!deps.recordRating || view?.status !== 'closed' || !/^[1-5]$/.test(score)) return;
  await deps.recordRating({
    trackingCode: view.trackingCode,
    score: Number(score),
    channel: 'telegram',
    raterHash: incoming.chatHash,
    at: deps.report.clock(),
  });
  turn.say(say('rateThanks', turn.language));
}

async function onCallback(deps: BotDeps, turn: Turn, data: string, incoming: Incoming): Promise<void> {
  const { step } = turn.state;
  if (data.startsWith(CALLBACK.rate)) return onRating(deps, turn, data, incoming);
  if (step === 'language' && data.startsWith(CALLBACK.language)) {
    const chosen = data.slice(CALLBACK.language.length);
    if (!isLanguage(chosen)) return turn.prompt();
    const changed = chosen !== turn.language;
    turn.state = { ...turn.state, language: chosen };
    if (changed) turn.say(say('danger', chosen));
    return turn.moveTo('category');
  }
  if (step === 'category' && data.startsWith(CALLBACK.category)) {
    const category = categoryByCode(data.slice(CALLBACK.category.length));
    if (!category) throw new AppError('category.unknown');
    if (!category.citizenReportable) throw new AppError('category.not_reportable');
    return turn.moveTo('description', { category: category.code });
  }
  if (step === 'media' && data === CALLBACK.mediaDone) return turn.moveTo('confirm');
  if (step === 'confirm' && data === CALLBACK.send) return fileDraft(deps, turn, incoming);
  if (step === 'confirm' && data === CALLBACK.cancel) {
    turn.state = { ...turn.state, step: 'idle', draft: {} };
    return turn.say(say('cancelled', turn.language), REMOVE_KEYBOARD);
  }
  // A button from an older message: ask for what is needed now.
  turn.prompt();
}

/** A refusal the citizen can act on is said in the chat; anything else fails the delivery, so Telegram retries. */
function isSayable(error: unknown): error is AppError {
  if (!(error instanceof AppError) || error.code === 'idempotency.in_flight') return false;
  return ERRORS[error.code as ErrorCode].status < 500;
}

/**
 * Walks a chat one update further through a report: language, category, description, place,
 * media, confirmation, filing; and answers status questions at any point.
 */
export async function converse(deps: BotDeps, current: ChatState | null, incoming: Incoming) {
  const fresh = current === null;
  const turn = new Turn(current ?? newConversation(languageFromTelegram(incoming.languageCode), 'idle'));
  if (incoming.callback) turn.replies.push({ kind: 'answerCallback', id: incoming.callback.id });
  if (fresh) turn.warn();
  try {
    if (incoming.message) await onMessage(deps, turn, incoming.message, fresh);
    else if (incoming.callback?.data) await onCallback(deps, turn, incoming.callback.data, incoming);
  } catch (error) {
    if (!isSayable(error)) throw error;
    turn.say(errorTitle(error.code, turn.language));
    turn.prompt();
  }
  return { state: turn.state, replies: turn.replies };
}
