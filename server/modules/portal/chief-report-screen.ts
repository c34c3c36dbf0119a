import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import leoProfanity from 'leo-profanity';

interface WordList {
  stems: string[];
  words: string[];
}
// JSON through require: the list stays a plain data file that a moderator can extend without code.
const LISTS = createRequire(import.meta.url)('./chief-report-words.json') as { ru: WordList; kk: WordList };

/** Why the screen sends a question to a moderator with a warning. */
export type ScreenFlag = 'profanity' | 'link' | 'repeated-characters' | 'all-caps' | 'duplicate' | 'contact-details';

const LETTER = '\\p{L}';
const wordStart = (stem: string) => new RegExp(`(?<!${LETTER})${escape(stem)}`, 'iu');
const wholeWord = (word: string) => new RegExp(`(?<!${LETTER})${escape(word)}(?!${LETTER})`, 'iu');
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const OWN_PATTERNS = [LISTS.ru, LISTS.kk].flatMap((list) => [...list.stems.map(wordStart), ...list.words.map(wholeWord)]);

const LINK =
  /(https?:\/\/|www\.|\b[a-z0-9-]{2,}\.(com|ru|kz|net|org|info|xyz|top|io|me|biz|click|online|site)\b|t\.me\/|@[a-z0-9_]{5,}\b)/iu;
const EMAIL = /[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.\p{L}{2,}/gu;
// Seven or more digits, allowing the spaces, brackets and dashes people write phone numbers with.
const PHONE = /\+?\d[\d\s()-]{5,}\d/g;

function hasProfanity(text: string): boolean {
  // ё and е are written interchangeably, and a word list cannot hold both spellings of every stem.
  const variants = [text, text.replace(/ё/giu, 'е')];
  return variants.some((v) => OWN_PATTERNS.some((p) => p.test(v))) || leoProfanity.check(text);
}

function digitCount(text: string): number {
  return (text.match(/\d/g) ?? []).length;
}

function hasContactDetails(text: string): boolean {
  return (text.match(PHONE) ?? []).some((m) => digitCount(m) >= 7) || new RegExp(EMAIL.source, 'u').test(text);
}

function isShouting(text: string): boolean {
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  if (letters.length < 12) return false;
  const upper = letters.filter((c) => c !== c.toLowerCase() && c === c.toUpperCase()).length;
  return upper / letters.length > 0.7;
}

/** The text's form for the duplicate check: case, spacing and punctuation do not make a new question. */
export function normaliseQuestion(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function questionTextHash(text: string): string {
  return createHash('sha256').update(normaliseQuestion(text)).digest('hex');
}

/**
 * The screen's reasons for a question (and its display name) to be looked at twice; empty when
 * nothing looks wrong. Every question is moderated either way: a flag only warns the moderator.
 * `isDuplicate` says whether the same text arrived recently (the caller asks the database).
 */
export function screenQuestion(input: { text: string; displayName?: string | null; isDuplicate: boolean }): ScreenFlag[] {
  const all = `${input.displayName ?? ''}\n${input.text}`;
  const flags: ScreenFlag[] = [];
  if (hasProfanity(all)) flags.push('profanity');
  if (LINK.test(all)) flags.push('link');
  if (/(\S)\1{5,}/u.test(all)) flags.push('repeated-characters');
  if (isShouting(input.text)) flags.push('all-caps');
  if (input.isDuplicate) flags.push('duplicate');
  if (hasContactDetails(all)) flags.push('contact-details');
  return flags;
}

/** E-mail addresses and phone numbers masked: the public never sees a way to reach a person. */
export function maskContacts(text: string): string {
  return text.replace(EMAIL, '[…]').replace(PHONE, (m) => (digitCount(m) >= 7 ? '[…]' : m));
}
