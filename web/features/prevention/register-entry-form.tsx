import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidIin } from '../../../common/iin.js';
import {
  REGISTER_AGENCIES,
  REGISTER_KIND_NAMES,
  REGISTER_KINDS,
  REGISTER_LAWS,
  type RegisterAgency,
  type RegisterKind,
} from '../../../common/register-kinds.js';
import { addDays, latestEndDay, latestReviewDay } from '../../../common/register-terms.js';
import { errorMessage } from '../../src/api.js';
import { useLanguage } from '../../src/i18n.js';
import { navigate } from '../../src/router.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { SelectField } from '../../src/ui/select-field.js';
import { TextField } from '../../src/ui/text-field.js';
import { LocationField } from '../report/location-field.js';
import type { ChosenLocation } from '../report/report-draft.js';
import { registerApi } from './register-api.js';
import { formatDay, todayDay } from './register-format.js';

const PHONE = /^\+?[0-9 ()-]{5,24}$/;

interface Draft {
  kind: RegisterKind;
  name: string;
  iin: string;
  phone: string;
  address: string;
  decision: string;
  startDate: string;
  reviewDate: string;
  endDate: string;
  partnerAgency: RegisterAgency | '';
}

function initialDraft(): Draft {
  const start = todayDay();
  return {
    kind: 'released-prisoner',
    name: '',
    iin: '',
    phone: '',
    address: '',
    decision: '',
    startDate: start,
    reviewDate: addDays(latestReviewDay('released-prisoner', start), -1),
    endDate: latestEndDay('released-prisoner', start, undefined),
    partnerAgency: '',
  };
}

/** A problem with a field, by its text's key, so a language switch re-translates it. */
interface Problem {
  fieldId: string;
  key: string;
  values?: Record<string, string>;
}

function problemsOf(draft: Draft, location: ChosenLocation | null): Problem[] {
  const problems: Problem[] = [];
  const iin = draft.iin.trim();
  if (!draft.name.trim()) problems.push({ fieldId: 'register-name', key: 'form.nameRequired' });
  if (iin && !isValidIin(iin)) problems.push({ fieldId: 'register-iin', key: 'form.iinInvalid' });
  if (draft.phone.trim() && !PHONE.test(draft.phone.trim()))
    problems.push({ fieldId: 'register-phone', key: 'form.phoneInvalid' });
  if (!draft.address.trim()) problems.push({ fieldId: 'register-address', key: 'form.addressRequired' });
  if (!location) problems.push({ fieldId: 'register-location', key: 'form.locationRequired' });
  if (!draft.decision.trim()) problems.push({ fieldId: 'register-decision', key: 'form.decisionRequired' });
  if (!draft.startDate || !draft.reviewDate || !draft.endDate) {
    problems.push({ fieldId: 'register-start', key: 'form.datesRequired' });
    return problems;
  }
  const latest = latestEndDay(draft.kind, draft.startDate, iin && isValidIin(iin) ? iin : undefined);
  if (draft.endDate > latest)
    problems.push({ fieldId: 'register-end', key: 'form.endTooLate', values: { date: formatDay(latest) } });
  if (!(draft.startDate <= draft.reviewDate && draft.reviewDate <= draft.endDate))
    problems.push({ fieldId: 'register-review', key: 'form.datesOrder' });
  return problems;
}

/**
 * Puts a person on a preventive register: the kind and its legal basis, the person, their home
 * on the map, the decision and the term, which the form — and the server after it — keeps within
 * what the basis allows. The entry's page opens next, where visits are planned.
 */
export function RegisterEntryForm() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<Draft>(initialDraft);
  const [location, setLocation] = useState<ChosenLocation | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const text = (key: string, values?: Record<string, string>) => t(`prevention-registers.${key}`, values);
  const errors: FieldError[] = problems.map((p) => ({ fieldId: p.fieldId, message: text(p.key, p.values) }));
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;
  const set = (field: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value });
  const rule = REGISTER_KINDS[draft.kind];
  const iin = draft.iin.trim();
  const latest = draft.startDate ? latestEndDay(draft.kind, draft.startDate, isValidIin(iin) ? iin : undefined) : null;

  function changeKind(kind: RegisterKind) {
    // A new kind brings its own term: the dates follow unless the officer already set them past it.
    const start = draft.startDate || todayDay();
    setDraft({
      ...draft,
      kind,
      reviewDate: addDays(latestReviewDay(kind, start), -1),
      endDate: latestEndDay(kind, start, isValidIin(iin) ? iin : undefined),
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = problemsOf(draft, location);
    setProblems(found);
    if (found.length > 0 || !location) return;
    setBusy(true);
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    try {
      const entry = await registerApi.create({
        kind: draft.kind,
        name: draft.name.trim(),
        iin: optional(draft.iin),
        phone: optional(draft.phone),
        address: draft.address.trim(),
        decision: draft.decision.trim(),
        location: { type: 'Point', coordinates: location.coordinates },
        startDate: draft.startDate,
        reviewDate: draft.reviewDate,
        endDate: draft.endDate,
        partnerAgency: draft.partnerAgency || undefined,
      });
      navigate(`/prevention/registers/${entry.id}`);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  const title = text('form.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{text('form.intro')}</p>
      <form className="register-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary message={failure} fieldErrors={errors} />
        <SelectField
          id="register-kind"
          label={text('form.kind')}
          hint={text('form.basis', {
            law: REGISTER_LAWS[rule.law][language],
            months: String(rule.maxMonths),
            review: String(rule.reviewMonths),
          })}
          value={draft.kind}
          onChange={(e) => changeKind(e.target.value as RegisterKind)}
        >
          {REGISTER_KIND_NAMES.map((kind) => (
            <option key={kind} value={kind}>
              {text(`kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <fieldset className="register-form__group">
          <legend className="register-form__legend">{text('form.person')}</legend>
          <TextField
            id="register-name"
            label={text('form.name')}
            value={draft.name}
            error={errorOf('register-name')}
            autoComplete="off"
            maxLength={200}
            onChange={set('name')}
          />
          <TextField
            id="register-iin"
            label={text('form.iin')}
            hint={text('form.iinHint')}
            inputMode="numeric"
            value={draft.iin}
            error={errorOf('register-iin')}
            autoComplete="off"
            maxLength={12}
            onChange={set('iin')}
          />
          <TextField
            id="register-phone"
            label={text('form.phone')}
            hint={text('form.optional')}
            type="tel"
            value={draft.phone}
            error={errorOf('register-phone')}
            autoComplete="off"
            onChange={set('phone')}
          />
          <TextField
            id="register-address"
            label={text('form.address')}
            value={draft.address}
            error={errorOf('register-address')}
            autoComplete="off"
            maxLength={500}
            onChange={set('address')}
          />
        </fieldset>
        <LocationField id="register-location" value={location} error={errorOf('register-location')} onChange={setLocation} />
        <TextField
          id="register-decision"
          label={text('form.decision')}
          hint={text('form.decisionHint')}
          value={draft.decision}
          error={errorOf('register-decision')}
          autoComplete="off"
          maxLength={500}
          onChange={set('decision')}
        />
        <fieldset className="register-form__group">
          <legend className="register-form__legend">{text('form.term')}</legend>
          <TextField
            id="register-start"
            type="date"
            label={text('form.start')}
            value={draft.startDate}
            error={errorOf('register-start')}
            onChange={set('startDate')}
          />
          <TextField
            id="register-review"
            type="date"
            label={text('form.review')}
            value={draft.reviewDate}
            error={errorOf('register-review')}
            onChange={set('reviewDate')}
          />
          <TextField
            id="register-end"
            type="date"
            label={text('form.end')}
            hint={latest ? text('form.endHint', { date: formatDay(latest) }) : undefined}
            max={latest ?? undefined}
            value={draft.endDate}
            error={errorOf('register-end')}
            onChange={set('endDate')}
          />
        </fieldset>
        <SelectField
          id="register-partner"
          label={text('form.partner')}
          value={draft.partnerAgency}
          onChange={set('partnerAgency')}
        >
          <option value="">{text('form.partnerNone')}</option>
          {REGISTER_AGENCIES.map((agency) => (
            <option key={agency} value={agency}>
              {text(`agency.${agency}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button" disabled={busy}>
          {text('form.submit')}
        </button>
      </form>
    </>
  );
}
