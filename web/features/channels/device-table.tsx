import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { JurisdictionLabel } from '../geo/jurisdiction-label.js';
import type { DeviceKind, DeviceView } from './channels-api.js';
import { Coordinates } from './coordinates.js';

interface DeviceTableProps {
  kind: DeviceKind;
  devices: DeviceView[];
  onEdit: (device: DeviceView) => void;
  onRotate: (device: DeviceView) => void;
  onRevoke: (device: DeviceView) => void;
}

/** Devices with their place, last sign of life and status; each row a card on a phone. */
export function DeviceTable({ kind, devices, onEdit, onRotate, onRevoke }: DeviceTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns = {
    name: t('channels.devices.name'),
    place: t('channels.devices.place'),
    ...(kind === 'camera' ? { events: t('channels.devices.eventTypes') } : {}),
    lastSeen: t('channels.devices.lastSeen'),
    status: t('channels.devices.status'),
    actions: t('channels.devices.actions'),
  };
  return (
    <table className="table table--stack channels-table" role="table">
      <caption className="visually-hidden">
        {t(kind === 'camera' ? 'channels.cameras.caption' : 'channels.buttons.caption')}
      </caption>
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
        {devices.map((device) => (
          <tr key={device.id} role="row" className={device.status === 'revoked' ? 'channels-table__row--revoked' : undefined}>
            <th scope="row" role="rowheader" data-label={columns.name}>
              <div className="channels-table__cell">{device.name}</div>
            </th>
            <td role="cell" data-label={columns.place}>
              <div className="channels-table__cell">
                <JurisdictionLabel jurisdiction={{ level: 'beat', ...device }} />
                <Coordinates point={device.location} />
              </div>
            </td>
            {kind === 'camera' ? (
              <td role="cell" data-label={t('channels.devices.eventTypes')}>
                {device.eventTypes
                  ? device.eventTypes.map((type) => t(`channels.eventTypes.${type}`)).join(', ')
                  : t('channels.devices.allEventTypes')}
              </td>
            ) : null}
            <td role="cell" data-label={columns.lastSeen}>
              <div className="channels-table__cell">
                {device.lastHeartbeatAt ? (
                  <time dateTime={device.lastHeartbeatAt}>{formatDateTime(device.lastHeartbeatAt, language)}</time>
                ) : (
                  t('channels.devices.neverSeen')
                )}
                {device.battery !== null ? (
                  <span className="channels-table__note">{t('channels.battery', { percent: Math.round(device.battery) })}</span>
                ) : null}
              </div>
            </td>
            <td role="cell" data-label={columns.status}>
              <span className={`channels-status channels-status--${device.status}`}>
                {t(`channels.statuses.${device.status}`)}
              </span>
            </td>
            <td role="cell" data-label={columns.actions}>
              {device.status === 'revoked' ? null : (
                <div className="table__actions">
                  {(['edit', 'rotate', 'revoke'] as const).map((action) => (
                    <button
                      key={action}
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => ({ edit: onEdit, rotate: onRotate, revoke: onRevoke })[action](device)}
                    >
                      {t(`channels.devices.${action}`)}
                      <span className="visually-hidden"> {device.name}</span>
                    </button>
                  ))}
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
