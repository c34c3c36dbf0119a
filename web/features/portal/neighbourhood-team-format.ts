import { intlLocale, type Language } from '../../src/i18n.js';

// Dates here are numeric, as Kazakhstan writes them in every language (Russian patterns stand in
// for Kazakh, whose locale data many browsers lack).
const localeOf = (language: Language) => intlLocale(language === 'kk' ? 'ru' : language);

/** A calendar day 'YYYY-MM-DD' as written locally (25.11.2026), never shifted by a time zone. */
export function formatDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** A meeting's start and end in the region's own time zone, wherever the reader is. */
export function formatMeetingTime(
  startsAt: string,
  endsAt: string,
  timeZone: string,
  language: Language,
): { from: string; to: string } {
  const locale = localeOf(language);
  const date = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return { from: date.format(new Date(startsAt)), to: time.format(new Date(endsAt)) };
}
