import { useTranslation } from 'react-i18next';
import { useConsole } from './console-state.js';

/** Whether the live feed is connected: a console that silently stopped updating would mislead. */
export function FeedStatus() {
  const { t } = useTranslation();
  const { feed } = useConsole();
  return (
    <p className={`feed-status feed-status--${feed}`} aria-live="polite">
      {t(`console.feed.${feed}`)}
    </p>
  );
}
