import { useTranslation } from 'react-i18next';
import { describedBy } from '../../src/ui/field-description.js';
import { FieldMessages } from '../../src/ui/field-message.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { preventionApi, type CaseFile } from './prevention-api.js';
import { useReasonForm } from './use-reason-form.js';

const MIN_REASON = 20;

/** Shown to an officer outside the case team: the case opens only with a written, logged reason. */
export function BreakGlassForm({ caseId, onOpened }: { caseId: string; onOpened: (file: CaseFile) => void }) {
  const { t } = useTranslation();
  const id = 'break-glass-reason';
  const form = useReasonForm({
    fieldId: id,
    minLength: MIN_REASON,
    tooShortKey: 'prevention.breakGlass.tooShort',
    send: async (reason) => onOpened(await preventionApi.breakGlass(caseId, reason)),
  });
  const fieldError = form.reasonError;
  return (
    <form className="break-glass" onSubmit={form.onSubmit} noValidate>
      <p>{t('prevention.breakGlass.intro')}</p>
      <ErrorSummary message={form.failure} fieldErrors={form.errors} />
      <div className={fieldError ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={id}>
          {t('prevention.breakGlass.reason')}
        </label>
        <FieldMessages id={id} hint={t('prevention.breakGlass.hint')} error={fieldError} />
        <textarea
          id={id}
          className="input textarea"
          rows={4}
          value={form.reason}
          onChange={(e) => form.setReason(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={describedBy(id, t('prevention.breakGlass.hint'), fieldError)}
          maxLength={1000}
        />
      </div>
      <button type="submit" className="button" disabled={form.busy}>
        {t('prevention.breakGlass.submit')}
      </button>
    </form>
  );
}
