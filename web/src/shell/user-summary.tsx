import { useTranslation } from 'react-i18next';
import type { Me } from '../../features/auth/auth-api.js';
import { JurisdictionLabel } from '../../features/geo/jurisdiction-label.js';

/** Who is signed in and where their jurisdiction lies. */
export function UserSummary({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <p className="user-summary">
      <span className="visually-hidden">{t('shell.signedInAs')} </span>
      <span className="user-summary__name">{me.displayName || me.username}</span>
      <span className="user-summary__jurisdiction">
        <span className="visually-hidden">{t('jurisdiction.label')}: </span>
        <JurisdictionLabel jurisdiction={me.jurisdiction} />
      </span>
    </p>
  );
}
