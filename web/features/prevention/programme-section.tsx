import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../src/api.js';
import { useResource } from '../../src/use-resource.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import type { CaseFile } from './prevention-api.js';
import { programmeApi, type Enrolment } from './programme-api.js';
import { EnrolForm } from './programme-enrol-form.js';
import { EndForm, SessionForm } from './programme-session-forms.js';
import './programme-section.css';

/** The aggressor's programmes on the case page: enrolment, attendance and outcome, with forms for the team. */
export function ProgrammeSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const loaded = useResource((signal) => programmeApi.caseProgrammes(file.id, signal), [file.id]);
  const [changed, setChanged] = useState<Enrolment[] | null>(null);
  // The key, not the text: a language switch retranslates the confirmation.
  const [news, setNews] = useState<string | null>(null);
  const items = changed ?? loaded.data;
  // A partner on the team reads the case file but not the aggressor's programmes.
  if (loaded.error instanceof ApiError && loaded.error.status === 403) return null;

  function update(next: Enrolment, messageKey: string) {
    const current = items ?? [];
    const known = current.some((e) => e.id === next.id);
    setChanged(known ? current.map((e) => (e.id === next.id ? next : e)) : [...current, next]);
    setNews(messageKey);
  }

  return (
    <section aria-labelledby="case-programmes">
      <h2 id="case-programmes">{t('prevention-programmes.title')}</h2>
      <StatusMessage message={news ? t(news) : null} />
      {items === null ? (
        loaded.status === 'failed' ? (
          <LoadFailure error={loaded.error} onRetry={loaded.reload} />
        ) : (
          <LoadingMessage />
        )
      ) : (
        <>
          {items.length === 0 ? <p>{t('prevention-programmes.none')}</p> : null}
          <ul className="case-cards programme-cards">
            {items.map((e) => (
              <EnrolmentCard key={e.id} enrolment={e} file={file} onChanged={update} />
            ))}
          </ul>
          {/* A closed case takes nothing new (the server refuses it): its programmes are only shown. */}
          {file.status === 'open' ? (
            <EnrolForm file={file} onEnrolled={(e) => update(e, 'prevention-programmes.enrolled')} />
          ) : null}
        </>
      )}
    </section>
  );
}

function EnrolmentCard({
  enrolment: e,
  file,
  onChanged,
}: {
  enrolment: Enrolment;
  file: CaseFile;
  onChanged: (next: Enrolment, messageKey: string) => void;
}) {
  const { t } = useTranslation();
  const person = file.people.find((p) => p.id === e.personId);
  const headingId = `programme-${e.id}`;
  return (
    <li className="case-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="case-card__title">
        {e.provider.name} · {t(`prevention-programmes.kind.${e.provider.kind}`)}
      </h3>
      <dl className="summary-list">
        {person ? (
          <div className="summary-list__row">
            <dt>{t('prevention.case.role.aggressor')}</dt>
            <dd>{person.name}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>{t('prevention-programmes.basisLabel')}</dt>
          <dd>{t(`prevention-programmes.basis.${e.basis}`)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('prevention-programmes.attendance')}</dt>
          <dd>
            {t('prevention-programmes.attendanceValue', {
              attended: e.attended,
              planned: e.sessionsPlanned,
              missed: e.missed,
              allowed: e.missesAllowed,
            })}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('prevention-programmes.statusLabel')}</dt>
          <dd>
            {t(`prevention-programmes.status.${e.status}`)}
            {e.endedAt ? ` (${e.endedAt.slice(0, 10)})` : ''}
          </dd>
        </div>
      </dl>
      {e.violationId ? <p className="prevention-flag">{t('prevention-programmes.breach')}</p> : null}
      {e.sessions.length > 0 ? (
        <>
          <h4>{t('prevention-programmes.sessions')}</h4>
          <ul>
            {e.sessions.map((s) => (
              <li key={s.id}>
                {s.heldOn}: {s.attended ? t('prevention-programmes.attended') : t('prevention-programmes.missed')}
                {s.missedReason ? ` — ${s.missedReason}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {e.status === 'enrolled' && file.status === 'open' ? (
        <>
          <SessionForm enrolment={e} onChanged={onChanged} />
          <EndForm enrolment={e} onChanged={onChanged} />
        </>
      ) : null}
    </li>
  );
}
