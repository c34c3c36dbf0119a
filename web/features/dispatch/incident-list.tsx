import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../src/intl-format.js';
import { useLanguage } from '../../src/i18n.js';
import { categoryName } from '../report/category-name.js';
import type { OpenIncident, UnitView } from './dispatch-api.js';

/** The open incidents the map marks, with the units on each: the map's list alternative for incidents. */
export function IncidentList({ incidents, units }: { incidents: readonly OpenIncident[]; units: readonly UnitView[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (incidents.length === 0) return <p className="unit-table__none">{t('dispatch.incidents.none')}</p>;
  const columns = {
    priority: t('dispatch.incidents.priority'),
    category: t('dispatch.incidents.category'),
    status: t('dispatch.incidents.status'),
    reported: t('dispatch.incidents.reported'),
    units: t('dispatch.incidents.units'),
  };
  return (
    <table className="table table--stack" role="table">
      <caption className="visually-hidden">{t('dispatch.incidents.caption')}</caption>
      <thead role="rowgroup">
        <tr role="row">
          {Object.entries(columns).map(([key, label]) => (
            <th key={key} scope="col" role="columnheader">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {incidents.map((incident) => {
          const sent = units.filter((u) => u.assignment?.incidentId === incident.id).map((u) => u.callSign);
          return (
            <tr key={incident.id} role="row">
              <th scope="row" role="rowheader" data-label={columns.priority}>
                P{incident.priority}
              </th>
              <td role="cell" data-label={columns.category}>
                {categoryName(incident.category, language)}
              </td>
              <td role="cell" data-label={columns.status}>
                {t(`dispatch.incidentStatus.${incident.status}`, { defaultValue: incident.status })}
              </td>
              <td role="cell" data-label={columns.reported}>
                {formatDateTime(incident.reportedAt, language)}
              </td>
              <td role="cell" data-label={columns.units}>
                {sent.length > 0 ? sent.join(', ') : t('dispatch.incidents.noUnits')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
