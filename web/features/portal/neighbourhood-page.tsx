import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatNumber } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { useResource } from '../../src/use-resource.js';
import { monthName } from './figures.js';
import { NeighbourhoodMap } from './neighbourhood-map.js';
import { NeighbourhoodTeam } from './neighbourhood-team.js';
import { CategoryChart, CategoryCountsTable, MonthlyChart } from './neighbourhood-charts.js';
import { fetchNeighbourhood, type NeighbourhoodSummary } from './portal-api.js';
import { RatesTable } from './rates-table.js';

// Element Timing: bench/portal-lcp.ts reads when the page's own figures are painted.
const FIGURES_PAINT = { elementtiming: 'portal-figures' } as Record<string, string>;

/** A neighbourhood (police beat): its recorded offences, compared with its district and the country, and its map. */
export function NeighbourhoodPage({ beatId }: { beatId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const summary = useResource((signal) => fetchNeighbourhood(beatId, signal), [beatId, language]);

  if (summary.status === 'loading') return <LoadingMessage />;
  if (summary.status === 'failed') {
    return (
      <>
        <PageHeading title={t('portal.neighbourhood.missing')}>{t('portal.neighbourhood.missing')}</PageHeading>
        <LoadFailure error={summary.error} onRetry={summary.reload} />
        <p>
          <Link to="/area">{t('portal.neighbourhood.findAnother')}</Link>
        </p>
      </>
    );
  }
  return <Neighbourhood summary={summary.data} />;
}

function Neighbourhood({ summary }: { summary: NeighbourhoodSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const latest = monthName(summary.months.latest, t);
  const from = monthName(summary.months.from, t);
  return (
    <>
      <PageHeading title={summary.beat.name}>{summary.beat.name}</PageHeading>
      <p className="lead" {...FIGURES_PAINT}>
        {t('portal.neighbourhood.lead', { latest, from })}
      </p>
      <p className="field__hint">
        {t('portal.neighbourhood.population', { count: formatNumber(summary.populations.beat.population, language) })}
      </p>
      <p>
        <Link to={`/chief-reports?district=${summary.beat.districtId}`}>{t('portal.chiefReports.neighbourhoodLink')}</Link>
      </p>

      <section aria-labelledby="n-last-month">
        <h2 id="n-last-month" className="portal-section-title">
          {t('portal.neighbourhood.lastMonth', { month: latest })}
        </h2>
        <CategoryChart summary={summary} />
      </section>

      <section aria-labelledby="n-monthly">
        <h2 id="n-monthly" className="portal-section-title">
          {t('portal.neighbourhood.monthly', { count: summary.months.count })}
        </h2>
        <MonthlyChart summary={summary} />
      </section>

      <section aria-labelledby="n-rates">
        <h2 id="n-rates" className="portal-section-title">
          {t('portal.neighbourhood.compare')}
        </h2>
        <RatesTable summary={summary} />
      </section>

      <section aria-labelledby="n-sensitive">
        <h2 id="n-sensitive" className="portal-section-title">
          {t('portal.neighbourhood.sensitiveTitle')}
        </h2>
        <p>{t('portal.neighbourhood.sensitiveLead')}</p>
        <CategoryCountsTable rows={summary.sensitive} latest={latest} label={t('portal.neighbourhood.sensitiveTitle')} />
        <p>
          <Link to="/guides/domestic-violence">{t('portal.neighbourhood.dvGuide')}</Link>
        </p>
      </section>

      <section aria-labelledby="n-map">
        <h2 id="n-map" className="portal-section-title">
          {t('portal.neighbourhood.mapTitle', { month: latest })}
        </h2>
        <NeighbourhoodMap summary={summary} />
      </section>

      <NeighbourhoodTeam team={summary.team} />

      <p className="field__hint">{t('portal.figures.explain')}</p>
    </>
  );
}
