import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REGISTER_CONTACT_KINDS,
  REGISTER_OUTCOMES,
  type RegisterContactKind,
  type RegisterOutcome,
} from '../../../common/register-kinds.js';
import { errorMessage } from '../../src/api.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { SelectField } from '../../src/ui/select-field.js';
import { TextField } from '../../src/ui/text-field.js';
import { registerApi } from './register-api.js';
import { todayDay } from './register-format.js';

/** Plans a visit or contact on the entry; the server keeps its day within the entry's term. */
export function PlanContactForm({ entryId, onDone }: { entryId: string; onDone: (messageKey: string) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<RegisterContactKind>('home-visit');
  const [dueDate, setDueDate] = useState(todayDay);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    try {
      await registerApi.planContact(entryId, { kind, dueDate });
      onDone('prevention-registers.entry.planned');
    } catch (error) {
      setFailure(errorMessage(error));
    }
    setBusy(false);
  }

  return (
    <form className="register-form register-form--inline" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('prevention-registers.entry.plan')}</h3>
      <ErrorSummary message={failure} />
      <SelectField
        id="register-plan-kind"
        label={t('prevention-registers.entry.planKind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as RegisterContactKind)}
      >
        {REGISTER_CONTACT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`prevention-registers.contactKind.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id="register-plan-due"
        type="date"
        label={t('prevention-registers.entry.planDue')}
        value={dueDate}
        onChange={(e) => setDueDate(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy || !dueDate}>
        {t('prevention-registers.entry.planSubmit')}
      </button>
    </form>
  );
}

/** Records how one planned contact went; the note is optional and encrypted by the server. */
export function OutcomeForm({ contactId, onDone }: { contactId: string; onDone: (messageKey: string) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<RegisterOutcome>('met');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `register-outcome-${contactId}-${field}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    try {
      await registerApi.recordOutcome(contactId, { outcome, note: note.trim() ? note.trim() : undefined });
      onDone('prevention-registers.entry.recorded');
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <form className="register-form register-form--inline" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary message={failure} />
      <SelectField
        id={id('outcome')}
        label={t('prevention-registers.entry.outcome')}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as RegisterOutcome)}
      >
        {REGISTER_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t(`prevention-registers.outcome.${o}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={id('note')}
        label={t('prevention-registers.entry.note')}
        hint={t('prevention-registers.entry.noteHint')}
        value={note}
        maxLength={2000}
        autoComplete="off"
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('prevention-registers.entry.outcomeSubmit')}
      </button>
    </form>
  );
}
