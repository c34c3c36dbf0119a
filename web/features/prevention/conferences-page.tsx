import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Jurisdiction, Language } from '../../../common/roles.js';
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
import { DistrictChoice, placeFrom, RegionChoice, type PlaceDraft } from './case-place-fields.js';
import { AGENCIES, preventionApi, type Agency, type ReferralView } from './prevention-api.js';

/** The chair's page: the cases waiting for a conference, a form to call one, and the conferences held. */
export function ConferencesPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const due = useResource((signal) => preventionApi.dueReferrals(signal), []);
  const held = useResource((signal) => preventionApi.conferences(signal), []);
  const me = useMe();
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
          <DueList referrals={due.data.items} />
        )}
      </section>

      <section aria-labelledby="conferences-call">
        <h2 id="conferences-call">{t('prevention.conferences.call')}</h2>
        {due.status === 'loading' ? (
          <LoadingMessage />
        ) : (
          // Keyed so the form starts from the first waiting case's district once the list is in.
          <CallConferenceForm key={due.data?.items[0]?.id ?? 'none'} scope={me.jurisdiction} suggested={due.data?.items[0]} />
        )}
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
                <p>
                  <DistrictName regionId={c.regionId} districtId={c.districtId} />
                </p>
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

/** A district's name in the interface language (the id until the region's list is in). */
function DistrictName({ regionId, districtId }: { regionId: string; districtId: string }) {
  const districts = useDistricts(regionId);
  return <>{districts.data?.find((d) => d.id === districtId)?.name ?? districtId}</>;
}

function DueList({ referrals }: { referrals: ReferralView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="case-cards">
      {referrals.map((r) => (
        <li key={r.id} className="case-card">
          <p className="case-card__title">
            <Link to={`/prevention/cases/${r.caseId}`}>{r.caseNumber}</Link>
          </p>
          <p>
            <DistrictName regionId={r.regionId} districtId={r.districtId} /> · {t('prevention.case.referred')}:{' '}
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

/**
 * The district to call the conference in: a district's own users have theirs; a region's pick
 * one of its districts; a country's pick the region first (the lists of the case form). The
 * first waiting case's district is offered.
 */
function CallConferenceForm({ scope, suggested }: { scope: Jurisdiction; suggested: ReferralView | undefined }) {
  const { t } = useTranslation();
  const [place, setPlace] = useState<PlaceDraft>(() =>
    scope.level === 'district' || scope.level === 'beat'
      ? placeFrom(scope)
      : {
          regionId: scope.regionId ?? suggested?.regionId ?? '',
          districtId: suggested && (scope.regionId === null || suggested.regionId === scope.regionId) ? suggested.districtId : '',
          beatId: '',
        },
  );
  const [when, setWhen] = useState(defaultTime);
  const [agencies, setAgencies] = useState<Agency[]>(['police', 'crisis-centre', 'health', 'social-protection']);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = place.districtId;
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
      {scope.level === 'country' ? <RegionChoice id="conference-region" value={place} onChange={setPlace} /> : null}
      {scope.level === 'country' || scope.level === 'region' ? (
        <DistrictChoice id="conference-district" value={place} onChange={setPlace} error={errorOf('conference-district')} />
      ) : (
        <OwnDistrict place={place} />
      )}
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

/** A district-level chair's only district, shown as a one-choice list so the form reads the same. */
function OwnDistrict({ place }: { place: PlaceDraft }) {
  const { t } = useTranslation();
  const districts = useDistricts(place.regionId);
  const name = districts.data?.find((d) => d.id === place.districtId)?.name ?? place.districtId;
  return (
    <SelectField id="conference-district" label={t('prevention.create.district')} value={place.districtId} onChange={() => {}}>
      <option value={place.districtId}>{name}</option>
    </SelectField>
  );
}
