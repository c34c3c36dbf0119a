import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/roles.js';
import { formatDateTime } from '../../src/intl-format.js';
import { useResource } from '../../src/use-resource.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { preventionApi } from './prevention-api.js';

/** Where a woman and her children can go tonight: free beds per centre of the region, most first. */
export function CentresPage() {
  const { t, i18n } = useTranslation();
  const centres = useResource((signal) => preventionApi.centres(signal), []);
  const title = t('prevention.centres.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('prevention.centres.intro')}</p>
      {centres.status === 'loading' ? (
        <LoadingMessage />
      ) : centres.status === 'failed' ? (
        <LoadFailure error={centres.error} onRetry={centres.reload} />
      ) : centres.data.length === 0 ? (
        <p>{t('prevention.centres.empty')}</p>
      ) : (
        <ul className="case-cards">
          {centres.data.map((c) => (
            <li key={c.id} className="case-card">
              <h2 className="case-card__title">{c.name}</h2>
              <p className="centre-beds">
                <strong>{t('prevention.centres.free')}:</strong>{' '}
                {t('prevention.centres.of', { free: c.bedsFree, total: c.bedsTotal })}
              </p>
              <dl className="summary-list">
                <div className="summary-list__row">
                  <dt>{t('prevention.centres.children')}</dt>
                  <dd>{c.acceptsChildren ? t('prevention.centres.yes') : t('prevention.centres.no')}</dd>
                </div>
                {c.phone ? (
                  <div className="summary-list__row">
                    <dt>{t('prevention.centres.phone')}</dt>
                    <dd>
                      <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a>
                    </dd>
                  </div>
                ) : null}
                <div className="summary-list__row">
                  <dt>{t('prevention.centres.updated')}</dt>
                  <dd>{formatDateTime(c.occupancyUpdatedAt, i18n.language as Language)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
