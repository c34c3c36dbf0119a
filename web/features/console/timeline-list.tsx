import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import type { TimelineEntry } from './console-api.js';
import { systemNoteText } from './system-note.js';

/** Every step on the incident, oldest first, with the staff-only notes. */
export function TimelineList({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('console.timeline.title')}</h2>
      {entries.length === 0 ? <p>{t('console.timeline.empty')}</p> : null}
      <ol className="timeline">
        {entries.map((entry, index) => (
          <li key={`${entry.at}-${index}`} className="timeline__entry">
            <p className="timeline__head">
              <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>{' '}
              <strong>{t(`console.status.${entry.status}`, { defaultValue: entry.status })}</strong>
            </p>
            {entry.publicText ? <p>{t('console.timeline.public', { text: entry.publicText })}</p> : null}
            {entry.systemNotes.map((note, n) => (
              <p key={n} className="timeline__system">
                {systemNoteText(note, t, language)}
              </p>
            ))}
            {entry.internalNote ? <p className="timeline__note">{entry.internalNote}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
