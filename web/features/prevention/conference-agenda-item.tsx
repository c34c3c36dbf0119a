import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/roles.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { SelectField } from '../../src/ui/select-field.js';
import { TextField } from '../../src/ui/text-field.js';
import { useNotice } from '../../src/ui/use-notice.js';
import { DecisionAmendment, DecisionHistory } from './conference-corrections.js';
import { preventionApi, type AgendaEntry, type Agency, type Conference } from './prevention-api.js';

interface Props {
  conference: Conference;
  referral: AgendaEntry;
  /** With the translation key of the confirmation to show. */
  onChanged: (next: Conference, messageKey: string) => void;
}

/**
 * One case on the agenda: why it was referred, the decisions and actions so far, and forms to add
 * both. A case closed since it was put on the agenda takes neither (the server refuses writes to a
 * closed case), so it shows what was recorded and says how to go on.
 */
export function AgendaItem({ conference, referral, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language as Language);
  const decisions = conference.decisions.filter((d) => d.caseId === referral.caseId);
  const actions = conference.actions.filter((a) => a.caseId === referral.caseId);
  const headingId = `agenda-${referral.id}`;
  return (
    <li className="case-card agenda__item">
      <h3 id={headingId} className="case-card__title">
        <Link to={`/prevention/cases/${referral.caseId}`}>{referral.caseNumber}</Link>
      </h3>
      <p>{referral.criteria.map((c) => t(`prevention.case.criteria.${c}`)).join(', ')}</p>
      {referral.isRepeat ? <p className="prevention-flag">{t('prevention.case.repeat')}</p> : null}
      {referral.caseClosed ? (
        <div className="notice notice--warning" role="note">
          <p>
            <strong>{t('prevention.conference.caseClosed')}</strong>
          </p>
          <p>{t('prevention.conference.caseClosedBody')}</p>
        </div>
      ) : null}

      <h4>{t('prevention.conference.decisions')}</h4>
      {decisions.length === 0 ? (
        <p>{t('prevention.conference.noDecision')}</p>
      ) : (
        <ul>
          {decisions.map((d) => (
            <li key={d.id}>
              {d.decision} <span className="hint">({when(d.decidedAt)})</span>
              {d.amendedAt ? (
                <span className="hint"> · {t('prevention.conference.amendedAt', { when: when(d.amendedAt) })}</span>
              ) : null}
              <DecisionHistory decision={d} />
              {referral.caseClosed ? null : (
                <DecisionAmendment
                  conference={conference}
                  decision={d}
                  caseNumber={referral.caseNumber}
                  onAmended={(next) => onChanged(next, 'prevention.conference.decisionAmended')}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {referral.caseClosed ? null : <DecisionForm conference={conference} referral={referral} onChanged={onChanged} />}

      <h4>{t('prevention.conference.actions')}</h4>
      {actions.length === 0 ? (
        <p>{t('prevention.case.noActions')}</p>
      ) : (
        <ul>
          {actions.map((a) => (
            <li key={a.id}>
              <strong>{t(`prevention.agency.${a.agency}`)}</strong>: {a.description} — {t('prevention.case.due')} {when(a.dueAt)}{' '}
              ·{' '}
              {a.completedAt ? t('prevention.case.done') : a.isOverdue ? t('prevention.case.overdue') : t('prevention.case.open')}
            </li>
          ))}
        </ul>
      )}
      {referral.caseClosed ? null : <ActionForm conference={conference} referral={referral} onChanged={onChanged} />}
    </li>
  );
}

function DecisionForm({ conference, referral, onChanged }: Props) {
  const { t } = useTranslation();
  const id = `decision-${referral.id}`;
  const [text, setText] = useState('');
  const [error, setError] = useNotice();
  const [failure, setFailure] = useNotice();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (!text.trim()) {
      setError({ key: 'prevention.conference.decisionRequired' });
      return;
    }
    setError(null);
    setBusy(true);
    try {
      onChanged(
        await preventionApi.recordDecision(conference.id, referral.caseId, text.trim()),
        'prevention.conference.decisionSaved',
      );
      setText('');
    } catch (e) {
      setFailure({ error: e });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="case-form" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary message={failure} fieldErrors={error ? [{ fieldId: id, message: error }] : []} />
      <TextField
        id={id}
        label={t('prevention.conference.decision', { number: referral.caseNumber })}
        value={text}
        error={error}
        maxLength={2000}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button button--secondary" disabled={busy}>
        {t('prevention.conference.saveDecision')}
      </button>
    </form>
  );
}

/** Tomorrow plus a week, as a date input takes it: a safety-plan action's usual deadline. */
function defaultDue(): string {
  return new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
}

function ActionForm({ conference, referral, onChanged }: Props) {
  const { t } = useTranslation();
  const prefix = `action-${referral.id}`;
  const [agency, setAgency] = useState<Agency | ''>('');
  const [description, setDescription] = useState('');
  const [due, setDue] = useState(defaultDue);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useNotice();
  const [busy, setBusy] = useState(false);
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    // The end of the chosen day in the officer's own time: "due on the 12th" means by that evening.
    const dueAt = new Date(`${due}T23:59`);
    const found: FieldError[] = [
      ...(agency ? [] : [{ fieldId: `${prefix}-agency`, message: t('prevention.conference.agencyRequired') }]),
      ...(description.trim() ? [] : [{ fieldId: `${prefix}-text`, message: t('prevention.conference.actionRequired') }]),
      ...(Number.isNaN(dueAt.getTime()) ? [{ fieldId: `${prefix}-due`, message: t('prevention.conference.dueRequired') }] : []),
    ];
    setErrors(found);
    if (found.length > 0 || !agency) return;
    setBusy(true);
    try {
      await preventionApi.addAction(conference.id, {
        caseId: referral.caseId,
        agency,
        description: description.trim(),
        dueAt: dueAt.toISOString(),
      });
      const next = await preventionApi.conference(conference.id, new AbortController().signal);
      onChanged(next, 'prevention.conference.actionSaved');
      setDescription('');
      setAgency('');
    } catch (e) {
      setFailure({ error: e });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="case-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="case-form__group">
        <legend className="case-form__legend">{t('prevention.conference.newAction', { number: referral.caseNumber })}</legend>
        <ErrorSummary message={failure} fieldErrors={errors} />
        <SelectField
          id={`${prefix}-agency`}
          label={t('prevention.conference.owner')}
          value={agency}
          error={errorOf(`${prefix}-agency`)}
          onChange={(e) => setAgency(e.target.value as Agency | '')}
        >
          <option value="">{t('prevention.create.choose')}</option>
          {conference.agencies.map((a) => (
            <option key={a} value={a}>
              {t(`prevention.agency.${a}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${prefix}-text`}
          label={t('prevention.conference.actionText')}
          value={description}
          error={errorOf(`${prefix}-text`)}
          maxLength={2000}
          onChange={(e) => setDescription(e.target.value)}
        />
        <TextField
          id={`${prefix}-due`}
          type="date"
          label={t('prevention.conference.dueDate')}
          value={due}
          error={errorOf(`${prefix}-due`)}
          onChange={(e) => setDue(e.target.value)}
        />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('prevention.conference.addAction')}
        </button>
      </fieldset>
    </form>
  );
}
