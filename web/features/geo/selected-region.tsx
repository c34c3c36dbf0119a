import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import type { Region } from './geo-api.js';
import { populationText } from './population-text.js';

interface SelectedRegionProps {
  /** The region's record, when the list has loaded. */
  region: Region | null;
  /** The name from the map, for when the record is not (yet) known. */
  name: string | null;
}

/** The region chosen on the map or in the list; announced politely when it changes. */
export function SelectedRegion({ region, name }: SelectedRegionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shownName = region?.name ?? name;
  return (
    <section className="selected-region" aria-labelledby="selected-region-title">
      <h2 id="selected-region-title" className="selected-region__title">
        {t('map.selectedTitle')}
      </h2>
      <div aria-live="polite" aria-atomic="true">
        {shownName ? (
          <>
            <p className="selected-region__name">{shownName}</p>
            {region ? (
              <dl className="summary-list">
                <div className="summary-list__row">
                  <dt>{t('map.columns.capital')}</dt>
                  <dd>{region.capital}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>{t('map.columns.population')}</dt>
                  <dd>{populationText(region.population, language, t)}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>{t('map.columns.iso')}</dt>
                  <dd>{region.iso}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>{t('map.columns.timeZone')}</dt>
                  <dd>{region.tz}</dd>
                </div>
              </dl>
            ) : null}
          </>
        ) : (
          <p className="selected-region__empty">{t('map.noneSelected')}</p>
        )}
      </div>
    </section>
  );
}
