import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/session.js';
import { SignInPage } from '../features/auth/sign-in-page.js';
import { portalPage } from '../features/portal/portal-routes.js';
import { citizenPage } from '../features/report/citizen-routes.js';
import { usePath } from './router.js';
import { AppShell } from './shell/app-shell.js';
import { PublicLayout } from './shell/public-layout.js';
import { LoadFailure } from './ui/load-failure.js';
import { LoadingMessage } from './ui/loading-message.js';
import { PageHeading } from './ui/page-heading.js';

/** Chooses the frame by session: checking, server unreachable, sign-in, or the staff shell. */
export function App() {
  const { t } = useTranslation();
  const { state, retry } = useSession();
  // Citizens' pages open for everyone, before and whatever the session check says (even offline).
  const path = usePath();
  const citizen = citizenPage(path) ?? portalPage(path);
  if (citizen) return <PublicLayout>{citizen}</PublicLayout>;
  switch (state.status) {
    case 'checking':
      return (
        <PublicLayout>
          <LoadingMessage />
        </PublicLayout>
      );
    case 'unavailable':
      return (
        <PublicLayout>
          <PageHeading title={t('errors.unavailableTitle')}>{t('errors.unavailableTitle')}</PageHeading>
          <LoadFailure error={state.error} onRetry={retry} />
        </PublicLayout>
      );
    case 'signed-out':
      return (
        <PublicLayout>
          <SignInPage notice={state.notice} />
        </PublicLayout>
      );
    case 'signed-in':
      return <AppShell me={state.me} />;
  }
}
