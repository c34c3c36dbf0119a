import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { useResource } from '../../src/use-resource.js';
import { AreaPicker } from './area-picker.js';
import { formatPeriod } from './chief-report-format.js';
import { fetchReports } from './chief-reports-api.js';
import './chief-reports.css';

/** The published reports of police heads, chosen by region and district (kept in the address for links and Back). */
export function ChiefReportsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const params = new URLSearchParams(window.location.search);
  const [region, setRegion] = useState(params.get('region') ?? '');
  const [district, setDistrict] = useState(params.get('district') ?? '');
  const reports = useResource(
    (signal) => fetchReports({ ...(region ? { region } : {}), ...(district ? { district } : {}) }, signal),
    [region, district, language],
  );

  useEffect(() => {
    const query = new URLSearchParams({ ...(region ? { region } : {}), ...(district ? { district } : {}) }).toString();
    window.history.replaceState(null, '', query ? `/chief-reports?${query}` : '/chief-reports');
  }, [region, district]);

  const title = t('portal.chiefReports.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('portal.chiefReports.lead')}</p>
      <div className="chief-report-filters">
        <AreaPicker
          ids={{ region: 'chief-region', district: 'chief-district' }}
          labels={{
            region: t('portal.chiefReports.region'),
            district: t('portal.chiefReports.district'),
            anyRegion: t('portal.chiefReports.allRegions'),
            anyDistrict: t('portal.chiefReports.allDistricts'),
          }}
          value={{ region, district }}
          onChange={(area) => {
            setRegion(area.region);
            setDistrict(area.district);
          }}
        />
      </div>
      <div role="status" className="status-region">
        {reports.status === 'loading' ? <LoadingMessage /> : null}
        {reports.status === 'ready' ? <p>{t('portal.chiefReports.found', { count: reports.data.items.length })}</p> : null}
      </div>
      {reports.status === 'failed' ? <LoadFailure error={reports.error} onRetry={reports.reload} /> : null}
      {reports.status === 'ready' ? (
        <ul className="portal-guide-list">
          {reports.data.items.map((report) => (
            <li key={report.id} className="portal-guide-list__item">
              <h2 className="portal-guide-list__title">
                <Link to={`/chief-reports/${report.id}`}>{report.title}</Link>
              </h2>
              <p className="chief-report-meta">
                {[report.regionName, report.districtName].filter(Boolean).join(', ')} ·{' '}
                {t('portal.chiefReports.period', { period: formatPeriod(report.periodStart, report.periodEnd) })}
              </p>
              <p className="field__hint">
                {t('portal.chiefReports.publishedOn', { date: formatDateTime(report.publishedAt, language) })} ·{' '}
                {t('portal.chiefReports.answered', { count: report.answeredQuestions })}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
