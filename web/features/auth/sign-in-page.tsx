import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../src/ui/page-heading.js';
import { SignInForm } from './sign-in-form.js';

/** The staff sign-in page. Citizens do not sign in here; the page tells them where to turn. */
export function SignInPage({ notice }: { notice: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="narrow-page">
      <PageHeading title={t('auth.signInTitle')}>{t('auth.signInTitle')}</PageHeading>
      <p className="lead">{t('auth.signInIntro')}</p>
      <SignInForm notice={notice} />
      <aside className="inset" aria-labelledby="emergency-title">
        <h2 id="emergency-title" className="inset__title">
          {t('auth.emergencyTitle')}
        </h2>
        <p>{t('auth.emergencyText')}</p>
      </aside>
    </div>
  );
}
