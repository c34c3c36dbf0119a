import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FocusHeading } from '../../src/ui/focus-heading.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import { useNotice, type Notice } from '../../src/ui/use-notice.js';
import { unlockUser, type CreatedUser, type StaffUser } from './admin-api.js';
import { TotpEnrolment } from './totp-enrolment.js';
import { UserCreateForm } from './user-create-form.js';
import { UserEditForm } from './user-edit-form.js';
import { UserTable } from './user-table.js';
import { useUserPages } from './use-user-pages.js';
import './users.css';

type View =
  | { kind: 'list'; isReturn: boolean }
  | { kind: 'create' }
  | { kind: 'created'; created: CreatedUser }
  | { kind: 'edit'; user: StaffUser };

/** The administration section: staff accounts, their roles, jurisdictions and locks. */
export function UsersPage() {
  const { t } = useTranslation();
  const pages = useUserPages();
  const [view, setView] = useState<View>({ kind: 'list', isReturn: false });
  const [status, setStatus] = useNotice();
  const [failure, setFailure] = useNotice();
  const [unlockingId, setUnlockingId] = useState<string | null>(null);

  async function unlock(user: StaffUser) {
    setUnlockingId(user.id);
    setStatus(null);
    setFailure(null);
    try {
      await unlockUser(user.id);
      pages.replace({ ...user, lockedUntil: null });
      setStatus({ key: 'admin.unlocked', values: { username: user.username } });
    } catch (error) {
      setFailure({ error });
    } finally {
      setUnlockingId(null);
    }
  }

  function showList(notice: Notice | null) {
    setStatus(notice);
    setFailure(null);
    setView({ kind: 'list', isReturn: true });
  }

  const title = t('sections.admin');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <StatusMessage message={view.kind === 'list' ? status : null} />
      {view.kind === 'create' ? (
        <UserCreateForm
          onCreated={(created) => {
            pages.reload();
            setView({ kind: 'created', created });
          }}
          onCancel={() => showList(null)}
        />
      ) : view.kind === 'created' ? (
        <TotpEnrolment created={view.created} onDone={() => showList(null)} />
      ) : view.kind === 'edit' ? (
        <UserEditForm
          user={view.user}
          onSaved={(user) => {
            pages.replace(user);
            showList({ key: 'admin.saved', values: { username: user.username } });
          }}
          onCancel={() => showList(null)}
        />
      ) : (
        <>
          <FocusHeading takeFocus={view.isReturn}>{t('admin.listTitle')}</FocusHeading>
          <p className="lead">{t('admin.intro')}</p>
          <button type="button" className="button" onClick={() => setView({ kind: 'create' })}>
            {t('admin.create')}
          </button>
          <div aria-live="assertive">{failure ? <p className="notice notice--error">{failure}</p> : null}</div>
          {pages.users.length > 0 ? (
            <UserTable
              users={pages.users}
              unlockingId={unlockingId}
              onEdit={(user) => setView({ kind: 'edit', user })}
              onUnlock={(user) => void unlock(user)}
            />
          ) : pages.status === 'ready' ? (
            <p>{t('admin.empty')}</p>
          ) : null}
          {pages.status === 'loading' ? <LoadingMessage /> : null}
          {pages.status === 'failed' ? (
            <LoadFailure error={pages.error} onRetry={pages.nextCursor ? pages.loadMore : pages.reload} />
          ) : null}
          {pages.status === 'ready' && pages.nextCursor ? (
            <button type="button" className="button button--secondary" onClick={pages.loadMore}>
              {t('admin.loadMore')}
            </button>
          ) : null}
        </>
      )}
    </>
  );
}
