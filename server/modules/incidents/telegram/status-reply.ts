import { categoryByCode } from '../../../../common/categories.js';
import type { Language } from '../../../../common/roles.js';
import type { ReportStatusView } from '../report-schema.js';
import { statusText } from '../status.js';
import { say } from './texts.js';

// Kazakhstan has kept one offset (UTC+5) since 1 March 2024; the public view carries no region.
const LOCAL_TIME = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Asia/Almaty',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** What the reporter reads about a report in the chat: the same public view as the web page. */
export function statusMessage(view: ReportStatusView, language: Language): string {
  const category = categoryByCode(view.category)?.names[language] ?? view.category;
  const lines = [
    `${say('statusOf', language, { code: view.trackingCode })}: ${statusText(view.status, language)}`,
    `${say('category', language)}: ${category}`,
    '',
    ...view.timeline.map((entry) => `${LOCAL_TIME.format(new Date(entry.at))} — ${entry.text}`),
  ];
  return lines.join('\n');
}
