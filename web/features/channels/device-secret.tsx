import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../src/ui/copy-button.js';
import { FocusHeading } from '../../src/ui/focus-heading.js';
import type { DeviceView } from './channels-api.js';

/** What the server shows once: a new device's key and secret, or a rotated secret alone. */
export interface ShownSecret {
  device: DeviceView;
  apiKey: string | null;
  secret: string;
}

/**
 * The device's credentials, which the server never shows again: the page says so plainly, and
 * how the device uses them.
 */
export function DeviceSecret({ shown, onDone }: { shown: ShownSecret; onDone: () => void }) {
  const { t } = useTranslation();
  const isNew = shown.apiKey !== null;
  return (
    <section className="channels-secret" aria-labelledby="device-secret-title">
      <FocusHeading id="device-secret-title">
        {t(isNew ? 'channels.secret.registeredTitle' : 'channels.secret.rotatedTitle', { name: shown.device.name })}
      </FocusHeading>
      <div className="notice notice--warning">
        <p className="notice__title">{t('channels.secret.onceTitle')}</p>
        <p>{t(isNew ? 'channels.secret.onceBody' : 'channels.secret.rotatedBody')}</p>
      </div>
      <dl className="summary-list">
        {shown.apiKey ? (
          <div className="summary-list__row">
            <dt>{t('channels.secret.apiKey')}</dt>
            <dd>
              <code className="channels-secret__value" data-testid="device-api-key">
                {shown.apiKey}
              </code>
              <CopyButton text={shown.apiKey} label={t('channels.secret.copyKey')} />
            </dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>{t('channels.secret.secret')}</dt>
          <dd>
            <code className="channels-secret__value" data-testid="device-secret">
              {shown.secret}
            </code>
            <CopyButton text={shown.secret} label={t('channels.secret.copySecret')} />
          </dd>
        </div>
      </dl>
      <p>{t('channels.secret.howTo')}</p>
      <button type="button" className="button" onClick={onDone}>
        {t('channels.secret.done')}
      </button>
    </section>
  );
}
