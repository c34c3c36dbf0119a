import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { Link } from '../../src/router.js';
import { useResource } from '../../src/use-resource.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { fetchClientConfig, fetchRegionBoundaries } from '../geo/geo-api.js';
import { BOUNDARIES_CREDIT, MapAttribution } from '../geo/map-attribution.js';
import { registerApi } from './register-api.js';
import { formatDay } from './register-format.js';
import { RegisterTodayMap } from './register-today-map.js';
import '../geo/map.css';

/**
 * The district inspector's day: what is due and overdue, on a map and as a list with the same
 * items in the same order (the list is the map's non-visual twin, and the way to open an entry).
 */
export function RegisterToday() {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = useResource((signal) => registerApi.today(signal), [language]);
  const boundaries = useResource((signal) => fetchRegionBoundaries(signal), [language]);
  const config = useResource((signal) => fetchClientConfig(signal), [language]);
  const title = t('prevention-registers.today.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {today.status === 'loading' ? (
        <LoadingMessage />
      ) : today.status === 'failed' ? (
        <LoadFailure error={today.error} onRetry={today.reload} />
      ) : (
        <>
          <p className="lead">
            {t('prevention-registers.today.intro', { date: formatDay(today.data.today) })}{' '}
            {t('prevention-registers.today.count', { count: today.data.items.length })}
          </p>
          {today.data.items.length === 0 ? (
            <p>{t('prevention-registers.today.empty')}</p>
          ) : (
            <>
              <figure className="map-figure register-map" aria-label={t('prevention-registers.today.mapLabel')}>
                {boundaries.status === 'ready' && config.status !== 'loading' ? (
                  <RegisterTodayMap
                    key={language}
                    boundaries={boundaries.data}
                    tileUrl={config.data?.mapTileUrl ?? null}
                    items={today.data.items}
                  />
                ) : (
                  <div className="region-map region-map--loading">
                    <LoadingMessage />
                  </div>
                )}
                <MapAttribution text={config.data?.attribution ?? BOUNDARIES_CREDIT} />
              </figure>
              <h2 id="register-today-list">{t('prevention-registers.today.listLabel')}</h2>
              <ol className="case-cards register-today" aria-labelledby="register-today-list">
                {today.data.items.map((item) => (
                  <li key={`${item.type}-${item.contactId ?? item.entryId}`} className="case-card">
                    <p className="case-card__title">
                      <span
                        className={item.isOverdue ? 'register-dot register-dot--overdue' : 'register-dot'}
                        aria-hidden="true"
                      />
                      {item.type === 'visit' && item.contactKind
                        ? t(`prevention-registers.contactKind.${item.contactKind}`)
                        : t('prevention-registers.today.review')}{' '}
                      · <Link to={`/prevention/registers/${item.entryId}`}>{item.entryNumber}</Link>
                    </p>
                    <p>
                      <strong>{item.name}</strong> — {item.address}
                    </p>
                    <p className={item.isOverdue ? 'register-overdue' : undefined}>
                      {item.isOverdue
                        ? t('prevention-registers.today.overdue', { date: formatDay(item.dueDate) })
                        : t('prevention-registers.today.dueToday')}
                      {item.point ? null : ` · ${t('prevention-registers.today.noPoint')}`}
                    </p>
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </>
  );
}
