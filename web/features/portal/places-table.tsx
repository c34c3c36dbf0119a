import { TableScroll } from './table-scroll.js';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { mapValueText } from './figures.js';
import type { MapItem, MapView } from './portal-api.js';

/** The map's list twin: every place drawn, with its figure as published. */
export function PlacesTable({ items, level, caption }: { items: readonly MapItem[]; level: MapView['level']; caption: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (items.length === 0) return <p>{t('portal.map.nothing')}</p>;
  return (
    <TableScroll label={caption}>
      <table className="table" data-testid="places-table">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`portal.map.level.${level}`)}</th>
            <th scope="col" className="table__numeric">
              {t('portal.table.offences')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">{item.name}</th>
              <td className="table__numeric">{mapValueText(item.value, t, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
