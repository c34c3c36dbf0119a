import { intlLocale, type Language } from './i18n.js';

/**
 * Browsers' built-in locale data often lacks Kazakh (Chromium's ICU has no `kk`, so it falls back to
 * root patterns such as "2026 M11 25"). Kazakhstan writes numbers and dates as Russian does
 * (2 347 924; 25.11.2026, 13:48), so kk borrows ru-KZ's numeric formats when kk is missing.
 */
function formatLocale(language: Language): string {
  const locale = intlLocale(language);
  if (language !== 'kk') return locale;
  return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : intlLocale('ru');
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(formatLocale(language)).format(value);
}

/** A moment in the browser's time zone, numeric so it reads the same in every language. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(formatLocale(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
