import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidIin } from '../../../common/iin.js';
import { errorMessage } from '../../src/api.js';
import { Link, navigate } from '../../src/router.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { TextField } from '../../src/ui/text-field.js';
import { useMe } from '../auth/session.js';
import { CasePlaceFields, placeFrom, type PlaceDraft } from './case-place-fields.js';
import { preventionApi, type NewPerson } from './prevention-api.js';

interface PersonDraft {
  name: string;
  phone: string;
  iin: string;
  address: string;
}

const EMPTY: PersonDraft = { name: '', phone: '', iin: '', address: '' };
const PHONE = /^\+?[0-9 ()-]{5,24}$/;

type Role = 'victim' | 'aggressor';

/** A problem with a field, by its text's key: translated when shown, so a language switch re-translates it. */
interface Problem {
  fieldId: string;
  key: string;
}

/** The problems of one person's fields; a name is all that is required. */
function personProblems(role: Role, person: PersonDraft): Problem[] {
  const problems: Problem[] = [];
  if (!person.name.trim()) problems.push({ fieldId: `new-case-${role}-name`, key: `prevention.create.${role}NameRequired` });
  if (person.phone.trim() && !PHONE.test(person.phone.trim()))
    problems.push({ fieldId: `new-case-${role}-phone`, key: 'prevention.create.phoneInvalid' });
  if (person.iin.trim() && !isValidIin(person.iin.trim()))
    problems.push({ fieldId: `new-case-${role}-iin`, key: 'prevention.create.iinInvalid' });
  return problems;
}

function toPerson(role: Role, person: PersonDraft): NewPerson {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    role,
    name: person.name.trim(),
    phone: optional(person.phone),
    iin: optional(person.iin),
    address: role === 'victim' ? optional(person.address) : undefined,
  };
}

/**
 * Opens a domestic-violence case: the victim and the aggressor as separate people, the place
 * from the officer's own jurisdiction, the legal basis. Everything personal is encrypted by the
 * server; the case page opens next, where the risk is assessed.
 */
export function CaseCreateForm() {
  const { t } = useTranslation();
  const me = useMe();
  const [victim, setVictim] = useState<PersonDraft>(EMPTY);
  const [aggressor, setAggressor] = useState<PersonDraft>(EMPTY);
  const [place, setPlace] = useState<PlaceDraft>(() => placeFrom(me.jurisdiction));
  const [legalBasis, setLegalBasis] = useState(() => t('prevention.create.basisDefault'));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors: FieldError[] = problems.map((p) => ({ fieldId: p.fieldId, message: t(p.key) }));
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = [
      ...personProblems('victim', victim),
      ...personProblems('aggressor', aggressor),
      ...(place.beatId ? [] : [{ fieldId: 'new-case-beat', key: 'prevention.create.beatRequired' }]),
      ...(legalBasis.trim().length >= 3 ? [] : [{ fieldId: 'new-case-basis', key: 'prevention.create.basisRequired' }]),
    ];
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const file = await preventionApi.createCase({
        beatId: place.beatId,
        legalBasis: legalBasis.trim(),
        people: [toPerson('victim', victim), toPerson('aggressor', aggressor)],
      });
      navigate(`/prevention/cases/${file.id}`);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  const title = t('prevention.create.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('prevention.create.intro')}</p>
      <form className="case-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary message={failure} fieldErrors={errors} />
        <PersonFields role="victim" value={victim} onChange={setVictim} errorOf={errorOf} />
        <PersonFields role="aggressor" value={aggressor} onChange={setAggressor} errorOf={errorOf} />
        <CasePlaceFields scope={me.jurisdiction} value={place} onChange={setPlace} error={errorOf('new-case-beat')} />
        <TextField
          id="new-case-basis"
          label={t('prevention.create.basis')}
          hint={t('prevention.create.basisHint')}
          value={legalBasis}
          error={errorOf('new-case-basis')}
          maxLength={500}
          onChange={(e) => setLegalBasis(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('prevention.create.submit')}
        </button>
      </form>
      <p>
        <Link to="/prevention">{t('prevention.case.back')}</Link>
      </p>
    </>
  );
}

function PersonFields({
  role,
  value,
  onChange,
  errorOf,
}: {
  role: Role;
  value: PersonDraft;
  onChange: (value: PersonDraft) => void;
  errorOf: (id: string) => string | null;
}) {
  const { t } = useTranslation();
  const id = (field: string) => `new-case-${role}-${field}`;
  const set = (field: keyof PersonDraft) => (e: { target: { value: string } }) => onChange({ ...value, [field]: e.target.value });
  return (
    <fieldset className="case-form__group">
      <legend className="case-form__legend">{t(`prevention.case.role.${role}`)}</legend>
      <TextField
        id={id('name')}
        label={t('prevention.create.name')}
        value={value.name}
        error={errorOf(id('name'))}
        autoComplete="off"
        maxLength={200}
        onChange={set('name')}
      />
      <TextField
        id={id('phone')}
        label={t('prevention.create.phone')}
        hint={t('prevention.create.optional')}
        type="tel"
        value={value.phone}
        error={errorOf(id('phone'))}
        autoComplete="off"
        onChange={set('phone')}
      />
      <TextField
        id={id('iin')}
        label={t('prevention.create.iin')}
        hint={t('prevention.create.iinHint')}
        inputMode="numeric"
        value={value.iin}
        error={errorOf(id('iin'))}
        autoComplete="off"
        maxLength={12}
        onChange={set('iin')}
      />
      {role === 'victim' ? (
        <TextField
          id={id('address')}
          label={t('prevention.create.address')}
          hint={t('prevention.create.addressHint')}
          value={value.address}
          autoComplete="off"
          maxLength={500}
          onChange={set('address')}
        />
      ) : null}
    </fieldset>
  );
}
