import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../src/ui/page-heading.js';
import { AkimRatingView } from './akim-rating-view.js';
import { HotspotsView } from './hotspots-view.js';
import { IndicatorsView } from './indicators-view.js';
import { ReportView } from './report-view.js';
import { TimePatternsView } from './time-patterns-view.js';
import './analytics.css';

const VIEWS = ['hotspots', 'timePatterns', 'indicators', 'rating', 'report'] as const;
type View = (typeof VIEWS)[number];

/** The analyst's section: hot spots, time patterns, the concept's indicators, the akim rating and the National Report. */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('hotspots');
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
        {view === 'hotspots' && <HotspotsView />}
        {view === 'timePatterns' && <TimePatternsView />}
        {view === 'indicators' && <IndicatorsView />}
        {view === 'rating' && <AkimRatingView />}
        {view === 'report' && <ReportView />}
      </section>
    </>
  );
}
