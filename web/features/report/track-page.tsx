import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../src/ui/page-heading.js';
import { QueuedReports } from './queued-reports.js';
import { ReportStatusPanel } from './report-status.js';
import { TrackForm } from './track-form.js';
import './report.css';

/** `/track` asks for a tracking code; `/track/{code}` shows that report's status and timeline. */
export function TrackPage({ code }: { code: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('report.track.title')}>{t('report.track.title')}</PageHeading>
      {code ? <ReportStatusPanel key={code} code={code} /> : <p className="lead">{t('report.track.intro')}</p>}
      <TrackForm initial={code ?? ''} />
      <QueuedReports />
    </>
  );
}
