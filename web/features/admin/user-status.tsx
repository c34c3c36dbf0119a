import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { isLocked, type StaffUser } from './admin-api.js';

/** Active, disabled, or locked until a time (after failed sign-in attempts). */
export function UserStatus({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (user.disabled) return <span className="tag tag--grey">{t('admin.status.disabled')}</span>;
  if (isLocked(user) && user.lockedUntil) {
    const time = formatDateTime(user.lockedUntil, language);
    return <span className="tag tag--red">{t('admin.status.locked', { time })}</span>;
  }
  return <span className="tag tag--green">{t('admin.status.active')}</span>;
}
