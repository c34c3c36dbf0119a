import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../src/ui/page-heading.js';
import { AkimRatingView } from './akim-rating-view.js';
import { ClearanceView } from './clearance-view.js';
import { ForecastView } from './forecast-view.js';
import { HotspotsView } from './hotspots-view.js';
import { IndicatorsView } from './indicators-view.js';
import { ReportView } from './report-view.js';
import { SituationView } from './situation-view.js';
import { TimePatternsView } from './time-patterns-view.js';
import './analytics.css';

const VIEWS = ['situation', 'hotspots', 'forecast', 'timePatterns', 'indicators', 'clearance', 'rating', 'report'] as const;
type View = (typeof VIEWS)[number];

/** The analyst's and commander's section: the live situation board, hot spots, forecasts with their back-test, time patterns, the concept's indicators, clearance, the akim rating and the National Report. */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('situation');
  return (
    <>
      <PageHeading title={t('analytics.title')}>{t('analytics.title')}</PageHeading>
      <p className="lead">{t('analytics.intro')}</p>
      <nav aria-label={t('analytics.viewsLabel')} className="analytics-views">
        <ul>
          {VIEWS.map((v) => (
            <li key={v}>
              <button type="button" className="analytics-views__tab" aria-pressed={view === v} onClick={() => setView(v)}>
                {t(`analytics.views.${v}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="analytics-view-title">
        <h2 id="analytics-view-title">{t(`analytics.views.${view}`)}</h2>
        {view === 'situation' && <SituationView />}
        {view === 'hotspots' && <HotspotsView />}
        {view === 'forecast' && <ForecastView />}
        {view === 'timePatterns' && <TimePatternsView />}
        {view === 'indicators' && <IndicatorsView />}
        {view === 'clearance' && <ClearanceView />}
        {view === 'rating' && <AkimRatingView />}
        {view === 'report' && <ReportView />}
      </section>
    </>
  );
}
