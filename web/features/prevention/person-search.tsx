import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidIin } from '../../../common/iin.js';
import type { RegisterKind } from '../../../common/register-kinds.js';
import type { RegisterAccess } from '../../../common/schemas/registers.js';
import { api, errorMessage } from '../../src/api.js';
import { Link } from '../../src/router.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { TextField } from '../../src/ui/text-field.js';
import { useMe } from '../auth/session.js';
import { GradeTag } from './grade-tag.js';
import type { CaseFile } from './prevention-api.js';
import { formatDay } from './register-format.js';

interface Match {
  caseId: string;
  caseNumber: string;
  status: CaseFile['status'];
  riskGrade: CaseFile['riskGrade'];
  role: CaseFile['people'][number]['role'];
  access: CaseFile['access'] | null;
  people: { role: CaseFile['people'][number]['role']; initials: string; name?: string }[];
  canBreakGlass: boolean;
}

/** A register entry about the person (server: person-search-schema.ts); the name only where the caller may read it. */
interface RegisterMatch {
  entryId: string;
  entryNumber: string;
  kind: RegisterKind;
  status: string;
  endDate: string;
  access: RegisterAccess | null;
  name?: string;
}

interface Found {
  items: Match[];
  registerEntries: RegisterMatch[];
}

/**
 * "Has this person been in a case before?": every case in the caller's area a person appears
 * in, by IIN, and every preventive register entry about them. The IIN goes in a POST body, never
 * in the address bar; the reason is audited. Cases the caller may not open show only roles and
 * initials, entries they may not read only their kind and term, exactly as the server sends them;
 * breaking the glass happens on the case page, where the written reason is asked for.
 */
export function PersonSearchForm({ resultsHeading }: { resultsHeading: 'h2' | 'h3' }) {
  const { t } = useTranslation();
  // The registers are officers' and supervisors' work: a prosecutor is not told of entries either way.
  const worksRegisters = useMe().roles.some((r) => r === 'officer' || r === 'supervisor');
  const [iin, setIin] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [found, setFound] = useState<Found | null>(null);
  const [busy, setBusy] = useState(false);
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const digits = iin.replace(/\s/g, '');
    const problems: FieldError[] = [
      ...(isValidIin(digits) ? [] : [{ fieldId: 'person-search-iin', message: t('prevention-programmes.search.iinInvalid') }]),
      ...(reason.trim() ? [] : [{ fieldId: 'person-search-reason', message: t('prevention-programmes.search.reasonRequired') }]),
    ];
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      setFound(await api.post<Found>('/api/v1/prevention/people/search', { iin: digits, reason: reason.trim() }));
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form className="case-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary message={failure} fieldErrors={errors} />
        <TextField
          id="person-search-iin"
          label={t('prevention-programmes.search.iin')}
          hint={t('prevention-programmes.search.iinHint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          value={iin}
          error={errorOf('person-search-iin')}
          onChange={(e) => setIin(e.target.value)}
        />
        <TextField
          id="person-search-reason"
          label={t('prevention-programmes.search.reason')}
          maxLength={1000}
          value={reason}
          error={errorOf('person-search-reason')}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('prevention-programmes.search.button')}
        </button>
      </form>
      {/* One live region, a line for the cases and one for the register. */}
      <div role="status" aria-live="polite" aria-atomic="true" className="status-region">
        {found === null ? null : (
          <>
            <p className="status-message">
              {found.items.length === 0
                ? t('prevention-programmes.search.none')
                : t('prevention-programmes.search.found', { count: found.items.length })}
            </p>
            {worksRegisters ? (
              <p className="status-message">
                {found.registerEntries.length === 0
                  ? t('prevention-programmes.search.registerNone')
                  : t('prevention-programmes.search.registerFound', { count: found.registerEntries.length })}
              </p>
            ) : null}
          </>
        )}
      </div>
      {found && found.items.length > 0 ? (
        <ul className="case-cards">
          {found.items.map((m) => (
            <li key={m.caseId} className="case-card">
              <p className="case-card__title">
                <Link to={`/prevention/cases/${m.caseId}`}>{m.caseNumber}</Link> <GradeTag grade={m.riskGrade} />
              </p>
              <p>{t('prevention-programmes.search.asRole', { role: t(`prevention.case.role.${m.role}`) })}</p>
              <p>{t(`prevention-programmes.search.status.${m.status}`)}</p>
              <ul>
                {m.people.map((p, i) => (
                  <li key={i}>
                    {t(`prevention.case.role.${p.role}`)}: {p.name ?? p.initials}
                  </li>
                ))}
              </ul>
              {m.access === null ? (
                <p className="hint">
                  {t(m.canBreakGlass ? 'prevention-programmes.search.masked' : 'prevention-programmes.search.teamOnly')}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {found && found.registerEntries.length > 0 ? (
        <RegisterMatches entries={found.registerEntries} heading={resultsHeading} />
      ) : null}
    </>
  );
}

/** The person's register entries: a link and the name where the caller may read the entry, its kind and term always. */
function RegisterMatches({ entries, heading: Heading }: { entries: RegisterMatch[]; heading: 'h2' | 'h3' }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="person-search-register">
      <Heading id="person-search-register">{t('prevention-programmes.search.registerTitle')}</Heading>
      <ul className="case-cards">
        {entries.map((e) => (
          <li key={e.entryId} className="case-card">
            <p className="case-card__title">
              {e.access === null ? e.entryNumber : <Link to={`/prevention/registers/${e.entryId}`}>{e.entryNumber}</Link>}
            </p>
            <p>{t(`prevention-registers.kind.${e.kind}`)}</p>
            {e.name ? <p>{e.name}</p> : null}
            <p>{t('prevention-programmes.search.registerEnds', { date: formatDay(e.endDate) })}</p>
            {e.access === null ? <p className="hint">{t('prevention-programmes.search.registerMasked')}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The search as a section of the case page, for a repeat victim or aggressor. */
export function PersonSearch() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="person-search">
      <h2 id="person-search">{t('prevention-programmes.search.title')}</h2>
      <PersonSearchForm resultsHeading="h3" />
    </section>
  );
}
