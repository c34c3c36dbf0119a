import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatNumber } from '../../src/intl-format.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { useRefreshed } from './use-refreshed.js';
import { ActionFeedback } from './action-feedback.js';
import {
  assignUnit,
  cancelAssignment,
  fetchAssignedUnits,
  fetchRecommendations,
  type IncidentDetail,
  type UnitView,
} from './console-api.js';
import { useConsole } from './console-state.js';
import { formatDuration } from './sla.js';
import { useAction } from './use-action.js';

const ENDED = new Set(['resolved', 'closed', 'cancelled', 'merged']);

/** The units on their way or on scene, and the nearest available ones to send. */
export function DispatchPanel({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const assigned = useRefreshed((signal) => fetchAssignedUnits(incident.id, signal), [incident.id]);
  const recommended = useRefreshed((signal) => fetchRecommendations(incident.id, signal), [incident.id, language]);
  const { reload: reloadAssigned } = assigned;
  const { reload: reloadRecommended } = recommended;
  const refresh = useCallback(() => {
    reloadAssigned();
    reloadRecommended();
  }, [reloadAssigned, reloadRecommended]);
  const { subscribe } = useConsole();
  const action = useAction();

  // Another console's assignment, or a unit changing status, changes both lists.
  useEffect(
    () =>
      subscribe((message) => {
        if (message.data.incidentId === incident.id || message.type === 'unit.status_changed') refresh();
      }),
    [subscribe, incident.id, refresh],
  );

  async function assign(unitId: string, callSign: string) {
    if (await action.run(() => assignUnit(incident.id, unitId), t('console.dispatch.assigned', { callSign }))) refresh();
  }

  return (
    <section aria-labelledby="dispatch-heading" className="panel">
      <h2 id="dispatch-heading">{t('console.dispatch.title')}</h2>
      {incident.caution ? (
        <p className="notice notice--warning">
          <strong>{t('console.dispatch.caution')}</strong>
        </p>
      ) : null}
      <h3>{t('console.dispatch.current')}</h3>
      {assigned.status === 'loading' ? <LoadingMessage /> : null}
      {assigned.status === 'failed' ? <LoadFailure error={assigned.error} onRetry={assigned.reload} /> : null}
      {assigned.status === 'ready' && assigned.data.length === 0 ? <p>{t('console.dispatch.noneAssigned')}</p> : null}
      {assigned.status === 'ready' && assigned.data.length > 0 ? (
        <ul className="unit-list">
          {assigned.data.map((unit) => (
            <AssignedUnit key={unit.id} incidentId={incident.id} unit={unit} onCancelled={refresh} />
          ))}
        </ul>
      ) : null}
      {ENDED.has(incident.status) ? null : (
        <>
          <h3>{t('console.dispatch.recommended')}</h3>
          {recommended.status === 'loading' ? <LoadingMessage /> : null}
          {recommended.status === 'failed' ? <LoadFailure error={recommended.error} onRetry={recommended.reload} /> : null}
          {recommended.status === 'ready' ? (
            <>
              <p className="field__hint">
                {t('console.dispatch.staleNote', { minutes: Math.round(recommended.data.staleAfterSeconds / 60) })}
              </p>
              {recommended.data.units.length === 0 ? <p>{t('console.dispatch.noneAvailable')}</p> : null}
              <ul className="unit-list">
                {recommended.data.units.map((unit) => (
                  <li key={unit.unitId} className="unit-list__item">
                    <span className="unit-list__name">
                      {unit.callSign} · {t(`console.agency.${unit.agency}`)}
                    </span>
                    <span>
                      {t('console.dispatch.eta', {
                        eta: formatDuration(unit.etaSeconds),
                        distance: formatNumber(Math.round(unit.distanceMeters / 100) / 10, language),
                      })}
                    </span>
                    <span>{t('console.dispatch.positionAge', { age: formatDuration(unit.position.ageSeconds) })}</span>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={action.pending}
                      onClick={() => void assign(unit.unitId, unit.callSign)}
                    >
                      {t('console.dispatch.assign', { callSign: unit.callSign })}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      <ActionFeedback error={action.error} done={action.done} />
    </section>
  );
}

function AssignedUnit({ incidentId, unit, onCancelled }: { incidentId: string; unit: UnitView; onCancelled: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const action = useAction();
  const assignment = unit.assignment!;
  async function cancel(event: FormEvent) {
    event.preventDefault();
    if (await action.run(() => cancelAssignment(incidentId, assignment.id, reason), t('console.dispatch.recalled')))
      onCancelled();
  }
  const inputId = `recall-${assignment.id}`;
  return (
    <li className="unit-list__item">
      <span className="unit-list__name">
        {unit.callSign} · {t(`console.unitStatus.${unit.status}`, { defaultValue: unit.status })}
        {unit.emergency ? <strong className="tag tag--red">{t('console.dispatch.emergency')}</strong> : null}
      </span>
      <span>
        {unit.position
          ? t('console.dispatch.positionAge', { age: formatDuration(unit.position.ageSeconds) })
          : t('console.dispatch.noPosition')}
      </span>
      <form className="recall-form" onSubmit={(event) => void cancel(event)}>
        <label className="field__label" htmlFor={inputId}>
          {t('console.dispatch.recallReason', { callSign: unit.callSign })}
        </label>
        <input
          id={inputId}
          className="input"
          required
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="button button--secondary button--small" disabled={action.pending}>
          {t('console.dispatch.recall')}
        </button>
      </form>
      <ActionFeedback error={action.error} done={action.done} />
    </li>
  );
}
