import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGISTER_LAWS } from '../../../common/register-kinds.js';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { useResource } from '../../src/use-resource.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import { registerApi, type RegisterEntryView } from './register-api.js';
import { OutcomeForm, PlanContactForm } from './register-contact-forms.js';
import { formatDay } from './register-format.js';
import { HandoverForm } from './register-handover-form.js';
import { ReviewForm } from './register-review-form.js';

/** One register entry for its team: who, on what basis, until when, the visits and the reviews. Every open is audited. */
export function RegisterEntryPage({ entryId, canReview }: { entryId: string; canReview: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // The key of the last confirmation, translated when shown so a language switch re-translates it.
  const [status, setStatus] = useState<string | null>(null);
  // Whom the caller just handed the entry to: an officer who handed over their own may no longer open it.
  const [handedTo, setHandedTo] = useState<string | null>(null);
  const entry = useResource((signal) => registerApi.entry(entryId, signal), [entryId, language]);
  const done = (messageKey: string) => {
    setStatus(messageKey);
    entry.reload();
  };

  if (entry.status === 'loading') return <LoadingMessage />;
  if (entry.status === 'failed') {
    const title = t('prevention-registers.list.entry');
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        {handedTo !== null ? (
          <p className="notice" role="status">
            {t('prevention-registers.handover.handedAway', { name: handedTo })}
          </p>
        ) : (
          <LoadFailure error={entry.error} onRetry={entry.reload} />
        )}
        <BackLink />
      </>
    );
  }
  const e = entry.data;
  const title = t('prevention-registers.entry.title', { number: e.entryNumber });
  const active = e.status === 'active';
  const canHandOver = active && (e.access === 'supervisor' || e.access === 'responsible');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <StatusMessage message={status ? t(status) : null} />
      <p className="register-meta">
        {t(`prevention-registers.kind.${e.kind}`)} · {t(`prevention-registers.entry.status.${e.status}`)} ·{' '}
        {t(`prevention-registers.access.${e.access}`)}
        {e.isReviewDue ? <span className="register-flag">{t('prevention-registers.entry.reviewDue')}</span> : null}
      </p>
      {e.closeReason ? <p className="notice">{t(`prevention-registers.entry.closedBy.${e.closeReason}`)}</p> : null}
      <EntryDetails entry={e} />
      <section aria-labelledby="register-contacts-title" className="register-block">
        <h2 id="register-contacts-title">{t('prevention-registers.entry.contacts')}</h2>
        {e.contacts.length === 0 ? (
          <p>{t('prevention-registers.entry.noContacts')}</p>
        ) : (
          <ul className="case-cards">
            {e.contacts.map((c) => (
              <li key={c.id} className="case-card">
                <p className="case-card__title">
                  {t(`prevention-registers.contactKind.${c.kind}`)} ·{' '}
                  {t('prevention-registers.entry.due', { date: formatDay(c.dueDate) })}
                  {c.isOverdue ? <span className="register-flag">{t('prevention-registers.entry.overdue')}</span> : null}
                </p>
                {c.outcome ? (
                  <p>
                    {t(`prevention-registers.outcome.${c.outcome}`)}
                    {c.note ? ` — ${c.note}` : null}
                  </p>
                ) : active ? (
                  <OutcomeForm contactId={c.id} onDone={done} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {active ? <PlanContactForm entryId={e.id} onDone={done} /> : null}
      </section>
      {canReview && active ? (
        <section aria-labelledby="register-review-title" className="register-block">
          <h2 id="register-review-title">{t('prevention-registers.entry.reviewTitle')}</h2>
          <ReviewForm entry={e} onDone={done} />
        </section>
      ) : null}
      {canHandOver ? (
        <section aria-labelledby="register-handover-title" className="register-block">
          <h2 id="register-handover-title">{t('prevention-registers.handover.title')}</h2>
          <HandoverForm
            entryId={e.id}
            onDone={(handover) => {
              setHandedTo(handover.newOfficerName ?? '');
              done('prevention-registers.handover.done');
            }}
          />
        </section>
      ) : null}
      {e.handovers.length > 0 ? (
        <section aria-labelledby="register-handovers-title" className="register-block">
          <h2 id="register-handovers-title">{t('prevention-registers.handover.history')}</h2>
          <ul>
            {e.handovers.map((h) => (
              <li key={h.id}>
                {t('prevention-registers.handover.historyItem', {
                  when: formatDateTime(h.handedAt, language),
                  from: h.previousOfficerName ?? t('prevention-registers.handover.unknown'),
                  to: h.newOfficerName ?? t('prevention-registers.handover.unknown'),
                  by: h.handedByName ?? t('prevention-registers.handover.unknown'),
                })}
                {h.reason ? ` — ${h.reason}` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {e.reviews.length > 0 ? (
        <section aria-labelledby="register-history-title" className="register-block">
          <h2 id="register-history-title">{t('prevention-registers.entry.history')}</h2>
          <ul>
            {e.reviews.map((r) => (
              <li key={r.id}>
                {t('prevention-registers.entry.historyItem', {
                  decision: t(`prevention-registers.entry.${r.decision}`),
                  from: formatDay(r.previousEndDate),
                  to: formatDay(r.endDate),
                })}
                {r.reason ? ` — ${r.reason}` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <BackLink />
    </>
  );
}

function EntryDetails({ entry }: { entry: RegisterEntryView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows: [string, string | null][] = [
    ['person', entry.name],
    ['iin', entry.iin],
    ['phone', entry.phone],
    ['address', entry.address],
    ['basis', REGISTER_LAWS[entry.legalBasis][language]],
    ['decision', entry.decision],
    ['start', formatDay(entry.startDate)],
    ['review', formatDay(entry.reviewDate)],
    ['end', formatDay(entry.endDate)],
    ['latest', formatDay(entry.latestEndDate)],
    ['responsible', entry.responsibleOfficerName],
    ['partner', entry.partnerAgency ? t(`prevention-registers.agency.${entry.partnerAgency}`) : null],
  ];
  return (
    <dl className="register-details">
      {rows
        .filter((row): row is [string, string] => row[1] !== null)
        .map(([key, value]) => (
          <div key={key} className="register-details__row">
            <dt>{t(`prevention-registers.entry.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/prevention/registers">{t('prevention-registers.entry.back')}</Link>
    </p>
  );
}
