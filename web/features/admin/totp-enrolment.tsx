import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FocusHeading } from '../../src/ui/focus-heading.js';
import type { CreatedUser } from './admin-api.js';
import { CopyButton } from '../../src/ui/copy-button.js';

/** Splits a base32 secret into groups of four, easier to read out and type. */
function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Pixels per side of the QR image: large enough for a phone camera at arm's length. */
const QR_SIZE = 232;

/** The otpauth URI drawn as a QR code (a PNG data URL), or null while it is drawn or if it fails. */
function useQrCode(uri: string): { dataUrl: string | null; failed: boolean } {
  const [state, setState] = useState<{ uri: string; dataUrl: string | null; failed: boolean }>({
    uri,
    dataUrl: null,
    failed: false,
  });
  useEffect(() => {
    let isCurrent = true;
    // Dark on white with the standard quiet zone: what authenticator apps read most reliably.
    toDataURL(uri, {
      errorCorrectionLevel: 'M',
      margin: 4,
      width: QR_SIZE,
      color: { dark: '#0b0c0cff', light: '#ffffffff' },
    }).then(
      (dataUrl) => {
        if (isCurrent) setState({ uri, dataUrl, failed: false });
      },
      () => {
        if (isCurrent) setState({ uri, dataUrl: null, failed: true });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [uri]);
  return state.uri === uri ? state : { dataUrl: null, failed: false };
}

/**
 * The new account's authenticator key. The server shows it once; the page says so plainly and
 * asks the administrator to hand it over in person.
 */
export function TotpEnrolment({ created, onDone }: { created: CreatedUser; onDone: () => void }) {
  const { t } = useTranslation();
  const { user, totp } = created;
  const qr = useQrCode(totp.uri);
  return (
    <section className="totp-enrolment" aria-labelledby="totp-title">
      <FocusHeading id="totp-title">{t('admin.createdTitle', { username: user.username })}</FocusHeading>
      <div className="notice notice--warning">
        <p className="notice__title">{t('admin.totpOnceTitle')}</p>
        <p>{t('admin.totpOnceBody')}</p>
      </div>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('admin.totpQr')}</dt>
          <dd>
            {qr.dataUrl ? (
              <img
                className="totp-qr"
                src={qr.dataUrl}
                width={QR_SIZE}
                height={QR_SIZE}
                alt={t('admin.totpQrAlt', { username: user.username })}
              />
            ) : qr.failed ? (
              <p className="field__hint">{t('admin.totpQrFailed')}</p>
            ) : (
              <div className="totp-qr totp-qr--pending" />
            )}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('admin.totpSecret')}</dt>
          <dd>
            <code className="secret">{groupedSecret(totp.secret)}</code>
            <CopyButton text={totp.secret} label={t('admin.copySecret')} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('admin.totpUri')}</dt>
          <dd>
            <code className="secret secret--uri">{totp.uri}</code>
            <CopyButton text={totp.uri} label={t('admin.copyUri')} />
          </dd>
        </div>
      </dl>
      <p>{t('admin.totpHowTo')}</p>
      <button type="button" className="button" onClick={onDone}>
        {t('admin.totpDone')}
      </button>
    </section>
  );
}
