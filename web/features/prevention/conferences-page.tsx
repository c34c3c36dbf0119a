import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/roles.js';
import { errorMessage } from '../../src/api.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Link, navigate } from '../../src/router.js';
import { useResource } from '../../src/use-resource.js';
import { Checkbox } from '../../src/ui/checkbox.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { SelectField } from '../../src/ui/select-field.js';
import { TextField } from '../../src/ui/text-field.js';
import { useMe } from '../auth/session.js';
import { useDistricts } from '../geo/geo-api.js';
import { AGENCIES, preventionApi, type Agency, type ReferralView } from './prevention-api.js';

/** The chair's page: the cases waiting for a conference, a form to call one, and the conferences held. */
export function ConferencesPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const due = useResource((signal) => preventionApi.dueReferrals(signal), []);
  const held = useResource((signal) => preventionApi.conferences(signal), []);
  const me = useMe();
  const districts = useDistricts(me.jurisdiction.regionId ?? '');
  const districtName = (id: string) => districts.data?.find((d) => d.id === id)?.name ?? id;
  const title = t('prevention.conferences.title');

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('prevention.conferences.intro')}</p>

      <section aria-labelledby="conferences-due">
        <h2 id="conferences-due">{t('prevention.conferences.due')}</h2>
        {due.status === 'loading' ? (
          <LoadingMessage />
        ) : due.status === 'failed' ? (
          <LoadFailure error={due.error} onRetry={due.reload} />
        ) : due.data.items.length === 0 ? (
          <p>{t('prevention.conferences.noneDue')}</p>
        ) : (
          <DueList referrals={due.data.items} districtName={districtName} />
        )}
      </section>

      <section aria-labelledby="conferences-call">
        <h2 id="conferences-call">{t('prevention.conferences.call')}</h2>
        <CallConferenceForm
          districtChoices={
            me.jurisdiction.level === 'district' && me.jurisdiction.districtId
              ? [{ id: me.jurisdiction.districtId, name: districtName(me.jurisdiction.districtId) }]
              : (districts.data ?? []).map((d) => ({ id: d.id, name: d.name }))
          }
          suggested={due.data?.items[0]?.districtId ?? me.jurisdiction.districtId ?? ''}
        />
      </section>

      <section aria-labelledby="conferences-held">
        <h2 id="conferences-held">{t('prevention.conferences.held')}</h2>
        {held.status === 'loading' ? (
          <LoadingMessage />
        ) : held.status === 'failed' ? (
          <LoadFailure error={held.error} onRetry={held.reload} />
        ) : held.data.items.length === 0 ? (
          <p>{t('prevention.conferences.noneHeld')}</p>
        ) : (
          <ul className="case-cards">
            {held.data.items.map((c) => (
              <li key={c.id} className="case-card">
                <p className="case-card__title">
                  <Link to={`/prevention/conferences/${c.id}`}>{formatDateTime(c.scheduledAt, language)}</Link>
                </p>
                <p>{districtName(c.districtId)}</p>
                <p>
                  {t('prevention.conferences.agendaCount', { count: c.agendaCount })} ·{' '}
                  {t('prevention.conferences.openActions', { count: c.openActions })}
                </p>
                <p>
                  {c.attended === null
                    ? t('prevention.conferences.noAttendance')
                    : t('prevention.conferences.attendedCount', { attended: c.attended.length, invited: c.agencies.length })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function DueList({ referrals, districtName }: { referrals: ReferralView[]; districtName: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="case-cards">
      {referrals.map((r) => (
        <li key={r.id} className="case-card">
          <p className="case-card__title">
            <Link to={`/prevention/cases/${r.caseId}`}>{r.caseNumber}</Link>
          </p>
          <p>
            {districtName(r.districtId)} · {t('prevention.case.referred')}:{' '}
            {formatDateTime(r.referredAt, i18n.language as Language)}
          </p>
          <p>{r.criteria.map((c) => t(`prevention.case.criteria.${c}`)).join(', ')}</p>
          {r.isRepeat ? <p className="prevention-flag">{t('prevention.case.repeat')}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** Two days from now at 10:00 local time, in the form a datetime-local input takes. */
function defaultTime(): string {
  const at = new Date(Date.now() + 2 * 86_400_000);
  at.setHours(10, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T10:00`;
}

function CallConferenceForm({
  districtChoices,
  suggested,
}: {
  districtChoices: { id: string; name: string }[];
  suggested: string;
}) {
  const { t } = useTranslation();
  const [districtId, setDistrictId] = useState('');
  const [when, setWhen] = useState(defaultTime);
  const [agencies, setAgencies] = useState<Agency[]>(['police', 'crisis-centre', 'health', 'social-protection']);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = districtId || suggested;
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const at = new Date(when);
    const found: FieldError[] = [
      ...(chosen ? [] : [{ fieldId: 'conference-district', message: t('prevention.conferences.districtRequired') }]),
      ...(Number.isNaN(at.getTime()) ? [{ fieldId: 'conference-when', message: t('prevention.conferences.whenRequired') }] : []),
      ...(agencies.length > 0
        ? []
        : [{ fieldId: 'conference-agency-police', message: t('prevention.conferences.agenciesRequired') }]),
    ];
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const created = await preventionApi.callConference({ districtId: chosen, scheduledAt: at.toISOString(), agencies });
      navigate(`/prevention/conferences/${created.id}`);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <form className="case-form" onSubmit={(e) => void submit(e)} noValidate>
      <p className="field__hint">{t('prevention.conferences.callHint')}</p>
      <ErrorSummary message={failure} fieldErrors={errors} />
      <SelectField
        id="conference-district"
        label={t('prevention.create.district')}
        value={chosen}
        error={errorOf('conference-district')}
        onChange={(e) => setDistrictId(e.target.value)}
      >
        <option value="">{t('prevention.create.choose')}</option>
        {districtChoices.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="conference-when"
        type="datetime-local"
        label={t('prevention.conferences.when')}
        value={when}
        error={errorOf('conference-when')}
        onChange={(e) => setWhen(e.target.value)}
      />
      <fieldset className="case-form__group">
        <legend className="case-form__legend">{t('prevention.conferences.invited')}</legend>
        {errorOf('conference-agency-police') ? <p className="field__error">{errorOf('conference-agency-police')}</p> : null}
        {AGENCIES.map((agency) => (
          <Checkbox
            key={agency}
            id={`conference-agency-${agency}`}
            label={t(`prevention.agency.${agency}`)}
            checked={agencies.includes(agency)}
            onChange={(e) => setAgencies((all) => (e.target.checked ? [...all, agency] : all.filter((a) => a !== agency)))}
          />
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        {t('prevention.conferences.callSubmit')}
      </button>
    </form>
  );
}
