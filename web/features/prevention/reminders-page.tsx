import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/roles.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { useResource } from '../../src/use-resource.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { preventionApi } from './prevention-api.js';

/** What is due: orders about to expire and overdue actions, by case number only. */
export function RemindersPage() {
  const { t, i18n } = useTranslation();
  const reminders = useResource((signal) => preventionApi.reminders(signal), []);
  const title = t('prevention.reminders.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('prevention.reminders.intro')}</p>
      {reminders.status === 'loading' ? (
        <LoadingMessage />
      ) : reminders.status === 'failed' ? (
        <LoadFailure error={reminders.error} onRetry={reminders.reload} />
      ) : reminders.data.items.length === 0 ? (
        <p>{t('prevention.reminders.empty')}</p>
      ) : (
        <ul className="case-cards">
          {reminders.data.items.map((r) => (
            <li key={r.id} className="case-card">
              <p className="case-card__title">{t(`prevention.reminders.kind.${r.kind}`)}</p>
              <p>
                <Link to={`/prevention/cases/${r.caseId}`}>{r.caseNumber}</Link> ·{' '}
                {r.kind === 'break-glass' ? t('prevention.reminders.at') : t('prevention.reminders.due')}:{' '}
                {formatDateTime(r.dueAt, i18n.language as Language)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
