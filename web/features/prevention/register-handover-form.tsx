import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy } from '../../src/ui/field-description.js';
import { FieldMessages } from '../../src/ui/field-message.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { SelectField } from '../../src/ui/select-field.js';
import { useResource } from '../../src/use-resource.js';
import { registerApi, type RegisterHandoverView } from './register-api.js';
import { useFormSubmit } from './use-reason-form.js';

const MIN_REASON = 10;
const MAX_REASON = 1000;
const OFFICER_ID = 'register-handover-officer';
const REASON_ID = 'register-handover-reason';

/** Hands the entry to another officer whose area holds its place, with a reason the entry's team can read. */
export function HandoverForm({ entryId, onDone }: { entryId: string; onDone: (handover: RegisterHandoverView) => void }) {
  const { t } = useTranslation();
  const officers = useResource((signal) => registerApi.officers(entryId, signal), [entryId]);
  const [officerId, setOfficerId] = useState('');
  const [reason, setReason] = useState('');
  const form = useFormSubmit(
    () => {
      const errors: FieldError[] = [];
      if (!officerId) errors.push({ fieldId: OFFICER_ID, message: t('prevention-registers.handover.officerRequired') });
      if (reason.trim().length < MIN_REASON) {
        errors.push({ fieldId: REASON_ID, message: t('prevention-registers.handover.reasonTooShort', { min: MIN_REASON }) });
      }
      return errors;
    },
    async () => onDone(await registerApi.handOver(entryId, { officerId, reason: reason.trim() })),
  );

  if (officers.status === 'loading') return <LoadingMessage />;
  if (officers.status === 'failed') return <LoadFailure error={officers.error} onRetry={officers.reload} />;
  if (officers.data.items.length === 0) return <p>{t('prevention-registers.handover.noOfficers')}</p>;
  const reasonError = form.errorOf(REASON_ID);
  const hint = t('prevention-registers.handover.reasonHint', { min: MIN_REASON, max: MAX_REASON });
  return (
    <form className="register-form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy}>
      <ErrorSummary message={form.failure} fieldErrors={form.errors} />
      <SelectField
        id={OFFICER_ID}
        label={t('prevention-registers.handover.officer')}
        hint={t('prevention-registers.handover.officerHint')}
        error={form.errorOf(OFFICER_ID)}
        value={officerId}
        onChange={(e) => setOfficerId(e.target.value)}
      >
        <option value="">{t('prevention-registers.handover.choose')}</option>
        {officers.data.items.map((o) => (
          <option key={o.id} value={o.id}>
            {o.displayName}
          </option>
        ))}
      </SelectField>
      <div className={reasonError ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={REASON_ID}>
          {t('prevention-registers.handover.reason')}
        </label>
        <FieldMessages id={REASON_ID} hint={hint} error={reasonError} />
        <textarea
          id={REASON_ID}
          className="input textarea"
          rows={3}
          value={reason}
          maxLength={MAX_REASON}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={describedBy(REASON_ID, hint, reasonError)}
        />
      </div>
      <button type="submit" className="button" disabled={form.busy}>
        {form.busy ? t('prevention-registers.handover.busy') : t('prevention-registers.handover.submit')}
      </button>
    </form>
  );
}
