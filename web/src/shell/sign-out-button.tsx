import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotice } from '../ui/use-notice.js';
import { useSession } from '../../features/auth/session.js';

export function SignOutButton() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const [failure, setFailure] = useNotice();
  const [isBusy, setBusy] = useState(false);

  async function handleClick() {
    setBusy(true);
    setFailure(null);
    try {
      await signOut();
    } catch (error) {
      setFailure({ error });
      setBusy(false);
    }
  }

  return (
    <div className="sign-out">
      <button type="button" className="button button--header" disabled={isBusy} onClick={() => void handleClick()}>
        {t('auth.signOut')}
      </button>
      <div aria-live="assertive" className="sign-out__status">
        {failure ? <p className="sign-out__error">{failure}</p> : null}
      </div>
    </div>
  );
}
