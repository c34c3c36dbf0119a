import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../src/intl-format.js';
import { useLanguage } from '../../src/i18n.js';
import { categoryName } from '../report/category-name.js';
import type { OpenIncident, UnitView } from './dispatch-api.js';
import { isPositionStale, positionAgeSeconds } from './unit-board-order.js';

interface UnitTableProps {
  units: readonly UnitView[];
  incidents: readonly OpenIncident[];
  staleAfterSeconds: number;
  receivedAt: number;
  now: number;
}

/** "12 s ago", "3 min ago": a position's age in whole seconds up to two minutes, then minutes. */
function AgeText({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (seconds < 120) return <>{t('dispatch.age.seconds', { n: formatNumber(seconds, language) })}</>;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return <>{t('dispatch.age.minutes', { n: formatNumber(minutes, language) })}</>;
  const hours = Math.floor(minutes / 60);
  return <>{t('dispatch.age.hours', { n: formatNumber(hours, language) })}</>;
}

/** Every unit of the jurisdiction as a table: the list the map stands beside. */
export function UnitTable({ units, incidents, staleAfterSeconds, receivedAt, now }: UnitTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const columns = {
    callSign: t('dispatch.units.callSign'),
    agency: t('dispatch.units.agency'),
    status: t('dispatch.units.status'),
    incident: t('dispatch.units.incident'),
    position: t('dispatch.units.position'),
  };
  return (
    <table className="table table--stack unit-table" role="table">
      <caption className="visually-hidden">{t('dispatch.units.caption')}</caption>
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
        {units.map((unit) => {
          const age = positionAgeSeconds(unit, receivedAt, now);
          const stale = isPositionStale(age, staleAfterSeconds);
          const incident = unit.assignment ? byId.get(unit.assignment.incidentId) : undefined;
          return (
            <tr
              key={unit.id}
              role="row"
              className={unit.emergency ? 'unit-table__row--emergency' : undefined}
              data-unit={unit.callSign}
            >
              <th scope="row" role="rowheader" data-label={columns.callSign}>
                <span>
                  {unit.callSign}
                  {unit.emergency ? (
                    <strong className="tag tag--red unit-table__panic">{t('dispatch.emergency.tag')}</strong>
                  ) : null}
                </span>
              </th>
              <td role="cell" data-label={columns.agency}>
                <span>
                  {t(`dispatch.agency.${unit.agency}`)}
                  <span className="unit-table__kind">{t(`dispatch.kind.${unit.kind}`)}</span>
                </span>
              </td>
              <td role="cell" data-label={columns.status}>
                <span className={`unit-status unit-status--${unit.status}`}>{t(`dispatch.status.${unit.status}`)}</span>
              </td>
              <td role="cell" data-label={columns.incident}>
                {unit.assignment ? (
                  <span>
                    {incident
                      ? t('dispatch.units.incidentSummary', {
                          priority: incident.priority,
                          category: categoryName(incident.category, language),
                        })
                      : t('dispatch.units.onIncident')}
                    <span className="unit-table__kind">{t(`dispatch.assignment.${unit.assignment.status}`)}</span>
                  </span>
                ) : (
                  <span className="unit-table__none">{t('dispatch.units.noIncident')}</span>
                )}
              </td>
              <td role="cell" data-label={columns.position}>
                {age === null ? (
                  <span className="unit-table__none">{t('dispatch.units.noPosition')}</span>
                ) : (
                  <span className={stale ? 'unit-table__age unit-table__age--stale' : 'unit-table__age'}>
                    <AgeText seconds={age} />
                    {stale ? <span className="tag tag--grey unit-table__stale">{t('dispatch.units.stale')}</span> : null}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
