import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../src/api.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { SelectField } from '../../src/ui/select-field.js';
import { TextField } from '../../src/ui/text-field.js';
import { programmeApi, today, type Enrolment } from './programme-api.js';

interface Props {
  enrolment: Enrolment;
  onChanged: (next: Enrolment, messageKey: string) => void;
}

/** One session: attended, or missed with the reason the provider gave. */
export function SessionForm({ enrolment, onChanged }: Props) {
  const { t } = useTranslation();
  const prefix = `session-${enrolment.id}`;
  const [heldOn, setHeldOn] = useState(today);
  const [attended, setAttended] = useState<'yes' | 'no'>('yes');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found: FieldError[] = [
      ...(/^\d{4}-\d{2}-\d{2}$/.test(heldOn)
        ? []
        : [{ fieldId: `${prefix}-day`, message: t('prevention-programmes.dayRequired') }]),
      ...(attended === 'no' && !reason.trim()
        ? [{ fieldId: `${prefix}-reason`, message: t('prevention-programmes.reasonRequired') }]
        : []),
    ];
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const next = await programmeApi.recordSession(enrolment.id, {
        heldOn,
        attended: attended === 'yes',
        ...(attended === 'no' ? { missedReason: reason.trim() } : {}),
      });
      setReason('');
      onChanged(
        next,
        next.violationId && !enrolment.violationId
          ? 'prevention-programmes.breachRecorded'
          : 'prevention-programmes.sessionSaved',
      );
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="case-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="case-form__group">
        <legend className="case-form__legend">{t('prevention-programmes.recordSession')}</legend>
        <ErrorSummary message={failure} fieldErrors={errors} />
        <TextField
          id={`${prefix}-day`}
          type="date"
          label={t('prevention-programmes.day')}
          value={heldOn}
          error={errorOf(`${prefix}-day`)}
          onChange={(e) => setHeldOn(e.target.value)}
        />
        <SelectField
          id={`${prefix}-attended`}
          label={t('prevention-programmes.attendedLabel')}
          value={attended}
          onChange={(e) => setAttended(e.target.value as 'yes' | 'no')}
        >
          <option value="yes">{t('prevention-programmes.attended')}</option>
          <option value="no">{t('prevention-programmes.missed')}</option>
        </SelectField>
        {attended === 'no' ? (
          <TextField
            id={`${prefix}-reason`}
            label={t('prevention-programmes.reason')}
            value={reason}
            maxLength={1000}
            error={errorOf(`${prefix}-reason`)}
            onChange={(e) => setReason(e.target.value)}
          />
        ) : null}
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('prevention-programmes.saveSession')}
        </button>
      </fieldset>
    </form>
  );
}

/** Ends the programme: completed, or dropped out (for a court's order, a breach). */
export function EndForm({ enrolment, onChanged }: Props) {
  const { t } = useTranslation();
  const prefix = `end-${enrolment.id}`;
  const [status, setStatus] = useState<'completed' | 'dropped-out'>('completed');
  const [endedOn, setEndedOn] = useState(today);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    try {
      onChanged(await programmeApi.end(enrolment.id, { status, endedOn }), `prevention-programmes.ended.${status}`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="case-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="case-form__group">
        <legend className="case-form__legend">{t('prevention-programmes.endTitle')}</legend>
        <ErrorSummary message={failure} />
        <SelectField
          id={`${prefix}-status`}
          label={t('prevention-programmes.outcome')}
          value={status}
          onChange={(e) => setStatus(e.target.value as 'completed' | 'dropped-out')}
        >
          <option value="completed">{t('prevention-programmes.status.completed')}</option>
          <option value="dropped-out">{t('prevention-programmes.status.dropped-out')}</option>
        </SelectField>
        <TextField
          id={`${prefix}-day`}
          type="date"
          label={t('prevention-programmes.endedOn')}
          value={endedOn}
          required
          onChange={(e) => setEndedOn(e.target.value)}
        />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('prevention-programmes.endButton')}
        </button>
      </fieldset>
    </form>
  );
}
