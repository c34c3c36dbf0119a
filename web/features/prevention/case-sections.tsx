import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/roles.js';
import { formatDateTime } from '../../src/intl-format.js';
import { useResource } from '../../src/use-resource.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { preventionApi, type CaseFile } from './prevention-api.js';
import { RiskTrend } from './risk-trend.js';
import { OrderBreachForm } from './order-breach-form.js';
import { ProgrammeSection } from './programme-section.js';

/** The parts of a case file, each under its own heading, as cards that stack on a phone. */
export function CaseSections({
  file,
  showBreakGlassLog,
  canRecordBreach,
  onBreachRecorded,
}: {
  file: CaseFile;
  showBreakGlassLog: boolean;
  /** An officer or supervisor on an open case: the orders in force offer the breach form. */
  canRecordBreach: boolean;
  onBreachRecorded: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const when = (iso: string) => formatDateTime(iso, language);
  const trend = useResource((signal) => preventionApi.trend(file.id, signal), [file.id, file.updatedAt]);

  return (
    <div className="case-sections">
      <section aria-labelledby="case-people">
        <h2 id="case-people">{t('prevention.case.people')}</h2>
        <ul className="case-cards">
          {file.people.map((p) => (
            <li key={p.id} className="case-card">
              <p className="case-card__title">{t(`prevention.case.role.${p.role}`)}</p>
              <dl className="summary-list">
                <div className="summary-list__row">
                  <dt>{t('prevention.case.name')}</dt>
                  <dd>{p.name}</dd>
                </div>
                {p.phone ? (
                  <div className="summary-list__row">
                    <dt>{t('prevention.case.phone')}</dt>
                    <dd>{p.phone}</dd>
                  </div>
                ) : null}
                {p.address ? (
                  <div className="summary-list__row">
                    <dt>{t('prevention.case.address')}</dt>
                    <dd>{p.address}</dd>
                  </div>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="case-assessments">
        <h2 id="case-assessments">{t('prevention.case.assessments')}</h2>
        {trend.status === 'loading' ? (
          <LoadingMessage />
        ) : trend.status === 'failed' ? (
          <LoadFailure error={trend.error} onRetry={trend.reload} />
        ) : trend.data.points.length === 0 ? (
          <p>{t('prevention.case.noAssessments')}</p>
        ) : (
          <RiskTrend points={trend.data.points} />
        )}
      </section>

      <section aria-labelledby="case-referrals">
        <h2 id="case-referrals">{t('prevention.case.referrals')}</h2>
        {file.referrals.length === 0 ? (
          <p>{t('prevention.case.noReferrals')}</p>
        ) : (
          <ul className="case-cards">
            {file.referrals.map((r) => (
              <li key={r.id} className="case-card">
                <p className="case-card__title">
                  {t('prevention.case.referred')}: {when(r.referredAt)}
                </p>
                <p>{r.criteria.map((c) => t(`prevention.case.criteria.${c}`)).join(', ')}</p>
                {r.isRepeat ? <p className="prevention-flag">{t('prevention.case.repeat')}</p> : null}
                <p>{r.conferenceId ? t('prevention.case.onAgenda') : t('prevention.case.awaiting')}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="case-actions">
        <h2 id="case-actions">{t('prevention.case.actions')}</h2>
        {file.actions.length === 0 ? (
          <p>{t('prevention.case.noActions')}</p>
        ) : (
          <ul className="case-cards">
            {file.actions.map((a) => (
              <li key={a.id} className="case-card">
                <p className="case-card__title">{a.description}</p>
                <p>
                  {t('prevention.case.due')}: {when(a.dueAt)} ·{' '}
                  {a.completedAt
                    ? t('prevention.case.done')
                    : a.isOverdue
                      ? t('prevention.case.overdue')
                      : t('prevention.case.open')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="case-orders">
        <h2 id="case-orders">{t('prevention.case.orders')}</h2>
        {file.orders.length === 0 ? (
          <p>{t('prevention.case.noOrders')}</p>
        ) : (
          <ul className="case-cards">
            {file.orders.map((o) => (
              <li key={o.id} className="case-card">
                <p className="case-card__title">{t(`prevention.case.orderKind.${o.kind}`)}</p>
                <p>
                  {t('prevention.case.expires')}: {when(o.expiresAt)} ·{' '}
                  {o.isActive ? t('prevention.case.active') : t('prevention.case.ended')}
                </p>
                {o.violations > 0 ? (
                  <p className="prevention-flag">
                    {t('prevention.case.violations')}: {o.violations}
                  </p>
                ) : null}
                <BreachHistory breaches={file.violations.filter((v) => v.orderId === o.id)} when={when} />
                {/* An order in force binds on a closed case too: its breach is still recorded (the server
                    keeps it and flags the case), so the form stays while the order does. */}
                {canRecordBreach && o.isActive ? (
                  <OrderBreachForm caseId={file.id} order={o} onRecorded={onBreachRecorded} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="case-incidents">
        <h2 id="case-incidents">{t('prevention.case.incidents')}</h2>
        {file.incidents.length === 0 ? (
          <p>{t('prevention.case.noIncidents')}</p>
        ) : (
          <ul>
            {file.incidents.map((i) => (
              <li key={i.incidentId}>
                {t('prevention.case.occurred')}: {when(i.occurredAt)}
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* Programmes are the team's and supervisors' only: a break-glass reader does not see them. */}
      {file.access !== 'break-glass' ? <ProgrammeSection file={file} /> : null}
      {showBreakGlassLog ? <BreakGlassLog caseId={file.id} /> : null}
    </div>
  );
}

/** An order's breaches, oldest first: when, what happened, on what basis. */
function BreachHistory({ breaches, when }: { breaches: CaseFile['violations']; when: (iso: string) => string }) {
  const { t } = useTranslation();
  if (breaches.length === 0) return null;
  return (
    <div className="breach-history">
      <p className="breach-history__title">{t('prevention.breach.history')}</p>
      <ol>
        {breaches.map((b) => (
          <li key={b.id}>
            <strong>{when(b.occurredAt)}</strong>: {b.description ?? t('prevention.breach.noDescription')}
            <span className="hint"> · {b.legalBasis}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function BreakGlassLog({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const log = useResource((signal) => preventionApi.breakGlassLog(caseId, signal), [caseId]);
  return (
    <section aria-labelledby="case-break-glass">
      <h2 id="case-break-glass">{t('prevention.case.breakGlassLog')}</h2>
      {log.status === 'loading' ? (
        <LoadingMessage />
      ) : log.status === 'failed' ? (
        <LoadFailure error={log.error} onRetry={log.reload} />
      ) : log.data.length === 0 ? (
        <p>{t('prevention.case.noBreakGlass')}</p>
      ) : (
        <ul className="case-cards">
          {log.data.map((entry) => (
            <li key={entry.id} className="case-card">
              <p className="case-card__title">
                {entry.username} · {formatDateTime(entry.at, i18n.language as Language)}
              </p>
              <p>{entry.reason}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
