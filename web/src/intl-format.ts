import { intlLocale, type Language } from './i18n.js';

let kazakhDataPresent: boolean | null = null;

/**
 * Whether this browser really has Kazakh formats. Some builds (Debian's Chromium among them) say
 * they support `kk` but carry only the root patterns ("1,068,499", "2026-11-25 14:15"); real
 * Kazakh data groups thousands with a space, as root never does.
 */
function hasKazakhData(): boolean {
  if (kazakhDataPresent === null) {
    const locale = intlLocale('kk');
    const group = new Intl.NumberFormat(locale).formatToParts(1_000_000).find((part) => part.type === 'group')?.value;
    kazakhDataPresent = Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 && group !== undefined && group !== ',';
  }
  return kazakhDataPresent;
}

/**
 * Browsers' built-in locale data often lacks Kazakh, or has only root patterns under its name.
 * Kazakhstan writes numbers and dates as Russian does (2 347 924; 25.11.2026, 13:48), so kk
 * borrows ru-KZ's numeric formats when real kk data is missing.
 */
function formatLocale(language: Language): string {
  const locale = intlLocale(language);
  if (language !== 'kk') return locale;
  return hasKazakhData() ? locale : intlLocale('ru');
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

/** A time of day (hh:mm) in the browser's time zone. */
export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(formatLocale(language), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
