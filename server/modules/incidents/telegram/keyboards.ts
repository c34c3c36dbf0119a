import { InlineKeyboard, Keyboard } from 'grammy';
import type { Language } from '../../../../common/roles.js';
import { LANGUAGES } from '../../../../common/roles.js';
import { reportCategories } from '../reports.js';
import { LANGUAGE_NAMES, say } from './texts.js';

/** Callback data the bot's buttons carry; Telegram allows 64 bytes. */
export const CALLBACK = {
  language: 'lang:',
  category: 'cat:',
  mediaDone: 'media:done',
  send: 'confirm:send',
  cancel: 'confirm:cancel',
  rate: 'rate:',
} as const;

export function languageKeyboard(): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const language of LANGUAGES) keyboard.text(LANGUAGE_NAMES[language], CALLBACK.language + language);
  return keyboard;
}

/** One category a row: their names are long, and a cut-off name is a wrong report. */
export function categoryKeyboard(language: Language): InlineKeyboard {
  return InlineKeyboard.from(reportCategories(language).map((c) => [InlineKeyboard.text(c.name, CALLBACK.category + c.code)]));
}

export function locationKeyboard(language: Language): Keyboard {
  return new Keyboard().requestLocation(say('shareLocation', language)).resized().oneTime();
}

export function continueKeyboard(language: Language): InlineKeyboard {
  return new InlineKeyboard().text(say('continue', language), CALLBACK.mediaDone);
}

export function confirmKeyboard(language: Language): InlineKeyboard {
  return new InlineKeyboard().text(say('send', language), CALLBACK.send).text(say('cancel', language), CALLBACK.cancel);
}

export function ratingKeyboard(trackingCode: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (let score = 1; score <= 5; score++) keyboard.text('★'.repeat(score), `${CALLBACK.rate}${trackingCode}:${score}`);
  return keyboard;
}
