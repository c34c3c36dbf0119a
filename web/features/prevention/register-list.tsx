import { useTranslation } from 'react-i18next';
import { Link } from '../../src/router.js';
import { useResource } from '../../src/use-resource.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { registerApi } from './register-api.js';
import { formatDay } from './register-format.js';

/** Active entries, the caller's or the area's: numbers, kinds and dates, never who. */
export function RegisterList({ scope }: { scope: 'mine' | 'all' }) {
  const { t } = useTranslation();
  const entries = useResource((signal) => registerApi.entries(scope, signal), [scope]);
  const title = scope === 'mine' ? t('prevention-registers.list.title') : t('prevention-registers.list.allTitle');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('prevention-registers.list.intro')}</p>
      {entries.status === 'loading' ? (
        <LoadingMessage />
      ) : entries.status === 'failed' ? (
        <LoadFailure error={entries.error} onRetry={entries.reload} />
      ) : entries.data.items.length === 0 ? (
        <p>{t('prevention-registers.list.empty')}</p>
      ) : (
        <ul className="case-cards">
          {entries.data.items.map((entry) => (
            <li key={entry.id} className="case-card">
              <p className="case-card__title">
                <Link to={`/prevention/registers/${entry.id}`}>{entry.entryNumber}</Link>
                {entry.isReviewDue ? <span className="register-flag">{t('prevention-registers.list.reviewDue')}</span> : null}
              </p>
              <p>{t(`prevention-registers.kind.${entry.kind}`)}</p>
              <dl className="register-dates">
                <div>
                  <dt>{t('prevention-registers.list.review')}</dt>
                  <dd>{formatDay(entry.reviewDate)}</dd>
                </div>
                <div>
                  <dt>{t('prevention-registers.list.end')}</dt>
                  <dd>{formatDay(entry.endDate)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
