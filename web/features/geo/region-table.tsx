import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import type { Region } from './geo-api.js';
import { populationText } from './population-text.js';

interface RegionTableProps {
  regions: Region[];
  selectedId: string | null;
  onSelect: (regionId: string) => void;
}

/**
 * The map's list alternative: every region with its centre and population. Choosing a region
 * here highlights it on the map and shows it beside the map.
 */
export function RegionTable({ regions, selectedId, onSelect }: RegionTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sorted = [...regions].sort((a, b) => a.name.localeCompare(b.name, language));
  return (
    <table className="table region-table">
      <caption className="table__caption">{t('map.listCaption', { count: regions.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('map.columns.region')}</th>
          <th scope="col" className="table__optional">
            {t('map.columns.iso')}
          </th>
          <th scope="col" className="table__optional">
            {t('map.columns.capital')}
          </th>
          <th scope="col" className="table__optional">
            {t('map.columns.timeZone')}
          </th>
          <th scope="col" className="table__numeric">
            {t('map.columns.population')}
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((region) => {
          const isSelected = region.id === selectedId;
          return (
            <tr key={region.id} className={isSelected ? 'table__row--selected' : undefined}>
              <th scope="row">
                <button type="button" className="link-button" aria-pressed={isSelected} onClick={() => onSelect(region.id)}>
                  {region.name}
                  <span className="visually-hidden">, {t('map.showOnMap')}</span>
                </button>
                {/* On phones the centre moves under the name (its column is hidden there). */}
                <span className="region-table__capital">{region.capital}</span>
              </th>
              <td className="table__optional">{region.iso}</td>
              <td className="table__optional">{region.capital}</td>
              <td className="table__optional">{region.tz}</td>
              <td className="table__numeric">{populationText(region.population, language, t)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
