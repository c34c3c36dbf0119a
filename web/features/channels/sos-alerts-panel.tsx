import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import { useNotice } from '../../src/ui/use-notice.js';
import { useLiveEvents } from '../dispatch/use-live-events.js';
import { JurisdictionLabel } from '../geo/jurisdiction-label.js';
import { acknowledgeAlert, listAlerts, type SosAlertView } from './channels-api.js';
import { Coordinates } from './coordinates.js';
import { usePages } from './use-pages.js';

// A new press makes an incident; an acknowledgement on another console changes the list too.
const LIVE_TYPES = ['incident.created', 'sos.alert_acknowledged'] as const;

/**
 * SOS button presses in the operator's area, newest first: where, when, which button, and
 * whether someone has acknowledged it. The list follows the live feed.
 */
export function SosAlertsPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [state, setState] = useState<'open' | 'all'>('open');
  const pages = usePages((cursor, signal) => listAlerts(state, cursor, signal), `${state}:${language}`);
  const [status, setStatus] = useNotice();
  const [failure, setFailure] = useNotice();
  const [busyId, setBusyId] = useState<string | null>(null);

  useLiveEvents(LIVE_TYPES, () => pages.refresh());

  async function acknowledge(alert: SosAlertView) {
    setBusyId(alert.incidentId);
    setStatus(null);
    setFailure(null);
    try {
      await acknowledgeAlert(alert.incidentId);
      setStatus({ key: 'channels.alerts.acknowledged', values: { name: alert.device.name } });
    } catch (error) {
      setFailure({ error });
    } finally {
      setBusyId(null);
      pages.refresh();
    }
  }

  const columns = {
    device: t('channels.alerts.device'),
    place: t('channels.alerts.place'),
    time: t('channels.alerts.time'),
    state: t('channels.alerts.state'),
  };
  return (
    <section aria-labelledby="sos-alerts-title">
      <h2 id="sos-alerts-title">{t('channels.alerts.title')}</h2>
      <p className="lead">{t('channels.alerts.intro')}</p>
      <fieldset className="fieldset channels-filter">
        <legend className="fieldset__legend">{t('channels.alerts.show')}</legend>
        <div className="channels-filter__options">
          {(['open', 'all'] as const).map((option) => (
            <label key={option} className="channels-filter__option">
              <input
                type="radio"
                name="sos-alert-state"
                value={option}
                checked={state === option}
                onChange={() => setState(option)}
              />
              {t(`channels.alerts.states.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <StatusMessage message={status} />
      <div aria-live="assertive">{failure ? <p className="notice notice--error">{failure}</p> : null}</div>
      {pages.items.length > 0 ? (
        <table className="table table--stack channels-table" role="table">
          <caption className="visually-hidden">{t('channels.alerts.caption')}</caption>
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
            {pages.items.map((alert) => (
              <tr key={alert.incidentId} role="row" className={alert.acknowledgedAt ? undefined : 'channels-table__row--open'}>
                <th scope="row" role="rowheader" data-label={columns.device}>
                  <div className="channels-table__cell">
                    <Link to={`/incidents/${alert.incidentId}`}>{alert.device.name}</Link>
                    {alert.device.battery !== null ? (
                      <span className="channels-table__note">
                        {t('channels.battery', { percent: Math.round(alert.device.battery) })}
                      </span>
                    ) : null}
                  </div>
                </th>
                <td role="cell" data-label={columns.place}>
                  <div className="channels-table__cell">
                    <JurisdictionLabel jurisdiction={{ level: 'beat', ...alert.device }} />
                    <Coordinates point={alert.device.location} />
                  </div>
                </td>
                <td role="cell" data-label={columns.time}>
                  <time dateTime={alert.receivedAt}>{formatDateTime(alert.receivedAt, language)}</time>
                </td>
                <td role="cell" data-label={columns.state}>
                  {alert.acknowledgedAt ? (
                    t('channels.alerts.acknowledgedBy', {
                      name: alert.acknowledgedBy ?? '—',
                      time: formatDateTime(alert.acknowledgedAt, language),
                    })
                  ) : (
                    <button
                      type="button"
                      className="button button--small"
                      aria-disabled={busyId === alert.incidentId}
                      onClick={() => {
                        if (busyId === null) void acknowledge(alert);
                      }}
                    >
                      {t('channels.alerts.acknowledge')}
                      <span className="visually-hidden"> {alert.device.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : pages.status === 'ready' ? (
        <p>{t(state === 'open' ? 'channels.alerts.emptyOpen' : 'channels.alerts.empty')}</p>
      ) : null}
      {pages.status === 'loading' && pages.items.length === 0 ? <LoadingMessage /> : null}
      {pages.status === 'failed' ? <LoadFailure error={pages.error} onRetry={pages.refresh} /> : null}
      {pages.status === 'ready' && pages.nextCursor ? (
        <button type="button" className="button button--secondary" onClick={pages.loadMore}>
          {t('channels.loadMore')}
        </button>
      ) : null}
    </section>
  );
}
