import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { useRefreshed } from './use-refreshed.js';
import { categoryName } from '../report/category-name.js';
import { eidoUrl, fetchDetail, type IncidentDetail } from './console-api.js';
import { CircumstancesPanel } from './circumstances-panel.js';
import { useConsole } from './console-state.js';
import { DispatchPanel } from './dispatch-panel.js';
import { DuplicatesPanel } from './duplicates-panel.js';
import { IncidentActions } from './incident-actions.js';
import { IncidentMap } from './incident-map.js';
import { MediaList } from './media-list.js';
import { OutcomePanel } from './outcome-panel.js';
import { TimelineList } from './timeline-list.js';
import { useDistrictNames } from './use-district-names.js';

/** One incident in full, with everything the operator does to it. Follows the live feed. */
export function IncidentDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const detail = useRefreshed((signal) => fetchDetail(id, signal), [id, language]);
  const { subscribe } = useConsole();
  const { reload } = detail;

  useEffect(() => subscribe((message) => (message.data.incidentId === id ? reload() : undefined)), [subscribe, id, reload]);

  if (detail.status === 'failed') {
    return (
      <>
        <PageHeading title={t('console.detail.title')}>{t('console.detail.title')}</PageHeading>
        <LoadFailure error={detail.error} onRetry={detail.reload} />
        <BackLink />
      </>
    );
  }
  if (detail.status === 'loading') return <LoadingMessage />;
  const incident = detail.data;
  const heading = `P${incident.priority} · ${categoryName(incident.category, language)}`;
  return (
    <>
      <BackLink />
      <PageHeading title={heading}>{heading}</PageHeading>
      <div className="detail">
        <div className="detail__main">
          <Summary incident={incident} />
          <section aria-labelledby="description-heading">
            <h2 id="description-heading">{t('console.detail.description')}</h2>
            <p className="detail__description">{incident.description ?? t('console.detail.noDescription')}</p>
          </section>
          <IncidentActions incident={incident} onChanged={detail.reload} />
          <CircumstancesPanel incident={incident} onChanged={detail.reload} />
          <OutcomePanel incident={incident} onChanged={detail.reload} />
          <DispatchPanel incident={incident} />
          <DuplicatesPanel incident={incident} />
          <MediaList incidentId={incident.id} />
          <TimelineList entries={incident.timeline} />
        </div>
        <div className="detail__side">
          <IncidentMap location={incident.location} />
          <p>
            <a href={eidoUrl(incident.id)} download={`incident-${incident.id}.eido.json`}>
              {t('console.detail.eido')}
            </a>
          </p>
        </div>
      </div>
    </>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="detail__back">
      <Link to="/incidents" aria-keyshortcuts="Q">
        {t('console.detail.back')}
      </Link>
    </p>
  );
}

function Summary({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const districts = useDistrictNames([incident.regionId]);
  const contact = [incident.reporter.name, incident.reporter.phone, incident.reporter.email].filter(Boolean).join(', ');
  const rows: [string, string][] = [
    [t('console.detail.status'), t(`console.status.${incident.status}`, { defaultValue: incident.status })],
    [t('console.detail.priority'), `P${incident.priority}`],
    [t('console.detail.source'), t(`console.source.${incident.source}`, { defaultValue: incident.source })],
    [t('console.detail.reportedAt'), formatDateTime(incident.reportedAt, language)],
    [t('console.detail.district'), districts.get(incident.districtId ?? '') ?? t('console.queue.noDistrict')],
    [t('console.detail.trackingCode'), incident.trackingCode ?? '—'],
    [t('console.detail.reporter'), incident.anonymous || !contact ? t('console.detail.anonymous') : contact],
  ];
  return (
    <dl className="summary-list">
      {rows.map(([term, value]) => (
        <div className="summary-list__row" key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
