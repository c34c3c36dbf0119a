import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotice } from '../../src/ui/use-notice.js';
import { useLanguage } from '../../src/i18n.js';
import { FocusHeading } from '../../src/ui/focus-heading.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import { listDevices, revokeDevice, rotateDeviceSecret, type DeviceKind, type DeviceView } from './channels-api.js';
import { DeviceForm } from './device-form.js';
import { DeviceSecret, type ShownSecret } from './device-secret.js';
import { DeviceTable } from './device-table.js';
import { usePages } from './use-pages.js';

type View =
  | { kind: 'list'; isReturn: boolean }
  | { kind: 'create' }
  | { kind: 'edit'; device: DeviceView }
  | { kind: 'confirm'; action: 'revoke' | 'rotate'; device: DeviceView }
  | { kind: 'secret'; shown: ShownSecret };

/** SOS buttons or cameras in the administrator's area: register, edit, rotate the key, revoke. */
export function DevicesPanel({ kind }: { kind: DeviceKind }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const pages = usePages((cursor, signal) => listDevices(kind, cursor, signal), `${kind}:${language}`);
  const [view, setView] = useState<View>({ kind: 'list', isReturn: false });
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useNotice();
  const [isBusy, setBusy] = useState(false);
  const texts = kind === 'camera' ? 'channels.cameras' : 'channels.buttons';

  function showList(message: string | null) {
    setStatus(message);
    setFailure(null);
    setView({ kind: 'list', isReturn: true });
  }

  async function confirm(action: 'revoke' | 'rotate', device: DeviceView) {
    if (isBusy) return;
    setBusy(true);
    setFailure(null);
    try {
      if (action === 'revoke') {
        pages.replace((d) => d.id === device.id, await revokeDevice(device.id));
        showList(t('channels.devices.revoked', { name: device.name }));
      } else {
        const rotated = await rotateDeviceSecret(device.id);
        pages.replace((d) => d.id === device.id, rotated.device);
        setView({ kind: 'secret', shown: { device: rotated.device, secret: rotated.secret, apiKey: null } });
      }
    } catch (error) {
      setFailure({ error });
    } finally {
      setBusy(false);
    }
  }

  switch (view.kind) {
    case 'create':
      return (
        <DeviceForm
          kind={kind}
          onSaved={(result) => {
            pages.refresh();
            if ('secret' in result) setView({ kind: 'secret', shown: result });
          }}
          onCancel={() => showList(null)}
        />
      );
    case 'edit':
      return (
        <DeviceForm
          kind={kind}
          device={view.device}
          onSaved={(result) => {
            if ('id' in result) {
              pages.replace((d) => d.id === result.id, result);
              showList(t('channels.devices.saved', { name: result.name }));
            }
          }}
          onCancel={() => showList(null)}
        />
      );
    case 'secret':
      return <DeviceSecret shown={view.shown} onDone={() => showList(null)} />;
    case 'confirm':
      return (
        <section className="channels-confirm" aria-labelledby="device-confirm-title">
          <FocusHeading id="device-confirm-title">
            {t(`channels.devices.${view.action}Title`, { name: view.device.name })}
          </FocusHeading>
          <p>{t(`channels.devices.${view.action}Body`)}</p>
          <div aria-live="assertive">{failure ? <p className="notice notice--error">{failure}</p> : null}</div>
          <div className="button-group">
            <button
              type="button"
              className={view.action === 'revoke' ? 'button channels-button--warning' : 'button'}
              aria-disabled={isBusy}
              onClick={() => void confirm(view.action, view.device)}
            >
              {t(`channels.devices.${view.action}Confirm`)}
            </button>
            <button type="button" className="button button--secondary" onClick={() => showList(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      );
    case 'list':
      return (
        <section aria-labelledby="devices-title">
          <FocusHeading id="devices-title" takeFocus={view.isReturn}>
            {t(`${texts}.title`)}
          </FocusHeading>
          <p className="lead">{t(`${texts}.intro`)}</p>
          <StatusMessage message={status} />
          <button type="button" className="button" onClick={() => setView({ kind: 'create' })}>
            {t(`${texts}.register`)}
          </button>
          {pages.items.length > 0 ? (
            <DeviceTable
              kind={kind}
              devices={pages.items}
              onEdit={(device) => setView({ kind: 'edit', device })}
              onRotate={(device) => setView({ kind: 'confirm', action: 'rotate', device })}
              onRevoke={(device) => setView({ kind: 'confirm', action: 'revoke', device })}
            />
          ) : pages.status === 'ready' ? (
            <p>{t(`${texts}.empty`)}</p>
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
}
