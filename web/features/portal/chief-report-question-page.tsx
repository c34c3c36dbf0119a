import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { useResource } from '../../src/use-resource.js';
import { fetchQuestionStatus } from './chief-reports-api.js';

/** Where a question stands, by the tracking code its asker kept. */
export function ChiefReportQuestionPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const status = useResource((signal) => fetchQuestionStatus(code, signal), [code, language]);
  const title = t('portal.chiefReports.trackTitle');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="chief-report-code">{code}</p>
      {status.status === 'loading' ? <LoadingMessage /> : null}
      {status.status === 'failed' ? <LoadFailure error={status.error} onRetry={status.reload} /> : null}
      {status.status === 'ready' ? (
        <>
          <p className="lead">{t(`portal.chiefReports.state.${status.data.status}`)}</p>
          <p className="field__hint">
            {t('portal.chiefReports.askedOn', { date: formatDateTime(status.data.askedAt, language) })}
          </p>
          <p>
            <Link to={`/chief-reports/${status.data.reportId}`}>{t('portal.chiefReports.toReport')}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}
