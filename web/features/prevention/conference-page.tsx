import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/roles.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { useResource } from '../../src/use-resource.js';
import { Checkbox } from '../../src/ui/checkbox.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import { preventionApi, type Agency, type Conference } from './prevention-api.js';
import { AgendaItem } from './conference-agenda-item.js';
import { AttendanceHistory } from './conference-corrections.js';
import { TextField } from '../../src/ui/text-field.js';
import { useReasonForm } from './use-reason-form.js';

/** One risk conference: who came, and for each case on its agenda the decision and the safety plan. */
export function ConferencePage({ conferenceId }: { conferenceId: string }) {
  const { t, i18n } = useTranslation();
  const loaded = useResource((signal) => preventionApi.conference(conferenceId, signal), [conferenceId]);
  const [updated, setUpdated] = useState<Conference | null>(null);
  // The key of the last confirmation, translated when shown so a language switch re-translates it.
  const [status, setStatus] = useState<string | null>(null);
  const conference = updated ?? loaded.data;
  if (!conference) {
    return loaded.status === 'loading' ? <LoadingMessage /> : <LoadFailure error={loaded.error} onRetry={loaded.reload} />;
  }
  const title = t('prevention.conference.title', { when: formatDateTime(conference.scheduledAt, i18n.language as Language) });
  const changed = (next: Conference, message: string) => {
    setUpdated(next);
    setStatus(message);
  };

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <StatusMessage message={status ? t(status) : null} />
      <Attendance
        conference={conference}
        onSaved={(next, corrected) =>
          changed(next, corrected ? 'prevention.conference.attendanceCorrected' : 'prevention.conference.attendanceSaved')
        }
      />
      <section aria-labelledby="conference-agenda">
        <h2 id="conference-agenda">{t('prevention.conference.agenda')}</h2>
        {conference.agenda.length === 0 ? (
          <p>{t('prevention.conference.emptyAgenda')}</p>
        ) : (
          <ul className="agenda">
            {conference.agenda.map((referral) => (
              <AgendaItem
                key={referral.id}
                conference={conference}
                referral={referral}
                onChanged={(next, message) => changed(next, message)}
              />
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link to="/prevention/conferences">{t('prevention.conference.back')}</Link>
      </p>
    </>
  );
}

/**
 * Attendance is recorded once; after that the same checkboxes correct it, which needs a reason
 * and keeps the list it replaces.
 */
function Attendance({
  conference,
  onSaved,
}: {
  conference: Conference;
  onSaved: (next: Conference, corrected: boolean) => void;
}) {
  const { t } = useTranslation();
  const [attended, setAttended] = useState<Agency[]>(conference.attended ?? []);
  const recorded = conference.attended !== null;
  const form = useReasonForm({
    fieldId: 'attendance-reason',
    minLength: 10,
    tooShortKey: 'prevention.conference.reasonShort',
    asked: recorded,
    send: async (reason) =>
      recorded
        ? onSaved(await preventionApi.correctAttendance(conference.id, attended, reason), true)
        : onSaved(await preventionApi.recordAttendance(conference.id, attended), false),
  });

  return (
    <section aria-labelledby="conference-attendance">
      <h2 id="conference-attendance">{t('prevention.conference.attendance')}</h2>
      <form className="case-form" onSubmit={form.onSubmit} noValidate>
        <fieldset className="case-form__group">
          <legend className="case-form__legend">{t('prevention.conference.attendedLegend')}</legend>
          {conference.agencies.map((agency) => (
            <Checkbox
              key={agency}
              id={`attended-${agency}`}
              label={t(`prevention.agency.${agency}`)}
              checked={attended.includes(agency)}
              onChange={(e) => setAttended((all) => (e.target.checked ? [...all, agency] : all.filter((a) => a !== agency)))}
            />
          ))}
        </fieldset>
        {recorded ? (
          <TextField
            id="attendance-reason"
            label={t('prevention.conference.correctionReason')}
            hint={t('prevention.conference.reasonHint')}
            value={form.reason}
            error={form.reasonError}
            maxLength={1000}
            onChange={(e) => form.setReason(e.target.value)}
          />
        ) : null}
        <div aria-live="assertive" className="error-summary-region">
          {form.failure ? <p className="field__error">{form.failure}</p> : null}
        </div>
        <button type="submit" className="button" disabled={form.busy}>
          {recorded ? t('prevention.conference.correctAttendance') : t('prevention.conference.saveAttendance')}
        </button>
      </form>
      <AttendanceHistory conference={conference} />
    </section>
  );
}
