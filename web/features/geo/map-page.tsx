import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { useRegions } from './geo-api.js';
import { MapAttribution } from './map-attribution.js';
import { RegionMap, type RegionSelection } from './region-map.js';
import { RegionTable } from './region-table.js';
import { SelectedRegion } from './selected-region.js';
import { useMapData } from './use-map-data.js';
import './map.css';

/** The map section: regions of Kazakhstan on a map, with the same regions as a list below it. */
export function MapPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const mapData = useMapData();
  const regions = useRegions();
  const [selection, setSelection] = useState<RegionSelection | null>(null);

  const selectedRegion = regions.data?.find((region) => region.id === selection?.id) ?? null;
  const selectedFeature =
    mapData.status === 'ready'
      ? mapData.boundaries.features.find((feature) => String(feature.properties.id) === selection?.id)
      : undefined;

  return (
    <>
      <PageHeading title={t('map.title')}>{t('map.title')}</PageHeading>
      <p className="lead">{t('map.intro')}</p>
      <p>
        <a href="#region-list-title">{t('map.skipToList')}</a>
      </p>
      <div className="map-layout">
        <figure className="map-figure">
          {mapData.status === 'ready' ? (
            <RegionMap
              key={language}
              boundaries={mapData.boundaries}
              tileUrl={mapData.tileUrl}
              selection={selection}
              onSelect={(id) => setSelection({ id, zoomTo: false })}
            />
          ) : mapData.status === 'loading' ? (
            <div className="region-map region-map--loading">{mapData.placeholder}</div>
          ) : (
            mapData.placeholder
          )}
          <MapAttribution text={mapData.attribution} />
        </figure>
        <SelectedRegion region={selectedRegion} name={selectedFeature?.properties.name ?? null} />
      </div>
      <section className="region-list" aria-labelledby="region-list-title">
        <h2 id="region-list-title" tabIndex={-1}>
          {t('map.listTitle')}
        </h2>
        {regions.status === 'failed' ? (
          <LoadFailure error={regions.error} onRetry={regions.reload} />
        ) : regions.status === 'loading' ? (
          <LoadingMessage />
        ) : (
          <RegionTable
            regions={regions.data}
            selectedId={selection?.id ?? null}
            onSelect={(id) => setSelection({ id, zoomTo: true })}
          />
        )}
      </section>
    </>
  );
}
