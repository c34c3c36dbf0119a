import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime, formatNumber } from '../../src/intl-format.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { useRefreshed } from './use-refreshed.js';
import { fetchMedia, mediaUrl } from './console-api.js';

/** The reporter's photos, audio and video: links to the originals kept as evidence. */
export function MediaList({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const media = useRefreshed((signal) => fetchMedia(incidentId, signal), [incidentId]);
  return (
    <section aria-labelledby="media-heading">
      <h2 id="media-heading">{t('console.media.title')}</h2>
      {media.status === 'loading' ? <LoadingMessage /> : null}
      {media.status === 'failed' ? <LoadFailure error={media.error} onRetry={media.reload} /> : null}
      {media.status === 'ready' && media.data.length === 0 ? <p>{t('console.media.none')}</p> : null}
      {media.status === 'ready' && media.data.length > 0 ? (
        <ul>
          {media.data.map((item) => (
            <li key={item.sha256}>
              <a href={mediaUrl(incidentId, item.sha256)} target="_blank" rel="noreferrer">
                {t(`console.media.${item.kind}`)}
              </a>{' '}
              ({item.mediaType}, {t('console.media.size', { size: formatNumber(Math.ceil(item.sizeBytes / 1024), language) })},{' '}
              {formatDateTime(item.createdAt, language)})
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
