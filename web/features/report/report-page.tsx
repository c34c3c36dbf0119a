import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../src/ui/page-heading.js';
import { QueuedReports } from './queued-reports.js';
import { ReportForm, type SubmitResult } from './report-form.js';
import { ReportQueuedNotice, ReportSentNotice } from './report-result.js';
import './report.css';

/** `/report`: the report form, then what became of the report: sent, or kept on the device. */
export function ReportPage() {
  const { t } = useTranslation();
  const [result, setResult] = useState<SubmitResult | null>(null);
  // A new form (and with it a new Idempotency-Key) for the next report.
  const [formKey, setFormKey] = useState(0);

  function startAgain() {
    setResult(null);
    setFormKey((n) => n + 1);
  }

  return (
    <>
      <PageHeading title={t('report.title')}>{t('report.title')}</PageHeading>
      {result?.kind === 'sent' ? (
        <ReportSentNotice receipt={result.receipt} onAnother={startAgain} />
      ) : result?.kind === 'queued' ? (
        <ReportQueuedNotice reason={result.reason} onAnother={startAgain} />
      ) : (
        <>
          <p className="lead">{t('report.intro')}</p>
          <ReportForm key={formKey} onDone={setResult} />
        </>
      )}
      <QueuedReports />
    </>
  );
}
