import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from '../../common/roles.js';
import { loadTranslations } from './translations.js';

export { LANGUAGES, isLanguage, type Language };

/** Kazakh is the state language and the default. */
export const DEFAULT_LANGUAGE: Language = 'kk';

/** Each language's name in that language, so everyone can find their own. */
export const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

const STORAGE_KEY = 'aman.language';

/** BCP 47 tags for Intl formatting (numbers, dates) in each interface language. */
const INTL_LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en-GB' };

function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null; // storage may be disabled (private mode, policy)
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering the choice is acceptable; the interface still switches.
  }
}

/**
 * Initialises i18next with the texts of the language this browser shows, and keeps <html lang> in
 * step. Only that language is downloaded; render after this resolves, so no key or other language
 * ever flashes on screen.
 */
export async function initI18n(): Promise<typeof i18next> {
  const initial = readStoredLanguage() ?? DEFAULT_LANGUAGE;
  const texts = await loadTranslations(initial);
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18next.use(initReactI18next).init({
    resources: { [initial]: { translation: texts } },
    lng: initial,
    // Every language has every key (locales.test.ts) and only the shown one is loaded: a fallback
    // language would be one more download that is never read.
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
    showSupportNotice: false, // no advertising in the console
  });
  document.documentElement.lang = initial;
  return i18next;
}

/** A language's texts could not be downloaded (offline before this browser ever had them): nothing changed. */
export class LanguageUnavailable extends Error {
  constructor(
    readonly language: Language,
    cause: unknown,
  ) {
    super(`the ${language} interface texts could not be loaded`, { cause });
  }
}

/** Downloads a language's texts once; the interface switches only when they are there. */
async function ensureTexts(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  let texts;
  try {
    texts = await loadTranslations(language);
  } catch (error) {
    throw new LanguageUnavailable(language, error);
  }
  i18next.addResourceBundle(language, 'translation', texts);
}

/** The interface language now in use. */
export function currentLanguage(): Language {
  const language = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/** The interface language, re-rendering the component when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/** Switches the interface language and remembers it in this browser. */
export async function applyLanguage(language: Language): Promise<void> {
  // Offline, a language not seen before cannot be fetched: the switch fails and is not remembered.
  await ensureTexts(language);
  storeLanguage(language);
  if (currentLanguage() !== language) await i18next.changeLanguage(language);
}

/** The language this browser remembers from an earlier choice or session, if any. */
export function rememberedLanguage(): Language | null {
  return readStoredLanguage();
}

/** The Intl locale for formatting numbers and dates in the current language. */
export function intlLocale(language: Language = currentLanguage()): string {
  return INTL_LOCALES[language];
}
