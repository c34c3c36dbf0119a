import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { SelectField } from '../../src/ui/select-field.js';
import { TextField } from '../../src/ui/text-field.js';
import { programmeApi, today, type Enrolment } from './programme-api.js';
import { useFormSubmit, useReasonForm } from './use-reason-form.js';

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
  // A missed session needs the provider's reason; any words will do.
  const form = useReasonForm({
    fieldId: `${prefix}-reason`,
    minLength: 1,
    tooShortKey: 'prevention-programmes.reasonRequired',
    asked: attended === 'no',
    check: () =>
      /^\d{4}-\d{2}-\d{2}$/.test(heldOn) ? [] : [{ fieldId: `${prefix}-day`, message: t('prevention-programmes.dayRequired') }],
    send: async (reason) => {
      const next = await programmeApi.recordSession(enrolment.id, {
        heldOn,
        attended: attended === 'yes',
        ...(attended === 'no' ? { missedReason: reason } : {}),
      });
      onChanged(
        next,
        next.violationId && !enrolment.violationId
          ? 'prevention-programmes.breachRecorded'
          : 'prevention-programmes.sessionSaved',
      );
    },
  });

  return (
    <form className="case-form" onSubmit={form.onSubmit} noValidate>
      <fieldset className="case-form__group">
        <legend className="case-form__legend">{t('prevention-programmes.recordSession')}</legend>
        <ErrorSummary message={form.failure} fieldErrors={form.errors} />
        <TextField
          id={`${prefix}-day`}
          type="date"
          label={t('prevention-programmes.day')}
          value={heldOn}
          error={form.errorOf(`${prefix}-day`)}
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
            value={form.reason}
            maxLength={1000}
            error={form.reasonError}
            onChange={(e) => form.setReason(e.target.value)}
          />
        ) : null}
        <button type="submit" className="button button--secondary" disabled={form.busy}>
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
  const form = useFormSubmit(
    () => [],
    async () => onChanged(await programmeApi.end(enrolment.id, { status, endedOn }), `prevention-programmes.ended.${status}`),
  );

  return (
    <form className="case-form" onSubmit={form.onSubmit} noValidate>
      <fieldset className="case-form__group">
        <legend className="case-form__legend">{t('prevention-programmes.endTitle')}</legend>
        <ErrorSummary message={form.failure} />
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
        <button type="submit" className="button button--secondary" disabled={form.busy}>
          {t('prevention-programmes.endButton')}
        </button>
      </fieldset>
    </form>
  );
}
