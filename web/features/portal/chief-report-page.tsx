import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { useResource } from '../../src/use-resource.js';
import { ChiefReportAskForm } from './chief-report-ask-form.js';
import { formatPeriod } from './chief-report-format.js';
import { fetchReport, type Report } from './chief-reports-api.js';
import './chief-reports.css';

/** One chief's report: its text, the questions residents asked with the answers, and a form to ask. */
export function ChiefReportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const report = useResource((signal) => fetchReport(id, signal), [id, language]);
  // While the report reloads in another language, the page stays as it was: the form keeps what the
  // person typed and the tracking code they were just given.
  const shown = useRef<Report | null>(null);
  if (report.status === 'ready') shown.current = report.data;
  if (report.status === 'loading') return shown.current?.id === id ? <ReportView report={shown.current} /> : <LoadingMessage />;
  if (report.status === 'failed') {
    return (
      <>
        <PageHeading title={t('portal.chiefReports.missing')}>{t('portal.chiefReports.missing')}</PageHeading>
        <LoadFailure error={report.error} onRetry={report.reload} />
        <p>
          <Link to="/chief-reports">{t('portal.chiefReports.back')}</Link>
        </p>
      </>
    );
  }
  return <ReportView report={report.data} />;
}

function ReportView({ report }: { report: Report }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <article>
      <PageHeading title={report.title}>{report.title}</PageHeading>
      <p className="chief-report-meta">
        {[report.regionName, report.districtName].filter(Boolean).join(', ')} ·{' '}
        {t('portal.chiefReports.period', { period: formatPeriod(report.periodStart, report.periodEnd) })}
      </p>
      <p className="field__hint">
        {t('portal.chiefReports.publishedOn', { date: formatDateTime(report.publishedAt, language) })}
      </p>
      <div className="chief-report-body">
        {report.body.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>

      <section aria-labelledby="chief-qa">
        <h2 id="chief-qa" className="portal-section-title">
          {t('portal.chiefReports.questionsTitle')}
        </h2>
        {report.questions.length === 0 ? <p>{t('portal.chiefReports.noQuestions')}</p> : null}
        <ul className="chief-report-questions">
          {report.questions.map((q) => (
            <li key={q.id} className="chief-report-question">
              <p className="chief-report-meta">
                {t('portal.chiefReports.askedBy', {
                  name: q.displayName ?? t('portal.chiefReports.resident'),
                  date: formatDateTime(q.askedAt, language),
                })}
              </p>
              <p className="chief-report-question__text">{q.text}</p>
              {q.answer ? (
                <div className="chief-report-answer">
                  <p className="chief-report-answer__label">{t('portal.chiefReports.answer')}</p>
                  <p className="chief-report-answer__text">{q.answer}</p>
                </div>
              ) : (
                <p className="field__hint">{t('portal.chiefReports.awaitingAnswer')}</p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="chief-ask">
        <h2 id="chief-ask" className="portal-section-title">
          {t('portal.chiefReports.askTitle')}
        </h2>
        <ChiefReportAskForm reportId={report.id} answersByEmail={report.answersByEmail} />
      </section>
      <p>
        <Link to="/chief-reports">{t('portal.chiefReports.back')}</Link>
      </p>
    </article>
  );
}
