import { useTranslation } from 'react-i18next';
import { FocusHeading } from '../../src/ui/focus-heading.js';
import type { CreatedUser } from './admin-api.js';
import { CopyButton } from '../../src/ui/copy-button.js';

/** Splits a base32 secret into groups of four, easier to read out and type. */
function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The new account's authenticator key. The server shows it once; the page says so plainly and
 * asks the administrator to hand it over in person.
 */
export function TotpEnrolment({ created, onDone }: { created: CreatedUser; onDone: () => void }) {
  const { t } = useTranslation();
  const { user, totp } = created;
  return (
    <section className="totp-enrolment" aria-labelledby="totp-title">
      <FocusHeading id="totp-title">{t('admin.createdTitle', { username: user.username })}</FocusHeading>
      <div className="notice notice--warning">
        <p className="notice__title">{t('admin.totpOnceTitle')}</p>
        <p>{t('admin.totpOnceBody')}</p>
      </div>
      <dl className="summary-list">
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
