import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/roles.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { useResource } from '../../src/use-resource.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import { useNotice } from '../../src/ui/use-notice.js';
import { preventionApi, type ActionView } from './prevention-api.js';

/** A partner's own agency's safety-plan actions, with a way to mark each done. */
export function PartnerActions() {
  const { t, i18n } = useTranslation();
  const actions = useResource((signal) => preventionApi.partnerActions(signal), []);
  const [done, setDone] = useState<Record<string, ActionView>>({});
  const [status, setStatus] = useNotice();
  const [failure, setFailure] = useNotice();
  const [busyId, setBusyId] = useState<string | null>(null);
  const title = t('prevention.partner.title');

  async function complete(id: string) {
    setBusyId(id);
    setStatus(null);
    setFailure(null);
    try {
      const updated = await preventionApi.completeAction(id);
      setDone((all) => ({ ...all, [id]: updated }));
      setStatus({ key: 'prevention.partner.completed' });
    } catch (error) {
      setFailure({ error });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('prevention.partner.intro')}</p>
      <StatusMessage message={status} />
      {failure ? (
        <div className="notice notice--error" role="alert">
          <p>{failure}</p>
        </div>
      ) : null}
      {actions.status === 'loading' ? (
        <LoadingMessage />
      ) : actions.status === 'failed' ? (
        <LoadFailure error={actions.error} onRetry={actions.reload} />
      ) : actions.data.items.length === 0 ? (
        <p>{t('prevention.partner.empty')}</p>
      ) : (
        <ul className="case-cards">
          {actions.data.items.map((original) => {
            const a = done[original.id] ?? original;
            return (
              <li key={a.id} className="case-card">
                <h2 className="case-card__title">{a.description}</h2>
                <p>
                  {t('prevention.case.due')}: {formatDateTime(a.dueAt, i18n.language as Language)} ·{' '}
                  {a.completedAt
                    ? t('prevention.case.done')
                    : a.isOverdue
                      ? t('prevention.case.overdue')
                      : t('prevention.case.open')}
                </p>
                <p>
                  <Link to={`/prevention/cases/${a.caseId}`}>{t('prevention.partner.case')}</Link>
                </p>
                {a.completedAt ? null : (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={busyId === a.id}
                    onClick={() => void complete(a.id)}
                  >
                    {t('prevention.partner.complete')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
